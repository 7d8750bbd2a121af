/**
 * Reaching into Shelfmark's closed shadow roots (reading badges, Save
 * controls, the Save panel: entrypoints/archive.content/closed-host.ts) from
 * tests. Playwright's selectors stop at closed roots, as page scripts do; the
 * DevTools protocol does not: `DOM.describeNode` with `pierce` names a host's
 * closed root, `DOM.resolveNode` hands it to the page's main world and
 * `Runtime.callFunctionOn` runs a function on it there.
 *
 * Clicks are real mouse clicks at the element's place (the content script
 * refuses the untrusted events a script's `.click()` makes), keys go through
 * `page.keyboard`. The functions passed in run in the page: no named helpers
 * inside them (the test runner's transform would wrap them in a `__name` call
 * the page doesn't have).
 */
import type { CDPSession, Page } from 'playwright-core';

/** Every Shelfmark host with a closed root (the blurbs', the work page's, the panel's). */
export const HOST = '.shelfmark-host';
/** The open Save panel's host. */
export const PANEL_HOST = '.shelfmark-host-panel';
/** A work blurb's host, by work id. */
export const blurbHost = (workId: number): string => `#work_${workId} .shelfmark-host-blurb`;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface RemoteObject {
  objectId?: string;
  subtype?: string;
}

/** The closed root of the element `objectId` names, as a main-world object; null when it has none. */
async function closedRootOf(session: CDPSession, objectId: string): Promise<string | null> {
  const { node } = await session.send('DOM.describeNode', { objectId, depth: 1, pierce: true });
  const root = node.shadowRoots?.[0];
  if (!root) return null;
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  return object.objectId ?? null;
}

/** The closed roots of the hosts matching `hostSelector`, in document order. */
async function closedRoots(page: Page, hostSelector: string): Promise<string[]> {
  const session = await cdp(page);
  const { result } = await session.send('Runtime.evaluate', { expression: `Array.from(document.querySelectorAll(${JSON.stringify(hostSelector)}))` });
  if (!result.objectId) return [];
  const { result: items } = await session.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
  const roots: string[] = [];
  for (const item of items) {
    const value = item.value as RemoteObject | undefined;
    if (!/^\d+$/.test(item.name) || value?.subtype !== 'node' || !value.objectId) continue;
    const root = await closedRootOf(session, value.objectId);
    if (root) roots.push(root);
  }
  return roots;
}

