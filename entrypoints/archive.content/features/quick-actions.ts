/**
 * Quick actions on tag and author links, in blurbs and on work pages: a
 * small "⋯" button appears beside the link being pointed at or focused, and
 * opens a menu — hide works with this tag, highlight it, hide this author,
 * hide this work, hide this series. Each action saves a rule and offers Undo.
 *
 * One delegated listener and one button for the whole page: nothing is added
 * per link, so long listings pay nothing until the reader points at a link.
 */
import type { Blurb, TagType, WorkPage } from '../../../utils/ao3/types';
import { sendRequest } from '../../../utils/messaging/client';
import type { RuleInput } from '../../../utils/db/rule-checks';
import type { RuleMatch } from '../../../utils/rules/types';
import { t } from '../../../utils/i18n';
import { describeMatch } from '../../../utils/rules/labels';
import { h } from '../dom';
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

const LINKS = 'li.blurb a.tag, li.blurb a[rel="author"], dl.work.meta a.tag, .preface .byline a[rel="author"]';

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

function hideMatch(match: RuleMatch): QuickAction['rule'] {
  return { action: 'hide', match };
}

function actionsFor(link: Element, context: QuickActionContext): QuickAction[] {
  const actions: QuickAction[] = [];
  const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (link.matches('a.tag')) {
    const slot = slotOf(link);
    if (slot && text) {
      const match: RuleMatch = { kind: 'tag', slot, text, mode: 'exact' };
      actions.push({ label: t('quickHideTag', text), rule: hideMatch(match) });
      actions.push({ label: t('quickHighlightTag', text), rule: { action: 'highlight', color: '#f2c94c', match } });
    }
  } else {
    const login = loginOf(link);
    if (login) actions.push({ label: t('quickHideAuthor', login), rule: hideMatch({ kind: 'author', login }) });
  }

  const blurb = link.closest('li.blurb');
  const record = blurb ? context.recordFor(blurb) : context.workPage;
  const readable = record && !('type' in record && (record.type === 'error' || record.type === 'mystery'));
  if (readable && 'workId' in record && record.workId !== null) {
    actions.push({ label: t('quickHideWork'), rule: hideMatch({ kind: 'work', workId: record.workId, title: record.title }) });
  }
  if (readable && 'seriesId' in record && record.seriesId !== null) {
    actions.push({ label: t('quickHideThisSeries'), rule: hideMatch({ kind: 'series', seriesId: record.seriesId, title: record.title }) });
  }
  if (readable && 'series' in record) {
    for (const series of record.series) {
      actions.push({ label: t('quickHideSeries', series.title), rule: hideMatch({ kind: 'series', seriesId: series.id, title: series.title }) });
    }
  }
  return actions;
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
    if (isShown(link)) link.focus();
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

class QuickActionMenu {
  private readonly button = h('button', {
    class: 'shelfmark-quick-action',
    attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: t('quickActions') },
  }, '⋯');
  private menu: HTMLElement | null = null;
  private link: Element | null = null;

  constructor(private readonly context: QuickActionContext) {
    // Absolutely placed right after the link: no layout shift, and next in tab order.
    this.button.style.position = 'absolute';
    this.button.addEventListener('click', () => (this.menu ? this.close(true) : this.open()));
  }

  attachTo(link: Element): void {
    if (this.link === link || this.menu) return;
    this.link = link;
    this.button.setAttribute('aria-label', t('quickActionsFor', (link.textContent ?? '').trim()));
    link.after(this.button);
  }

  private open(): void {
    if (!this.link) return;
    const actions = actionsFor(this.link, this.context);
    if (actions.length === 0) return;
    const items = actions.map((action) =>
      h('li', { attrs: { role: 'none' } }, h('button', {
        class: 'shelfmark-menu-item',
        attrs: { type: 'button', role: 'menuitem', tabindex: '-1' },
        on: {
          click: () => {
            const link = this.link;
            this.close(true);
            if (link) void saveRule(action, link);
          },
        },
      }, action.label)),
    );
    const menu = h('ul', { class: 'shelfmark-menu', attrs: { role: 'menu', 'aria-label': t('extName') } }, ...items);
    menu.addEventListener('keydown', (event) => this.onMenuKey(event));
    const rect = this.button.getBoundingClientRect();
    menu.style.left = `${Math.round(rect.left + window.scrollX)}px`;
    menu.style.top = `${Math.round(rect.bottom + window.scrollY + 2)}px`;
    document.body.append(menu);
    this.menu = menu;
    this.button.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLElement>('button')?.focus();
    document.addEventListener('pointerdown', this.onOutside, true);
  }

  private readonly onOutside = (event: Event): void => {
    if (!this.menu?.contains(event.target as Node) && event.target !== this.button) this.close(false);
  };

  private onMenuKey(event: KeyboardEvent): void {
    const items = Array.from(this.menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      items[(moves[event.key]! + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      this.close(true);
    }
  }

  private close(refocus: boolean): void {
    this.menu?.remove();
    this.menu = null;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (refocus) this.button.focus();
  }
}

export function enableQuickActions(context: QuickActionContext): void {
  const menu = new QuickActionMenu(context);
  const onTarget = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.(LINKS);
    if (link) menu.attachTo(link);
  };
  document.addEventListener('mouseover', onTarget, { passive: true });
  document.addEventListener('focusin', onTarget);
}
