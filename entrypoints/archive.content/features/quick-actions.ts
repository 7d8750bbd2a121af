/**
 * Quick actions on tag, author and title links, in blurbs and on work pages:
 * a "⋯" button beside the link opens a menu — hide works with this tag or
 * highlight them, hide or highlight this author's works, hide or highlight
 * this work, hide its series. Each action saves a rule and offers Undo.
 *
 * Where the button goes: style.css keeps a 26 px gap after every such link
 * (and beside a work page's title), and the button — 24 × 24 px, WCAG 2.5.8 —
 * sits in that gap, out of the flow, so it covers no link or text and
 * drawing it moves nothing.
 *
 * With a mouse and a keyboard, one button for the whole page goes beside the
 * link pointed at or focused (one delegated listener: nothing is added per
 * link, long listings pay nothing until the reader points at a link). With
 * touch and no hover (phones, tablets) every such link gets its own button,
 * always visible: a tap on it opens the menu and never follows the link.
 * The work page's title has its own button in both cases.
 */
import type { Blurb, TagType, WorkPage } from '../../../utils/ao3/types';
import { sendRequest } from '../../../utils/messaging/client';
import type { RuleInput } from '../../../utils/db/rule-checks';
import type { AuthorMatch, RuleMatch } from '../../../utils/rules/types';
import { t } from '../../../utils/i18n';
import { describeMatch } from '../../../utils/rules/labels';
import { h, isOwnElement } from '../dom';
import { showToast } from '../toast';

/** Where a link sits, read from the archive's markup (ao3-dom.md §a, §d). */
const TAG_SLOTS: Array<[selector: string, slot: TagType]> = [
  ['h5.fandoms', 'fandom'],
  ['dd.fandom', 'fandom'],
  ['.relationships, dd.relationship', 'relationship'],
  ['.characters, dd.character', 'character'],
  ['.freeforms, dd.freeform', 'freeform'],
  ['.warnings, dd.warning', 'warning'],
  ['dd.rating', 'rating'],
  ['dd.category', 'category'],
];

/** A blurb's title link: the first link of its heading (style.css keeps the gap after the same links). */
const TITLE_LINK = 'li.blurb h4.heading > a:first-of-type:not([rel]):not([href^="/external_works/"])';
/** A work page's title. */
const WORK_TITLE = 'div.preface.group > h2.title.heading';
export const LINKS = `li.blurb a.tag, li.blurb a[rel="author"], ${TITLE_LINK}, dl.work.meta a.tag, .preface .byline a[rel="author"]`;

/** No hover to show the button on: every link gets its own (style.css shows them). */
export const TOUCH_QUERY = '(hover: none), (pointer: coarse)';

const HIGHLIGHT_COLOR = '#f2c94c';

interface QuickAction {
  label: string;
  rule: Omit<RuleInput, 'id' | 'enabled'>;
}

export interface QuickActionContext {
  /** The record read from a blurb element, when the link is inside one. */
  recordFor(blurb: Element): Blurb | undefined;
  /** The work page's record, on a work page. */
  workPage: WorkPage | null;
}

function slotOf(link: Element): TagType | null {
  for (const [selector, slot] of TAG_SLOTS) if (link.closest(selector)) return slot;
  return null;
}

/** "Pseud (login)" → login; the link's path says it best: /users/LOGIN/pseuds/PSEUD. */
function loginOf(link: Element): string | null {
  const m = /^\/users\/([^/]+)/.exec(link.getAttribute('href') ?? '');
  return m ? decodeURIComponent(m[1]!) : null;
}

type ActionRecord = Blurb | WorkPage;

/**
 * The author's `user-N` id, when the record tells it for sure: a work by this one login whose
 * blurb names one user. (With several creators the archive's classes don't say which id is whose.)
 */
export function userIdFor(login: string, record: ActionRecord | null | undefined): number | undefined {
  if (!record || !('authors' in record) || !('userIds' in record)) return undefined;
  const logins = new Set(record.authors.map((a) => a.login.toLowerCase()));
  if (logins.size !== 1 || !logins.has(login.toLowerCase()) || record.userIds.length !== 1) return undefined;
  return record.userIds[0];
}

function hideMatch(match: RuleMatch): QuickAction['rule'] {
  return { action: 'hide', match };
}

function highlightMatch(match: RuleMatch): QuickAction['rule'] {
  return { action: 'highlight', color: HIGHLIGHT_COLOR, match };
}

function recordOf(target: Element, context: QuickActionContext): ActionRecord | null {
  const blurb = target.closest('li.blurb');
  const record = blurb ? context.recordFor(blurb) : context.workPage;
  if (!record || ('type' in record && (record.type === 'error' || record.type === 'mystery' || record.type === 'deleted'))) return null;
  return record;
}

