/**
 * The popup in real Chromium, over a real listing served at its real URL:
 * rules made through its UI (keyboard and clicks) hide works in the open tab
 * without a reload; the live count, inline errors, the "hide everything"
 * confirmation, undo of a delete and both pauses behave as the reader expects.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, checked by hand. */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
const TIMEOUT = { timeout: 10_000 };

async function hiddenIds(page: Page): Promise<string[]> {
  return page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
}

async function waitForHidden(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, count, TIMEOUT);
}

describeRealPages('the popup over a real listing', () => {
  let session: ExtensionSession;
  let listing: Page;
  let popup: Page;

  beforeAll(async () => {
    session = await launchExtension();
    const url = await session.serveRealPage(LISTING);
    listing = await session.context.newPage();
    await listing.goto(url);
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    popup = await session.popupFor(url);
  });
  afterAll(async () => {
    await session?.close();
  });

  const pageSection = () => popup.getByRole('region', { name: 'This page' });

  it('says what happened on the page before any rule exists', async () => {
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('0 hidden');
    await expect(pageSection().textContent()).resolves.toContain('of 21 works on this page');
    await expect.poll(() => popup.getByText('No rules yet.', { exact: false }).isVisible(), TIMEOUT).toBe(true);
  });

  it('adds a rule with the keyboard, with a live count, and the listing hides those works without a reload', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Match works by').selectOption('author');
    // Tab to the login field, as a keyboard user would.
    await popup.getByLabel('Match works by').focus();
    await popup.keyboard.press('Tab');
    await expect(popup.evaluate(() => document.activeElement?.closest('.sm-field')?.querySelector('label')?.textContent)).resolves.toBe('Login');
    await popup.keyboard.type('EdosianOrchids901');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toBe('This rule would hide 7 of the 21 works on this page.');

    await popup.keyboard.press('Enter'); // submits the form
    await waitForHidden(listing, 7);
    expect(await hiddenIds(listing)).toEqual([...BY_EDOSIAN].sort());

    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('7 hidden');
    await expect(pageSection().textContent()).resolves.toContain('Author: EdosianOrchids901');
    // Focus came back to the new rule in the list.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), TIMEOUT).toBe('Enabled: Author: EdosianOrchids901');
  });

  it('disables and enables the rule', async () => {
    const toggle = popup.getByRole('checkbox', { name: 'Enabled: Author: EdosianOrchids901' });
    await toggle.press('Space');
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('0 hidden');
    await toggle.click();
    await waitForHidden(listing, 7);
  });

  it('deletes the rule and Undo brings it back, same id and fields', async () => {
    await popup.getByRole('button', { name: 'Delete: Author: EdosianOrchids901' }).click();
    await waitForHidden(listing, 0);
    const undo = popup.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.isVisible(), TIMEOUT).toBe(true);
    await expect(popup.getByRole('status').filter({ hasText: 'Deleted' }).textContent()).resolves.toContain('Deleted “Author: EdosianOrchids901”');
    // Focus is on Undo: one keypress restores.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent), TIMEOUT).toBe('Undo');
    await popup.screenshot({ path: '/tmp/popup-undo.png', fullPage: true });
    await popup.keyboard.press('Enter');
    await waitForHidden(listing, 7);
    await expect.poll(() => popup.getByRole('checkbox', { name: 'Enabled: Author: EdosianOrchids901' }).isChecked(), TIMEOUT).toBe(true);
  });

  it('shows an inline error for an unsafe regular expression and will not save it', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Compare as').selectOption('regex');
    await popup.getByLabel('Regular expression').fill('(a+)+$');
    const error = popup.locator('.sm-field-error');
    await expect.poll(() => error.count(), TIMEOUT).toBe(1);
    await expect(error.textContent()).resolves.toMatch(/regular expression/i);
    await expect(popup.getByLabel('Regular expression').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(popup.getByRole('button', { name: 'Save rule' }).isDisabled()).resolves.toBe(true);
    await popup.getByRole('button', { name: 'Cancel' }).click();
  });

  it('asks before saving a rule that would hide every work on the page', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Match works by').selectOption('trait');
    await popup.getByLabel('Detail').selectOption('words');
    await popup.getByLabel('At least (words)').fill('1');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toBe('This rule would hide 21 of the 21 works on this page.');
    await popup.getByRole('button', { name: 'Save rule' }).click();
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent(), TIMEOUT).toBe('This rule would hide all 21 works on this page. Save it anyway?');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent), TIMEOUT).toBe('Save anyway');
    await popup.screenshot({ path: '/tmp/popup-confirm.png', fullPage: true });
    await popup.getByRole('button', { name: 'Keep editing' }).click();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    // Nothing was saved.
    expect(await hiddenIds(listing)).toHaveLength(7);
    await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(1);
  });

  it('offers the tags on the page while adding a tag rule (combobox and listbox)', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    const input = popup.getByRole('combobox', { name: 'Tag' });
    await input.focus();
    await popup.keyboard.type('sherl');
    const listbox = popup.getByRole('listbox', { name: 'Suggested tags' });
    await expect.poll(() => listbox.isVisible(), TIMEOUT).toBe(true);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = await listbox.getByRole('option').first().locator('.sm-option-name').textContent();
    expect(first?.toLowerCase()).toContain('sherl');
    await popup.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await popup.screenshot({ path: '/tmp/popup-suggest.png', fullPage: true });
    await popup.keyboard.press('Enter');
    await expect(input.inputValue()).resolves.toBe(first);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toMatch(/This rule would hide \d+ of the 21 works on this page\./);
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: '/tmp/popup-editor.png', fullPage: true });
    await popup.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a highlight rule and moves it up with the keyboard', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByRole('radio', { name: 'Highlight it' }).check();
    await popup.getByLabel('In', { exact: true }).selectOption('freeform');
    await popup.getByRole('combobox', { name: 'Tag' }).fill('Fluff');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toMatch(/^This rule would highlight \d+ of the 21 works on this page\.$/);
    await popup.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(2);
    await listing.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-highlighted').length > 0, undefined, TIMEOUT);

    const moveUp = popup.getByRole('button', { name: 'Move up: Tag: Fluff' });
    await moveUp.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.sm-rule-name').allTextContents(), TIMEOUT).toEqual(['Highlight Tag: Fluff', 'Hide Author: EdosianOrchids901']);
    // At the top "Move up" is disabled, so focus moved to "Move down" of the same rule.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), TIMEOUT).toBe('Move down: Tag: Fluff');
    const stored = await requestFromPage(popup, { type: 'rules/list' });
    expect(stored.rules.map((rule) => rule.match.kind)).toEqual(['tag', 'author']);
    expect(await hiddenIds(listing)).toEqual([...BY_EDOSIAN].sort());
  });

  it('pauses on this page and everywhere', async () => {
    const pauseHere = popup.getByRole('switch', { name: 'Pause rules on this page' });
    await pauseHere.click();
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('Paused on this page');
    await pauseHere.click();
    await waitForHidden(listing, 7);

    const pauseAll = popup.getByRole('switch', { name: 'Pause all rules' });
    await pauseAll.click();
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('Rules are paused everywhere');
    await pauseAll.click();
    await waitForHidden(listing, 7);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('7 hidden');
  });

  it('looks right in light and dark: follows the scheme, every text readable, focus visible', async () => {
    await pageSection().locator('summary').first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const look = await popup.evaluate(pageLook);
      // The whole page follows the scheme: a light page with dark text, or the reverse.
      if (scheme === 'light') {
        expect(look.background, 'light background').toBeGreaterThan(0.85);
        expect(look.text, 'light text').toBeLessThan(0.05);
      } else {
        expect(look.background, 'dark background').toBeLessThan(0.05);
        expect(look.text, 'dark text').toBeGreaterThan(0.6);
      }
      expect(look.texts, scheme).toBeGreaterThan(20);
      expect(look.unreadable, scheme).toEqual([]);

      // The keyboard's focus ring: 2px, at least 3:1 against what it sits on.
      await popup.getByRole('button', { name: 'Add rule' }).focus();
      await popup.keyboard.press('Shift+Tab');
      await popup.keyboard.press('Tab');
      const ring = await popup.evaluate(focusRing);
      expect(ring.style, `${scheme} focus ring on ${ring.focused}`).toBe('solid');
      expect(ring.width, `${scheme} focus ring on ${ring.focused}`).toBeGreaterThanOrEqual(2);
      expect(ring.contrast, `${scheme} focus ring on ${ring.focused}`).toBeGreaterThanOrEqual(3);

      // The editor's fields, too.
      await popup.getByRole('button', { name: 'Edit: Author: EdosianOrchids901' }).click();
      const editor = await popup.evaluate(pageLook);
      expect(editor.unreadable, `${scheme} editor`).toEqual([]);
      expect(editor.fields, `${scheme} editor`).toBeGreaterThan(2);
      for (const field of editor.fieldBackgrounds) {
        if (scheme === 'light') expect(field, 'a field of the light editor').toBeGreaterThan(0.85);
        else expect(field, 'a field of the dark editor').toBeLessThan(0.05);
      }
      await popup.getByRole('button', { name: 'Cancel' }).click();
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});

