/** The save-for-later list: each work's entry kept in its works record (StoredWork's `saved`). */
import { mergeWorkSnapshot } from './merge-work';
import type { ShelfmarkDb } from './schema';
import { factsOf, withFacts, withoutSaved, withSaved } from './stored-work';
import { inTransaction } from './transaction';
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
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const stored = await works.get(request.workId);
    const current = stored?.saved;
    const record: SavedRecord = {
      workId: request.workId,
      status: request.status,
      added: current?.added ?? now,
      changed: now,
      note: request.note ?? current?.note ?? '',
    };
    const entry = request.work ? withFacts(stored, mergeWorkSnapshot(factsOf(stored), request.work, now)) : stored;
    await works.put(withSaved(entry, record));
    return record;
  });
}

export async function removeSaved(db: ShelfmarkDb, workId: number): Promise<boolean> {
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const stored = await works.get(workId);
    if (!stored?.saved) return false;
    const next = withoutSaved(stored);
    await (next ? works.put(next) : works.delete(workId));
    return true;
  });
}
