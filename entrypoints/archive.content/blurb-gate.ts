/**
 * The no-flash gate. style.css hides every `li.blurb` not yet released while
 * <html> has the pending class; the content script adds the class at
 * document_start, before the first paint. A blurb is released (given the
 * released class, blurb-release.ts) as soon as it is classified and
 * decorated — while the page is still parsed — so works to keep paint as
 * early as the archive's own would, and works to hide paint only as their
 * placeholder. The class leaves <html> once the whole page is classified and
 * the reader's state drawn: from then on every blurb paints, released or not.
 *
 * If anything goes wrong — rules unreadable, a script error, the background
 * not answering — the fail-safe removes it anyway, about a second after
 * DOMContentLoaded: a reader may then see a work they hide, but never loses
 * the page. The countdown runs from DOMContentLoaded, not document_start: a
 * long page still being parsed would otherwise be revealed, flashing the
 * works the rules are about to hide.
 */
export const PENDING_CLASS = 'shelfmark-pending';

/** A blurb classified and decorated: it paints even while <html> is pending. */
export const RELEASED_CLASS = 'shelfmark-released';

/** Long enough for a sleeping worker to wake and a large page to be classified; short enough not to look broken. */
export const FAIL_SAFE_MS = 1000;

/** Performance mark (shared with the page's timeline) that `npm run bench` reads: the gate is gone, every blurb paints. */
export const REVEALED_MARK = 'shelfmark:revealed';

export interface BlurbGate {
  release(): void;
}

export function holdBlurbs(root: HTMLElement | null = document.documentElement, failSafeMs = FAIL_SAFE_MS): BlurbGate {
  const doc = root?.ownerDocument;
  if (!root || !doc) return { release() {} };
  root.classList.add(PENDING_CLASS);

  let timer: ReturnType<typeof setTimeout>;
  const countDown = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (doc.readyState === 'loading' ? countDown() : release()), failSafeMs);
  };
  function release(): void {
    clearTimeout(timer);
    doc?.removeEventListener('DOMContentLoaded', countDown);
    if (!root?.classList.contains(PENDING_CLASS)) return;
    root.classList.remove(PENDING_CLASS);
    performance.mark(REVEALED_MARK);
  }
  countDown();
  doc.addEventListener('DOMContentLoaded', countDown, { once: true });
  return { release };
}
