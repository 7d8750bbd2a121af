/** The save-for-later list: each work's entry kept in its works record (StoredWork's `saved`). */
import { mergeWorkSnapshot } from './merge-work';
import type { ShelfmarkDb } from './schema';
import { factsOf, savedEntry, withFacts, withoutSaved, withSaved } from './stored-work';
import { inTransaction } from './transaction';
import type { Millis, SavedRecord, SavedStatus, StoredWork, WorkFacts } from './types';

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
    const record = savedEntry(request.workId, request.status, now, stored?.saved, request.note);
    const entry = request.work ? withFacts(stored, mergeWorkSnapshot(factsOf(stored), request.work, now, 'listing')) : stored;
    await works.put(withSaved(entry, record));
    return record;
  });
}

export async function removeSaved(db: ShelfmarkDb, workId: number): Promise<boolean> {
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const works = tx.objectStore('works');
    const stored = await works.get(workId);
    if (!stored?.saved) return false;
    await putOrDelete(works, workId, withoutSaved(stored));
    return true;
  });
}

/** The slice of the works store `putOrDelete` writes to. */
interface WorksWriter {
  put(entry: StoredWork): Promise<unknown>;
  delete(workId: number): Promise<unknown>;
}

/** Writes a work's record, or deletes it when nothing is left of it (`withoutSaved` gave null). */
export function putOrDelete(works: WorksWriter, workId: number, entry: StoredWork | null): Promise<unknown> {
  return entry ? works.put(entry) : works.delete(workId);
}
