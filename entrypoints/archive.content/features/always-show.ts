/**
 * "Always show this work", from a hidden work's placeholder, a dimmed blurb or
 * a work page's banner: the background stores it (the content script never
 * opens the database), the rules mirror it to every open tab, and a toast
 * offers Undo. The work is shown again as soon as the mirror changes, in this
 * tab as in the others.
 */
import { t } from '../../../utils/i18n';
import { sendRequest } from '../../../utils/messaging/client';
import { showToast } from '../toast';

const isShown = (el: Element | null | undefined): el is HTMLElement => el instanceof HTMLElement && el.isConnected && el.checkVisibility();

/** Once the rules have drawn the page again, focus what `find` returns, unless focus went elsewhere meanwhile. */
function refocusWhenDrawn(find: () => Element | null | undefined, timeoutMs = 2000): void {
  const deadline = performance.now() + timeoutMs;
  const attempt = () => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    const target = find();
    if (isShown(target)) target.focus();
    else if (performance.now() < deadline) requestAnimationFrame(attempt);
  };
  attempt();
}

export interface AlwaysShowPlace {
  /** Where keyboard focus goes once the change is drawn (the work's title link, say). */
  afterShow(): Element | null | undefined;
  /** Where it goes once Undo has hidden the work again (its Show button, say). */
  afterUndo(): Element | null | undefined;
}

/** Sets or clears "always show" for one work, with a toast offering Undo. */
export async function setAlwaysShow(workId: number, show: boolean, place: AlwaysShowPlace): Promise<void> {
  const reply = await sendRequest({ type: 'alwaysShow/set', workId, show });
  if (!reply.ok) {
    showToast(t('alwaysShowFailed', reply.error));
    return;
  }
  showToast(t(show ? 'alwaysShowDone' : 'alwaysShowUndone'), {
    label: t('buttonUndo'),
    async run() {
      const undone = await sendRequest({ type: 'alwaysShow/set', workId, show: !show });
      showToast(undone.ok ? t(show ? 'alwaysShowUndone' : 'alwaysShowDone') : t('undoFailedToast', undone.error));
      if (undone.ok) refocusWhenDrawn(show ? place.afterUndo : place.afterShow);
    },
  }, {
    // The control that had focus goes away with the redraw: focus goes to Undo rather than to nowhere.
    focusAction: true,
    onEscape: () => refocusWhenDrawn(show ? place.afterShow : place.afterUndo),
  });
}
