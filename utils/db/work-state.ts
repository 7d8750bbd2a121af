/** What a listing or work page shows about the reader's own relation to each work. */
import type { ShelfmarkDb } from './schema';
import { factsOf } from './stored-work';
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

/** The state of many works from one read transaction, in the order asked: one read per work, its reading and saved entry inside. */
export async function getWorkStates(db: ShelfmarkDb, workIds: readonly number[]): Promise<WorkState[]> {
  const tx = db.transaction('works', 'readonly');
  const entries = await Promise.all(workIds.map((id) => tx.store.get(id)));
  await tx.done;
  return workIds.map((workId, i) => {
    const entry = entries[i];
    const state = { workId, reading: entry?.reading ?? null, saved: entry?.saved ?? null };
    // Only works the reader has a relation with need their chapters: the others show nothing.
    const known = state.reading || state.saved ? (factsOf(entry)?.chapters ?? []) : [];
    return { ...state, chapters: known.map(({ id, position }) => ({ id, position })) };
  });
}
