/**
 * One entry of the archive's History as it meets the reader's reading record:
 * what importing it would change. Pure (no database), so the History page's
 * content script can tell which works are already imported
 * (history-import.ts writes them).
 */
import { emptyReading } from './reading';
import type { Millis, ReadingRecord, WorkFacts } from './types';

/** One work of a History or Marked for Later page. */
export interface HistoryEntry {
  workId: number;
  /** The blurb's facts, when it could be read. */
  work: WorkFacts | null;
  /** "Last visited:" as an archive date (`YYYY-MM-DD`). */
  lastVisited: string | null;
  /** "Visited N times". */
  visits: number | null;
  markedForLater: boolean;
}

/** An archive date as a time: noon UTC, so it is the same calendar day everywhere. */
export function archiveDateMillis(date: string | null): Millis | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/** The reading record after an imported History entry; `null` when it changes nothing. */
export function applyHistoryEntry(stored: ReadingRecord | undefined, entry: HistoryEntry): ReadingRecord | null {
  const visited = archiveDateMillis(entry.lastVisited);
  const visits = entry.visits ?? (visited !== null ? 1 : 0);
  if (visited === null && visits === 0) return null;
  const base = stored ?? emptyReading(entry.workId);
  const next: ReadingRecord = {
    ...base,
    visitCount: Math.max(base.visitCount, visits),
    lastVisit: visited === null ? base.lastVisit : Math.max(base.lastVisit ?? visited, visited),
    // The archive tells only the last visit; it bounds the first one from above.
    firstVisit: visited === null ? base.firstVisit : Math.min(base.firstVisit ?? visited, visited),
  };
  const unchanged =
    stored !== undefined && next.visitCount === base.visitCount && next.lastVisit === base.lastVisit && next.firstVisit === base.firstVisit;
  return unchanged ? null : next;
}
