/** What a listing or work page shows about the reader's own relation to each work. */
import type { ShelfmarkDb } from './schema';
import type { ReadingRecord, SavedRecord } from './types';

/** A chapter whose id is known, at its position in the work. */
export interface KnownChapter {
  id: number;
  position: number;
}

export interface WorkState {
  workId: number;
  reading: ReadingRecord | null;
  saved: SavedRecord | null;
  /**
   * The work's chapters as the works store knows them (from the last work page the reader
   * opened), ids and positions only: enough to link the first unread chapter from a listing.
   */
  chapters: KnownChapter[];
}

/** The state of many works from one read transaction, in the order asked. */
export async function getWorkStates(db: ShelfmarkDb, workIds: readonly number[]): Promise<WorkState[]> {
  const tx = db.transaction(['reading', 'saved', 'works'], 'readonly');
  const reading = tx.objectStore('reading');
  const saved = tx.objectStore('saved');
  const works = tx.objectStore('works');
  // All at once: one round of requests costs less than reading the works only for works with state.
  const [readings, saves, records] = await Promise.all([
    Promise.all(workIds.map((id) => reading.get(id))),
    Promise.all(workIds.map((id) => saved.get(id))),
    Promise.all(workIds.map((id) => works.get(id))),
  ]);
  await tx.done;
  return workIds.map((workId, i) => {
    const state = { workId, reading: readings[i] ?? null, saved: saves[i] ?? null };
    // Only works the reader has a relation with need their chapters: the others show nothing.
    const known = state.reading || state.saved ? (records[i]?.chapters ?? []) : [];
    return { ...state, chapters: known.map(({ id, position }) => ({ id, position })) };
  });
}
