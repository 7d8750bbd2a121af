/**
 * The no-flash gate. style.css hides `li.blurb` while <html> has the pending
 * class; the content script adds the class at document_start, before the
 * first paint, and removes it once every blurb is classified and decorated.
 *
 * If anything goes wrong — rules unreadable, a script error, the background
 * not answering — the fail-safe removes it anyway, about a second after
 * DOMContentLoaded: a reader may then see a work they hide, but never loses
 * the page. The countdown runs from DOMContentLoaded, not document_start: a
 * long page still being parsed would otherwise be revealed, flashing the
 * works the rules are about to hide.
 */
export const PENDING_CLASS = 'shelfmark-pending';

/** Long enough for a sleeping worker to wake and a large page to be classified; short enough not to look broken. */
export const FAIL_SAFE_MS = 1000;

/** Performance mark (shared with the page's timeline) that `npm run bench` reads. */
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
