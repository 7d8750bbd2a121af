/** Checks of the reading requests' own shapes (history import, work states), for utils/messaging/checks.ts. */
import { array, bool, type Check, int, nullable, object, oneOf, str } from './check';
import type { HistoryEntry } from './history-entry';
import type { HistoryImportSummary } from './history-import';
import { checkWorkFacts, workId } from './record-checks';
import { TRACKING_MODES, type TrackingMode } from './tracking-mode';
import type { KnownChapter } from './work-state';

/** A History page lists 20 works; a walk sends one page at a time. */
export const MAX_HISTORY_ENTRIES = 1_000;

export const checkHistoryEntry: Check<HistoryEntry> = object<HistoryEntry>({
  workId,
  work: nullable(checkWorkFacts),
  lastVisited: nullable(str({ pattern: /^\d{4}-\d{2}-\d{2}$/ })),
  visits: nullable(int({ min: 0, max: 10_000_000 })),
  markedForLater: bool,
});

export const checkHistorySummary: Check<HistoryImportSummary> = object<HistoryImportSummary>({
  works: int({ min: 0 }),
  readingUpdated: int({ min: 0 }),
  savedAdded: int({ min: 0 }),
});

export const checkKnownChapters: Check<KnownChapter[]> = array(object<KnownChapter>({ id: int({ min: 1 }), position: int({ min: 1 }) }), { max: 100_000 });

export const checkTrackingMode: Check<TrackingMode> = oneOf(...TRACKING_MODES);
