/** Reading on work pages and the chapter index: wires the session, the tracker and the controls together. */
import type { PageRecord, WorkPage } from '../../../utils/ao3/types';
import { snapshotFromWorkPage } from '../../../utils/db/work-snapshot';
import type { WorkStates } from '../work-states';
import { markChapterIndex, ReadingControls, withdrawReadingBar } from './reading-controls';
import { ReadingSession } from './reading-session';
import { ReadingTracker } from './reading-tracker';
import { learnReadingSpeed } from './reading-speed';
import { followTimeLeft } from './work-numbers';

/** A one-shot, chapter or whole-work page: record the visit, watch the reading, show the controls. */
export function startReading(work: WorkPage, states: WorkStates): ReadingSession | null {
  const facts = snapshotFromWorkPage(work);
  if (!facts || work.workId === null) {
    withdrawReadingBar();
    return null;
  }
  const state = states.get(work.workId);
  const session = new ReadingSession(work, work.workId, facts, state?.reading ?? null, state?.saved ?? null, states.tracking);
  const tracker = new ReadingTracker(session);
  new ReadingControls(session, tracker.chapterSections).start();
  tracker.start();
  learnReadingSpeed(session, tracker.chapterSections);
  followTimeLeft(work, tracker.chapterSections);
  return session;
}

/** `/works/N/navigate`: which chapters are read, and the next unread one. */
export function showChapterIndexMarks(page: PageRecord, states: WorkStates): void {
  if (page.kind !== 'chapter-index' || !page.work || 'view' in page.work || page.work.workId === null) return;
  const reading = states.get(page.work.workId)?.reading ?? null;
  if (reading) markChapterIndex(page.work, reading);
}
