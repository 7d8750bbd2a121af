/** History and Marked for Later pages as import entries. Pure. */
import type { PageRecord } from '../ao3/types';
import { applyHistoryEntry, type HistoryEntry } from '../db/history-entry';
import type { WorkState } from '../db/work-state';
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
 * The entries an import would still change, judged by the works' states: a
 * visit the reading record doesn't hold yet, or a work marked for later not
 * yet in the saved list. Works already imported (or read in Shelfmark since)
 * are left out, so the page doesn't offer to import them again.
 */
export function entriesToImport(entries: readonly HistoryEntry[], states: ReadonlyMap<number, WorkState>): HistoryEntry[] {
  return entries.filter((entry) => {
    const state = states.get(entry.workId);
    return applyHistoryEntry(state?.reading ?? undefined, entry) !== null || (entry.markedForLater && !state?.saved);
  });
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
