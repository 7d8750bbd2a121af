/** History and Marked for Later pages as import entries. Pure. */
import type { PageRecord } from '../ao3/types';
import type { HistoryEntry } from '../db/history-import';
import { snapshotFromBlurb } from '../db/work-snapshot';

/** Is this the reader's own History or Marked for Later (the only readings pages the archive shows)? */
export function isOwnReadings(page: PageRecord): boolean {
  return page.kind === 'listing' && page.listingKind === 'readings' && page.loggedIn;
}

export function historyEntries(page: PageRecord): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const toRead = page.readingsView === 'marked-for-later';
  for (const blurb of page.blurbs) {
    if (blurb.type !== 'work' || blurb.workId === null) continue;
    const reading = blurb.reading;
    entries.push({
      workId: blurb.workId,
      work: snapshotFromBlurb(blurb),
      lastVisited: reading?.lastVisited ?? null,
      visits: reading?.visits ?? null,
      markedForLater: toRead || (reading?.markedForLater ?? false),
    });
  }
  return entries;
}

/**
 * The address of page `n` of the readings view `pageUrl` shows: the same path, its `show`
 * (History or Marked for Later) kept, every other parameter dropped.
 */
export function readingsPageUrl(pageUrl: string, n: number): string {
  const url = new URL(pageUrl);
  const show = url.searchParams.get('show');
  const next = new URL(url.pathname, url.origin);
  if (show) next.searchParams.set('show', show);
  next.searchParams.set('page', String(n));
  return next.href;
}

/** The readings view's identity, for remembering a walk: `/users/U/readings` or `…?show=to-read`. */
export function readingsViewKey(pageUrl: string): string {
  const url = new URL(pageUrl);
  const show = url.searchParams.get('show');
  return show ? `${url.pathname}?show=${show}` : url.pathname;
}