function workActions(record: ActionRecord | null, withHighlight: boolean): QuickAction[] {
  const actions: QuickAction[] = [];
  if (!record) return actions;
  if ('workId' in record && record.workId !== null) {
    const match: RuleMatch = { kind: 'work', workId: record.workId, title: record.title };
    actions.push({ label: t('quickHideWork'), rule: hideMatch(match) });
    if (withHighlight) actions.push({ label: t('quickHighlightWork'), rule: highlightMatch(match) });
  }
  if ('seriesId' in record && record.seriesId !== null) {
    actions.push({ label: t('quickHideThisSeries'), rule: hideMatch({ kind: 'series', seriesId: record.seriesId, title: record.title }) });
  }
  if ('series' in record) {
    for (const series of record.series) {
      actions.push({ label: t('quickHideSeries', series.title), rule: hideMatch({ kind: 'series', seriesId: series.id, title: series.title }) });
    }
  }
  return actions;
}

export function actionsFor(target: Element, context: QuickActionContext): QuickAction[] {
  const record = recordOf(target, context);
  if (target.matches(`${TITLE_LINK}, ${WORK_TITLE}`)) return workActions(record, true);
  const actions: QuickAction[] = [];
  const text = (target.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (target.matches('a.tag')) {
    const slot = slotOf(target);
    if (slot && text) {
      const match: RuleMatch = { kind: 'tag', slot, text, mode: 'exact' };
      actions.push({ label: t('quickHideTag', text), rule: hideMatch(match) });
      actions.push({ label: t('quickHighlightTag', text), rule: highlightMatch(match) });
    }
  } else {
    const login = loginOf(target);
    if (login) {
      const userId = userIdFor(login, record);
      const match: AuthorMatch = userId === undefined ? { kind: 'author', login } : { kind: 'author', login, userId };
      actions.push({ label: t('quickHideAuthor', login), rule: hideMatch(match) });
      actions.push({ label: t('quickHighlightAuthor', login), rule: highlightMatch(match) });
    }
  }
  return [...actions, ...workActions(record, false)];
}

function newRuleId(): string {
  return `quick-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const isShown = (el: Element | null | undefined): el is HTMLElement => el instanceof HTMLElement && el.isConnected && el.checkVisibility();

/** Keyboard focus back near the link an action started from: the link, or its hidden blurb's Show button. */
function focusNear(link: Element): void {
  const target = [link, link.closest('li.blurb')?.querySelector('.shelfmark-placeholder .shelfmark-show')].find(isShown);
  target?.focus();
}

/** After Undo the rules apply again a moment later: focus the link once its blurb shows, unless focus went elsewhere. */
function refocusWhenShown(link: Element, timeoutMs = 2000): void {
  const deadline = performance.now() + timeoutMs;
  const attempt = () => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    if (isShown(link)) (link as HTMLElement).focus();
    else if (performance.now() < deadline) requestAnimationFrame(attempt);
  };
  attempt();
}

async function saveRule(action: QuickAction, link: Element): Promise<void> {
  const rule: RuleInput = { ...action.rule, id: newRuleId(), enabled: true };
  const saved = await sendRequest({ type: 'rules/put', rule });
  if (!saved.ok) {
    showToast(t('quickRuleFailed', saved.error));
    return;
  }
  showToast(t(action.rule.action === 'hide' ? 'quickHiding' : 'quickHighlighting', describeMatch(action.rule.match)), {
    label: t('buttonUndo'),
    async run() {
      const undone = await sendRequest({ type: 'rules/delete', id: rule.id });
      showToast(undone.ok ? t('quickRuleRemoved') : t('undoFailedToast', undone.error));
      if (undone.ok) refocusWhenShown(link);
    },
  }, {
    // A hide rule hides the blurb holding the focused button: focus goes to Undo rather than to nowhere.
    focusAction: action.rule.action === 'hide',
    onEscape: () => focusNear(link),
  });
}

const labelOf = (target: Element) => (target.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The menu, one open at a time, opened from any of the page's ⋯ buttons. */
class QuickActionMenu {
  private menu: HTMLElement | null = null;
  private button: HTMLElement | null = null;

  constructor(private readonly context: QuickActionContext) {}

  /** A ⋯ button for `target`, its menu opened by click, tap, Enter or Space. */
  buttonFor(target: Element, extraClass = ''): HTMLButtonElement {
    const button = h('button', {
      class: `shelfmark-quick-action${extraClass ? ` ${extraClass}` : ''}`,
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: t('quickActions'), 'aria-label': t('quickActionsFor', labelOf(target)) },
    }, '⋯');
    this.bind(button, () => target);
    return button;
  }

  bind(button: HTMLElement, target: () => Element | null): void {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      const of = target();
      if (this.menu && this.button === button) this.close(true);
      else if (of) this.open(button, of);
    });
  }

  get isOpen(): boolean {
    return this.menu !== null;
  }

  private open(button: HTMLElement, target: Element): void {
    this.close(false);
    const actions = actionsFor(target, this.context);
    if (actions.length === 0) return;
    const items = actions.map((action) =>
      h('li', { attrs: { role: 'none' } }, h('button', {
        class: 'shelfmark-menu-item',
        attrs: { type: 'button', role: 'menuitem', tabindex: '-1' },
        on: {
          click: () => {
            this.close(true);
            void saveRule(action, target);
          },
        },
      }, action.label)),
    );
    const menu = h('ul', { class: 'shelfmark-menu', attrs: { role: 'menu', 'aria-label': t('extName') } }, ...items);
    menu.addEventListener('keydown', (event) => this.onMenuKey(event));
    document.body.append(menu);
    // Below the button, kept inside the window's width (phones).
    const rect = button.getBoundingClientRect();
    const width = menu.getBoundingClientRect().width;
    const left = Math.max(4, Math.min(rect.left, document.documentElement.clientWidth - width - 4));
    menu.style.left = `${Math.round(left + window.scrollX)}px`;
    menu.style.top = `${Math.round(rect.bottom + window.scrollY + 2)}px`;
    this.menu = menu;
    this.button = button;
    button.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLElement>('button')?.focus();
    document.addEventListener('pointerdown', this.onOutside, true);
  }

  private readonly onOutside = (event: Event): void => {
    if (!this.menu?.contains(event.target as Node) && event.target !== this.button) this.close(false);
  };

  private onMenuKey(event: KeyboardEvent): void {
    const items = Array.from(this.menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const moves: { [key: string]: number } = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      items[(moves[event.key]! + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      this.close(true);
    }
  }

  close(refocus: boolean): void {
    const button = this.button;
    this.menu?.remove();
    this.menu = null;
    this.button = null;
    button?.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (refocus && button?.isConnected) button.focus();
  }
}

/** Mouse and keyboard: one button, beside the link pointed at or focused, gone once neither is. */
class HoverButton {
  private readonly button: HTMLButtonElement;
  private link: Element | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly menu: QuickActionMenu) {
    this.button = h('button', {
      class: 'shelfmark-quick-action',
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: t('quickActions') },
    }, '⋯');
    menu.bind(this.button, () => this.link);
    for (const type of ['mouseout', 'focusout'] as const) this.button.addEventListener(type, () => this.leaveSoon());
  }

  attachTo(link: Element): void {
    this.cancelLeave();
    if (this.link === link || this.menu.isOpen) return;
    this.link = link;
    this.button.setAttribute('aria-label', t('quickActionsFor', labelOf(link)));
    link.after(this.button);
  }

  /** Pointer or focus left the link or the button: the button goes, unless it comes back to either. */
  leaveSoon(): void {
    this.cancelLeave();
    this.timer = setTimeout(() => {
      this.timer = null;
      const link = this.link;
      const kept = this.menu.isOpen || this.button.matches(':hover, :focus') || (link?.matches(':hover, :focus') ?? false);
      if (kept || !link) return;
      this.button.remove();
      this.link = null;
    }, 600);
  }

  private cancelLeave(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Touch: a button beside every link (out of the flow, in the gap style.css keeps), always shown. */
function drawTouchButtons(menu: QuickActionMenu, root: Element | Document): void {
  const links = root instanceof Element && root.matches(LINKS) ? [root] : root.querySelectorAll(LINKS);
  for (const link of links) {
    if (link.nextElementSibling?.classList.contains('shelfmark-quick-action')) continue;
    link.after(menu.buttonFor(link, 'shelfmark-quick-touch'));
  }
}

/** Links the page adds later (a blurb loaded in, tags shown by a script) get their buttons too, once per batch of changes. */
function followNewLinks(menu: QuickActionMenu): void {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element && !isOwnElement(node)) drawTouchButtons(menu, node);
    }
  }).observe(document.body, { childList: true, subtree: true });
}

export function enableQuickActions(context: QuickActionContext): void {
  const menu = new QuickActionMenu(context);
  const title = context.workPage ? document.querySelector(WORK_TITLE) : null;
  if (title) title.append(menu.buttonFor(title, 'shelfmark-quick-title'));

  if (matchMedia(TOUCH_QUERY).matches) {
    document.documentElement.classList.add('shelfmark-touch');
    drawTouchButtons(menu, document);
    followNewLinks(menu);
    return;
  }
  const hover = new HoverButton(menu);
  const onTarget = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.(LINKS);
    if (link) hover.attachTo(link);
  };
  const onLeave = (event: Event) => {
    if ((event.target as Element | null)?.closest?.(LINKS)) hover.leaveSoon();
  };
  document.addEventListener('mouseover', onTarget, { passive: true });
  document.addEventListener('focusin', onTarget);
  document.addEventListener('mouseout', onLeave, { passive: true });
  document.addEventListener('focusout', onLeave);
}
