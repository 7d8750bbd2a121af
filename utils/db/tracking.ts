/** Recording what the reader does: visits, work snapshots, chapters read, scroll positions. */
import { mergeWorkSnapshot } from './merge-work';
import { applyChaptersRead, applyScrollPosition, applyVisit } from './reading';
import type { ShelfmarkDb } from './schema';
import { factsOf, withFacts, withReading, withSaved } from './stored-work';
import { inTransaction, RequestGroup } from './transaction';
import type { ChapterKey, Millis, ReadingRecord, StoredWork, WorkFacts } from './types';
import { appendVisits } from './visit-log';

/**
 * One visit: the work's snapshot moves forward and its reading counts the visit (one record), the log
 * gets an entry, and a saved "to read" work becomes "reading" — all in one transaction.
 */
export async function recordVisit(db: ShelfmarkDb, work: WorkFacts, chapter: ChapterKey | null, at: Millis): Promise<ReadingRecord> {
  return inTransaction(db, ['works', 'visits'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const writes = new RequestGroup();
    // The log's append reads its last bucket alongside the work's read.
    writes.add(appendVisits(tx.objectStore('visits'), [{ workId: work.workId, chapterId: chapter?.id ?? null, position: chapter?.position ?? null, at }]));
    const stored = await works.get(work.workId);
    const reading = applyVisit(stored?.reading, work.workId, chapter, at, work.chapterCount?.posted ?? null);
    const next = withReading(withFacts(stored, mergeWorkSnapshot(factsOf(stored), work, at, 'work')), reading);
    const saved = stored?.saved;
    writes.add(works.put(saved?.status === 'to-read' ? withSaved(next, { ...saved, status: 'reading', changed: at }) : next));
    await writes.done();
    return reading;
  });
}

/** Snapshots from a listing page, merged into the works store in one transaction. */
export async function storeWorkSnapshots(db: ShelfmarkDb, snapshots: readonly WorkFacts[], at: Millis): Promise<number> {
  if (snapshots.length === 0) return 0;
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    // A listing may show a work twice (e.g. in a series and on its own): fold them in order.
    const merged = new Map<number, StoredWork>();
    const stored = await Promise.all(snapshots.map((s) => store.get(s.workId)));
    snapshots.forEach((snapshot, i) => {
      const base = merged.get(snapshot.workId) ?? stored[i];
      merged.set(snapshot.workId, withFacts(base, mergeWorkSnapshot(factsOf(base), snapshot, at, 'listing')));
    });
    const writes = new RequestGroup();
    for (const record of merged.values()) writes.add(store.put(record));
    await writes.done();
    return merged.size;
  });
}

/** Changes a work's reading record in one transaction; the work's facts, if any, stay as they are. */
async function updateReading(db: ShelfmarkDb, workId: number, update: (current: ReadingRecord | undefined) => ReadingRecord): Promise<ReadingRecord> {
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    const stored = await store.get(workId);
    const next = update(stored?.reading);
    await store.put(withReading(stored, next));
    return next;
  });
}

export async function markChapters(
  db: ShelfmarkDb,
  workId: number,
  chapters: ChapterKey[],
  read: boolean,
  at: Millis,
): Promise<ReadingRecord> {
  return updateReading(db, workId, (current) => applyChaptersRead(current, workId, chapters, read, at));
}

export async function setScrollPosition(db: ShelfmarkDb, workId: number, chapter: ChapterKey, scroll: number, at: Millis): Promise<void> {
  await updateReading(db, workId, (current) => applyScrollPosition(current, workId, chapter, scroll, at));
}
