/**
 * Keeps the filter of works that may have a reader state
 * (utils/reading/state-filter.ts) in `storage.local`, for content scripts.
 *
 * It must never say no to a work that has a state, or a listing would paint
 * that work before a reading rule hides it. So a work is added *before* the
 * write that gives it a state (a worker stopped in between leaves only a
 * harmless yes), and a request that writes many works at once (a backup
 * import, a restore, a wipe) takes the filter away first and builds it again
 * from the database after: without a filter every work waits for its state,
 * and a worker stopped in between finds it missing at its next start and
 * builds it (recovery.ts). Works whose state is deleted stay in until the
 * next build: a yes that only costs a wait.
 */
import type { ShelfmarkDb } from '../db/schema';
import { STATE_FILTER_KEY, StateFilter } from '../reading/state-filter';
import { oneAtATime } from './one-at-a-time';

/** The slice of `browser.storage.local` the filter uses. */
export interface FilterArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface StateFilterMirror {
  /**
   * Adds works about to get a state; resolves once the filter holding them is stored. Never
   * rejects: should storage refuse, the filter is taken away instead (no filter is better than one
   * saying no to a work with a state), and the write it precedes goes ahead.
   */
  add(workIds: readonly number[]): Promise<void>;
  /** Takes the filter away before a write of many works (until `rebuild`). Never rejects: the write goes ahead. */
  withdraw(): Promise<void>;
  /** Builds the filter from the database as it is once this runs. Never rejects: the next start builds a missing one. */
  rebuild(): Promise<void>;
  /** Builds it at the background's start when it is missing (a first start, a stop between `withdraw` and `rebuild`). */
  ensure(): Promise<void>;
}

const warn = (error: unknown) => console.warn('Shelfmark: could not update the list of works with a reading state.', error);

/** The ids of every work with a reading record or a Saved entry. */
export async function statefulWorkIds(db: ShelfmarkDb): Promise<number[]> {
  const ids: number[] = [];
  // Reading records need not have a visit (chapters marked read from the Library), so no index
  // lists them all: one pass over the works, only at a build.
  let cursor = await db.transaction('works').store.openCursor();
  while (cursor) {
    if (cursor.value.reading || cursor.value.saved) ids.push(cursor.value.workId);
    cursor = await cursor.continue();
  }
  return ids;
}

/**
 * One writer per background; its writes run one at a time, each reading what it needs when its
 * turn comes. The filter is kept in memory between writes: a visit to a work already in it (most
 * visits) writes nothing.
 */
export function createStateFilterMirror(getDb: () => Promise<ShelfmarkDb>, area: FilterArea): StateFilterMirror {
  const enqueue = oneAtATime();
  /** What the area holds, once read: null when it holds no filter. */
  let known: StateFilter | null | undefined;
  /**
   * Works added while there was no filter: their writes may commit after the next build has read
   * the database, so that build takes them from here.
   */
  const waiting = new Set<number>();
  const store = async (filter: StateFilter | null) => {
    known = undefined;
    if (filter) await area.set({ [STATE_FILTER_KEY]: filter.toStored() });
    else await area.remove(STATE_FILTER_KEY);
    known = filter;
  };
  /** From the database, with `coming` (works about to get a state) in too. */
  const build = async (coming: readonly number[] = []) => {
    const ids = [...(await statefulWorkIds(await getDb())), ...coming, ...waiting];
    const filter = StateFilter.forWorks(ids.length);
    for (const id of ids) filter.add(id);
    await store(filter);
    waiting.clear();
  };
  const stored = async () => (known !== undefined ? known : (known = StateFilter.from((await area.get(STATE_FILTER_KEY))[STATE_FILTER_KEY])));
  return {
    add(workIds) {
      const adding = enqueue(async () => {
        const filter = await stored();
        // None yet, or withdrawn for a write of many works: every work waits for its state until the build.
        if (!filter) return void workIds.forEach((id) => waiting.add(id));
        const missing = workIds.filter((id) => !filter.mayContain(id));
        if (missing.length === 0) return;
        if (!filter.hasRoomFor(missing.length)) return build(missing);
        for (const id of missing) filter.add(id);
        await store(filter);
      });
      return adding.catch(() => enqueue(() => store(null))).catch(warn);
    },
    withdraw: () => enqueue(() => store(null)).catch(warn),
    rebuild: () => enqueue(() => build()).catch(warn),
    ensure: () =>
      enqueue(async () => {
        // Read from the area itself: a wipe may have emptied it under the copy kept here.
        known = undefined;
        if (!(await stored())) await build();
      }),
  };
}
