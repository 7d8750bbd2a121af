/** The save-for-later list. */
import { mergeWorkSnapshot } from './merge-work';
import type { ShelfmarkDb } from './schema';
import { factsOf, withFacts } from './stored-work';
import { inTransaction, RequestGroup } from './transaction';
import type { Millis, SavedRecord, SavedStatus, WorkFacts } from './types';

export interface SaveRequest {
  workId: number;
  status: SavedStatus;
  /** Absent: keep the current note. */
  note?: string;
  /** The work's facts, when the page saving it has them, so the library can show it. */
  work?: WorkFacts;
}

export async function setSaved(db: ShelfmarkDb, request: SaveRequest, now: Millis): Promise<SavedRecord> {
  return inTransaction(db, ['saved', 'works'], 'readwrite', async (tx) => {
    const saved = tx.objectStore('saved');
    const works = tx.objectStore('works');
    const [current, storedWork] = await Promise.all([
      saved.get(request.workId),
      request.work ? works.get(request.workId) : Promise.resolve(undefined),
    ]);
    const record: SavedRecord = {
      workId: request.workId,
      status: request.status,
      added: current?.added ?? now,
      changed: now,
      note: request.note ?? current?.note ?? '',
    };
    const writes = new RequestGroup();
    writes.add(saved.put(record));
    if (request.work) writes.add(works.put(withFacts(storedWork, mergeWorkSnapshot(factsOf(storedWork), request.work, now))));
    await writes.done();
    return record;
  });
}

export async function removeSaved(db: ShelfmarkDb, workId: number): Promise<boolean> {
  return inTransaction(db, ['saved'], 'readwrite', async (tx) => {
    const existed = (await tx.objectStore('saved').getKey(workId)) !== undefined;
    if (existed) await tx.objectStore('saved').delete(workId);
    return existed;
  });
}