async function call<T>(session: CDPSession, objectId: string, fn: string, arg: unknown): Promise<T> {
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: fn,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/** Runs `fn(root, arg)` in the page on the closed root of every host matching `hostSelector`. */
export async function inClosedRoots<A, T>(page: Page, hostSelector: string, fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<Awaited<T>[]> {
  const session = await cdp(page);
  const roots = await closedRoots(page, hostSelector);
  const declaration = `function (arg) { return (${fn.toString()})(this, arg); }`;
  return Promise.all(roots.map((root) => call<Awaited<T>>(session, root, declaration, arg)));
}

/**
 * The text the reader sees in the first element matching `selector` inside the first host's closed root
 * (text nodes and the text drawn from `data-text` attributes, in order); null when there is none.
 */
export async function closedText(page: Page, hostSelector: string, selector: string): Promise<string | null> {
  const [text = null] = await inClosedRoots(page, hostSelector, (root, sel) => {
    const el = root.querySelector(sel);
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node: Node | null = el; node; node = walker.nextNode()) {
      text += node instanceof Element ? (node.getAttribute('data-text') ?? '') : (node.nodeValue ?? '');
    }
    return text;
  }, selector);
  return text;
}

/** An attribute of the first element matching `selector` inside the first host's closed root. */
export async function closedAttribute(page: Page, hostSelector: string, selector: string, name: string): Promise<string | null> {
  const [value = null] = await inClosedRoots(page, hostSelector, (root, [sel, attr]) => root.querySelector(sel)?.getAttribute(attr) ?? null, [selector, name] as const);
  return value;
}

/** How many elements match `selector` inside the closed roots of all hosts matching `hostSelector`. */
export async function closedCount(page: Page, hostSelector: string, selector: string): Promise<number> {
  const counts = await inClosedRoots(page, hostSelector, (root, sel) => root.querySelectorAll(sel).length, selector);
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Focuses the first element matching `selector` inside the first host's closed root. */
export async function focusClosed(page: Page, hostSelector: string, selector: string): Promise<void> {
  const [found] = await inClosedRoots(page, hostSelector, (root, sel) => {
    const el = root.querySelector<HTMLElement>(sel);
    el?.focus();
    return el !== null;
  }, selector);
  if (!found) throw new Error(`no ${selector} in ${hostSelector}`);
}

/** The middle of the first element matching `selector` inside the first host's closed root, scrolled into view first. */
async function closedCentre(page: Page, hostSelector: string, selector: string): Promise<{ x: number; y: number }> {
  const [box] = await inClosedRoots(page, hostSelector, (root, sel) => {
    const el = root.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, selector);
  if (!box) throw new Error(`no ${selector} in ${hostSelector}`);
  return box;
}

/** A real mouse click in the middle of the first element matching `selector` inside the first host's closed root. */
export async function clickClosed(page: Page, hostSelector: string, selector: string): Promise<void> {
  const { x, y } = await closedCentre(page, hostSelector, selector);
  await page.mouse.click(x, y);
}

/** A tap (touch) in the middle of the first element matching `selector` inside the first host's closed root. */
export async function tapClosed(page: Page, hostSelector: string, selector: string): Promise<void> {
  const { x, y } = await closedCentre(page, hostSelector, selector);
  await page.touchscreen.tap(x, y);
}

/** The focused element, looked for through closed roots too. */
export interface DeepFocus {
  tag: string;
  className: string;
  label: string | null;
  text: string;
  value: string | null;
  /** Whether it shows a focus indicator: `:focus-visible` with an outline or a box shadow. */
  visible: boolean;
  /** Whether it sits inside the element matching this selector in the page (through its host). */
  inside: boolean;
}

/** What has keyboard focus, through any closed root; `within` asks whether it sits inside that page element. */
export async function deepFocused(page: Page, within = ':root'): Promise<DeepFocus> {
  const session = await cdp(page);
  const { result } = await session.send('Runtime.evaluate', { expression: 'document.activeElement' });
  const host = result.objectId;
  let element = host;
  for (;;) {
    if (!element) throw new Error('nothing has focus');
    const root = await closedRootOf(session, element);
    if (!root) break;
    const { result: inner } = await session.send('Runtime.callFunctionOn', { objectId: root, functionDeclaration: 'function () { return this.activeElement; }' });
    if (!inner.objectId) break;
    element = inner.objectId;
  }
  const inside = await call<boolean>(session, host!, 'function (sel) { return this.closest(sel) !== null; }', within);
  const described = await call<Omit<DeepFocus, 'inside'>>(session, element, `function () {
    const style = getComputedStyle(this);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: this.tagName.toLowerCase(),
      className: typeof this.className === 'string' ? this.className : '',
      label: this.getAttribute('aria-label'),
      text: (this.textContent || '').trim(),
      value: 'value' in this ? String(this.value) : null,
      visible: this.matches(':focus-visible') && (outline || (style.boxShadow !== 'none' && style.boxShadow !== '')),
    };
  }`, null);
  return { ...described, inside };
}

/** Presses Tab (Shift+Tab with `backwards`) until the focused element, through closed roots, passes `test`; returns the presses. */
export async function tabToDeep(page: Page, test: (focus: DeepFocus) => boolean, { backwards = false, max = 600, within = ':root' } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (test(await deepFocused(page, within))) return presses;
  }
  throw new Error(`not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * Puts an open copy of each closed root matching `hostSelector` just after its
 * host, marked `data-closed-copy`, so axe-core (which reads open roots only)
 * can check what the reader gets; returns how many. `removeOpenCopies` takes them away.
 */
export async function openCopies(page: Page, hostSelector: string): Promise<number> {
  const made = await inClosedRoots(page, hostSelector, (root) => {
    const host = root.host;
    const copy = document.createElement('span');
    copy.setAttribute('data-closed-copy', '');
    copy.className = host.className;
    copy.attachShadow({ mode: 'open' }).append(...Array.from(root.childNodes, (node) => node.cloneNode(true)));
    host.after(copy);
    return 1;
  }, null);
  return made.length;
}

export async function removeOpenCopies(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('[data-closed-copy]').forEach((el) => el.remove()));
}