/**
 * In the page: the body's background and text luminance, and every visible text whose
 * colour against what lies under it (translucent layers composed) is under 4.5:1 (3:1
 * for large text) — which axe leaves as "incomplete" rather than failing.
 */
function pageLook(): { background: number; text: number; texts: number; unreadable: string[]; fields: number; fieldBackgrounds: number[] } {
  type Rgba = [number, number, number, number];
  /** A computed colour: `rgb()`/`rgba()`, or `color(srgb …)` (what color-mix() computes to). */
  const parse = (colour: string): Rgba => {
    const m = /^(rgba?|color)\((?:srgb )?([^)]+)\)$/.exec(colour);
    if (!m) throw new Error(`unexpected colour ${colour}`);
    const [r, g, b, a = 1] = m[2]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    const scale = m[1] === 'color' ? 255 : 1;
    return [r! * scale, g! * scale, b! * scale, a];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (x: Rgba, y: Rgba) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  /** What lies under `el`: its own and its ancestors' backgrounds, composed. */
  const backdrop = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  const unreadable: string[] = [];
  let texts = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!own || box.width === 0 || box.height === 0 || style.visibility !== 'visible' || el.closest('[aria-hidden="true"], .sm-visually-hidden')) continue;
    if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') continue;
    texts++;
    const under = backdrop(el);
    const ratio = contrast(over(parse(style.color), under), under);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) unreadable.push(`"${el.textContent!.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}.${el.className}): ${ratio.toFixed(2)}:1`);
  }
  const fields = [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, textarea')].filter((f) => f.getBoundingClientRect().width > 0);
  return {
    background: luminance(backdrop(document.body)),
    text: luminance(parse(getComputedStyle(document.body).color)),
    texts,
    unreadable,
    fields: fields.length,
    fieldBackgrounds: fields.map((f) => luminance(backdrop(f))),
  };
}

/** In the page: the focused element's outline and its contrast with the page's background. */
function focusRing(): { style: string; width: number; contrast: number; focused: string } {
  const el = document.activeElement!;
  const style = getComputedStyle(el);
  const rgb = (c: string) => (/rgba?\(([^)]+)\)/.exec(c)![1]!.split(/[\s,/]+/).filter(Boolean).map(Number).slice(0, 3));
  const lum = (c: number[]) => c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(rgb(style.outlineColor)), lum(rgb(getComputedStyle(document.body).backgroundColor))].sort((p, q) => q - p) as [number, number];
  return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: (hi + 0.05) / (lo + 0.05), focused: `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent}"` };
}
