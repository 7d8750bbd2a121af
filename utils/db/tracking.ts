/** Recording what the reader does: visits, work snapshots, chapters read, scroll positions. */
import { mergeWorkSnapshot } from './merge-work';
import { applyChaptersRead, applyScrollPosition, applyVisit } from './reading';
import type { ShelfmarkDb } from './schema';
import { inTransaction, RequestGroup } from './transaction';
import type { ChapterKey, Millis, ReadingRecord, WorkFacts } from './types';
import { appendVisits } from './visit-log';

/**
 * One visit: the work's snapshot moves forward, its reading record counts the visit, the log gets
 * an entry, and a saved "to read" work becomes "reading" — all in one transaction.
 */
export async function recordVisit(db: ShelfmarkDb, work: WorkFacts, chapter: ChapterKey | null, at: Millis): Promise<ReadingRecord> {
  return inTransaction(db, ['works', 'reading', 'visits', 'saved'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const reading = tx.objectStore('reading');
    const saved = tx.objectStore('saved');
    const [storedWork, storedReading, storedSaved] = await Promise.all([works.get(work.workId), reading.get(work.workId), saved.get(work.workId)]);
    const nextReading = applyVisit(storedReading, work.workId, chapter, at);
    const writes = new RequestGroup();
    writes.add(works.put(mergeWorkSnapshot(storedWork, work, at)));
    writes.add(reading.put(nextReading));
    if (storedSaved?.status === 'to-read') writes.add(saved.put({ ...storedSaved, status: 'reading', changed: at }));
    writes.add(appendVisits(tx.objectStore('visits'), [{ workId: work.workId, chapterId: chapter?.id ?? null, position: chapter?.position ?? null, at }]));
    await writes.done();
    return nextReading;
  });
}

/** Snapshots from a listing page, merged into the works store in one transaction. */
export async function storeWorkSnapshots(db: ShelfmarkDb, snapshots: readonly WorkFacts[], at: Millis): Promise<number> {
  if (snapshots.length === 0) return 0;
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    // A listing may show a work twice (e.g. in a series and on its own): fold them in order.
    const merged = new Map<number, Awaited<ReturnType<typeof store.get>>>();
    const stored = await Promise.all(snapshots.map((s) => store.get(s.workId)));
    snapshots.forEach((snapshot, i) => {
      const base = merged.has(snapshot.workId) ? merged.get(snapshot.workId) : stored[i];
      merged.set(snapshot.workId, mergeWorkSnapshot(base, snapshot, at));
    });
    const writes = new RequestGroup();
    for (const record of merged.values()) writes.add(store.put(record!));
    await writes.done();
    return merged.size;
  });
}

export async function markChapters(
  db: ShelfmarkDb,
  workId: number,
  chapters: ChapterKey[],
  read: boolean,
  at: Millis,
): Promise<ReadingRecord> {
  return inTransaction(db, ['reading'], 'readwrite', async (tx) => {
    const next = applyChaptersRead(await tx.objectStore('reading').get(workId), workId, chapters, read, at);
    await tx.objectStore('reading').put(next);
    return next;
  });
}

export async function setScrollPosition(db: ShelfmarkDb, workId: number, chapter: ChapterKey, scroll: number, at: Millis): Promise<void> {
  await inTransaction(db, ['reading'], 'readwrite', async (tx) => {
    await tx.objectStore('reading').put(applyScrollPosition(await tx.objectStore('reading').get(workId), workId, chapter, scroll, at));
  });
}
