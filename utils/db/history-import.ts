/**
 * Importing the archive's own History and Marked for Later: what the reader's
 * History pages say about each work (last visited, how many visits, marked
 * for later), merged into the database without ever going backwards.
 *
 * Idempotent: a visit count is the larger of the two counts (the archive and
 * Shelfmark count the same visits), dates only move forward, nothing is added
 * to the visits log (these are not visits Shelfmark saw), and a work already
 * in the saved list keeps its status. Importing the same page twice changes
 * nothing the second time.
 */
import { applyHistoryEntry, archiveDateMillis, type HistoryEntry } from './history-entry';
import { mergeWorkSnapshot } from './merge-work';
import type { ShelfmarkDb } from './schema';
import { factsOf, savedEntry, withFacts, withReading, withSaved } from './stored-work';
import { inTransaction, RequestGroup } from './transaction';
import type { Millis } from './types';

export interface HistoryImportSummary {
  /** Entries received (after folding duplicates). */
  works: number;
  /** Reading records created or moved forward. */
  readingUpdated: number;
  /** Works newly added to the saved list as "to read". */
  savedAdded: number;
}

/** Folds entries naming the same work (a work on two pages of a walk): the newest date, the larger count. */
function foldEntries(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const byWork = new Map<number, HistoryEntry>();
  for (const entry of entries) {
    const known = byWork.get(entry.workId);
    if (!known) {
      byWork.set(entry.workId, entry);
      continue;
    }
    const knownAt = archiveDateMillis(known.lastVisited) ?? -Infinity;
    const entryAt = archiveDateMillis(entry.lastVisited) ?? -Infinity;
    byWork.set(entry.workId, {
      workId: entry.workId,
      work: (entryAt >= knownAt ? entry.work : known.work) ?? known.work ?? entry.work,
      lastVisited: entryAt >= knownAt ? entry.lastVisited : known.lastVisited,
      visits: Math.max(known.visits ?? 0, entry.visits ?? 0) || null,
      markedForLater: known.markedForLater || entry.markedForLater,
    });
  }
  return [...byWork.values()];
}

/** Imports one page's entries in one transaction. */
export async function importHistory(db: ShelfmarkDb, entries: readonly HistoryEntry[], now: Millis): Promise<HistoryImportSummary> {
  const folded = foldEntries(entries);
  const summary: HistoryImportSummary = { works: folded.length, readingUpdated: 0, savedAdded: 0 };
  if (folded.length === 0) return summary;
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const storedWorks = await Promise.all(folded.map((e) => works.get(e.workId)));
    const writes = new RequestGroup();
    folded.forEach((entry, i) => {
      const stored = storedWorks[i];
      let next = entry.work ? withFacts(stored, mergeWorkSnapshot(factsOf(stored), entry.work, now, 'listing')) : stored;
      const reading = applyHistoryEntry(stored?.reading, entry);
      if (reading) {
        next = withReading(next, reading);
        summary.readingUpdated++;
      }
      if (entry.markedForLater && !stored?.saved) {
        next = withSaved(next, savedEntry(entry.workId, 'to-read', now));
        summary.savedAdded++;
      }
      if (next && next !== stored) writes.add(works.put(next));
    });
    await writes.done();
    return summary;
  });
}
