/**
 * The no-flash gate. style.css hides `li.blurb` while <html> has the pending
 * class; the content script adds the class at document_start, before the
 * first paint, and removes it once every blurb is classified. If anything
 * goes wrong — rules unreadable, a script error, a hang — the fail-safe timer
 * removes it anyway: a reader may see a work they hide, but never loses the page.
 */
export const PENDING_CLASS = 'shelfmark-pending';

/** Long enough for a worker to wake and a large page to be read; short enough not to look broken. */
export const FAIL_SAFE_MS = 1000;

/** Performance marks (shared with the page's timeline) that `npm run bench` reads. */
export const REVEALED_MARK = 'shelfmark:revealed';

export interface BlurbGate {
  release(): void;
}

export function holdBlurbs(root: HTMLElement | null = document.documentElement, failSafeMs = FAIL_SAFE_MS): BlurbGate {
  if (!root) return { release() {} };
  root.classList.add(PENDING_CLASS);
  const timer = setTimeout(release, failSafeMs);
  function release(): void {
    clearTimeout(timer);
    if (!root?.classList.contains(PENDING_CLASS)) return;
    root.classList.remove(PENDING_CLASS);
    performance.mark(REVEALED_MARK);
  }
  return { release };
}
