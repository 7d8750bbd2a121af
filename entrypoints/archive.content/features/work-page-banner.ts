/**
 * On a work page whose tags match a hide rule: a banner naming the rules
 * ("You hide works tagged Major Character Death"). The reader chose to open
 * the work, so nothing is hidden; the banner can be dismissed for the session.
 * It offers "Always show this work" (never hidden on listings again), and
 * once the work is always shown says so, with "Stop always showing"; each
 * with Undo.
 */
import type { WorkPage } from '../../../utils/ao3/types';
import { t } from '../../../utils/i18n';
import type { Matcher } from '../../../utils/rules/compile';
import type { MatchReason } from '../../../utils/rules/types';
import { h } from '../dom';
import { setAlwaysShow } from './always-show';

const dismissKey = (workId: number | null) => `shelfmark:banner-dismissed:${workId ?? location.pathname}`;

function isDismissed(work: WorkPage): boolean {
  try {
    return sessionStorage.getItem(dismissKey(work.workId)) === '1';
  } catch {
    return false;
  }
}

function rememberDismissed(work: WorkPage): void {
  try {
    sessionStorage.setItem(dismissKey(work.workId), '1');
  } catch {
    // Without storage the banner simply comes back on the next page.
  }
}

/** "You hide works with Warning: Major Character Death" — each rule's own label when it has one. */
export function bannerText(reasons: MatchReason[], alwaysShown = false): string {
  const labels = [...new Set(reasons.map((r) => r.label))].join('; ');
  return alwaysShown ? t('bannerAlwaysShown', labels) : t('bannerHidden', labels);
}

export class WorkPageBanner {
  private banner: HTMLElement | null = null;

  constructor(private readonly work: WorkPage) {}

  update(matcher: Matcher | null, alwaysShow: readonly number[] = []): void {
    const hadFocus = this.banner?.contains(document.activeElement) === true;
    this.banner?.remove();
    this.banner = null;
    if (!matcher || isDismissed(this.work)) return;
    const { hiddenBy } = matcher.classify(this.work);
    if (hiddenBy.length === 0) return;
    const { workId } = this.work;
    const alwaysShown = workId !== null && alwaysShow.includes(workId);

    const dismiss = h('button', { class: 'shelfmark-button', attrs: { type: 'button' } }, t('buttonDismiss'));
    dismiss.addEventListener('click', () => {
      rememberDismissed(this.work);
      this.banner?.remove();
      this.banner = null;
    });
    let toggle: HTMLButtonElement | null = null;
    if (workId !== null) {
      toggle = h('button', { class: 'shelfmark-button shelfmark-always-show', attrs: { type: 'button' } }, t(alwaysShown ? 'bannerStopAlwaysShow' : 'bannerAlwaysShow'));
      const toggleNow = () => this.banner?.querySelector<HTMLElement>('.shelfmark-always-show');
      toggle.addEventListener('click', () => void setAlwaysShow(workId, !alwaysShown, { afterShow: toggleNow, afterUndo: toggleNow }));
    }
    this.banner = h(
      'div',
      { class: 'shelfmark-notice shelfmark-work-banner', attrs: { role: 'note' } },
      h('span', { class: 'shelfmark-notice-text' }, bannerText(hiddenBy, alwaysShown)),
      toggle,
      dismiss,
    );
    const anchor = document.querySelector('#main div.work') ?? document.getElementById('main');
    anchor?.prepend(this.banner);
    // Drawn again after a change made from it: its button keeps the focus.
    if (hadFocus) toggle?.focus();
  }
}
