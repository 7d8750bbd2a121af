/**
 * "Delete all my data", the database side: every object store emptied in one
 * transaction, so the reader's data goes completely or not at all.
 *
 * The stores are read from the open database rather than listed here, so the
 * wipe keeps covering everything whatever a later migration adds, folds or
 * renames. Only `meta` stays: it holds the schema version and bookkeeping
 * (the day of the last automatic backup), none of it the reader's.
 *
 * The same transaction marks the wipe unfinished in `meta`: what lives outside
 * the database (storage.local, the transfer area) is emptied after it commits,
 * and a worker stopped in between finishes the job at its next start
 * (utils/messaging/recovery.ts), which then clears the mark.
 */
import type { ShelfmarkDb, StoreName } from './schema';
import { forgetSettings } from './settings';
import { inTransaction, RequestGroup } from './transaction';

const KEPT_STORES: ReadonlySet<string> = new Set<StoreName>(['meta']);

/** The `meta` key set while a wipe's work outside the database is not done yet. */
export const WIPE_UNFINISHED_KEY = 'wipeUnfinished';

/** Empties every store but `meta`, marking the wipe unfinished. */
export async function wipeDatabase(db: ShelfmarkDb): Promise<void> {
  const stores = Array.from(db.objectStoreNames).filter((name) => !KEPT_STORES.has(name));
  try {
    await inTransaction(
      db,
      [...stores, 'meta'],
      'readwrite',
      async (tx) => {
        const clears = new RequestGroup();
        for (const name of stores) clears.add(tx.objectStore(name).clear());
        clears.add(tx.objectStore('meta').put({ key: WIPE_UNFINISHED_KEY, value: true }));
        await clears.done();
      },
      { durability: 'strict' },
    );
  } finally {
    // Committed or not, the settings kept in memory are re-read on next use.
    forgetSettings(db);
  }
}

/** Whether a wipe's work outside the database was left undone (the worker stopped part way). */
export async function isWipeUnfinished(db: ShelfmarkDb): Promise<boolean> {
  return (await db.get('meta', WIPE_UNFINISHED_KEY)) !== undefined;
}

/** The wipe is done everywhere. */
export async function markWipeFinished(db: ShelfmarkDb): Promise<void> {
  await db.delete('meta', WIPE_UNFINISHED_KEY);
}
