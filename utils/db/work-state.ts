/** What a listing or work page shows about the reader's own relation to each work. */
import type { ShelfmarkDb } from './schema';
import type { ReadingRecord, SavedRecord } from './types';

export interface WorkState {
  workId: number;
  reading: ReadingRecord | null;
  saved: SavedRecord | null;
}

/** The state of many works from one read transaction, in the order asked. */
export async function getWorkStates(db: ShelfmarkDb, workIds: readonly number[]): Promise<WorkState[]> {
  const tx = db.transaction(['reading', 'saved'], 'readonly');
  const reading = tx.objectStore('reading');
  const saved = tx.objectStore('saved');
  const [readings, saves] = await Promise.all([
    Promise.all(workIds.map((id) => reading.get(id))),
    Promise.all(workIds.map((id) => saved.get(id))),
  ]);
  await tx.done;
  return workIds.map((workId, i) => ({ workId, reading: readings[i] ?? null, saved: saves[i] ?? null }));
}
