/**
 * "Delete all my data", the database side: every object store emptied in one
 * transaction, so the reader's data goes completely or not at all.
 *
 * The stores are read from the open database rather than listed here, so the
 * wipe keeps covering everything whatever a later migration adds, folds or
 * renames. Only `meta` stays: it holds the schema version and bookkeeping
 * (the day of the last automatic backup), none of it the reader's.
 */
import type { ShelfmarkDb, StoreName } from './schema';
import { forgetSettings } from './settings';
import { inTransaction, RequestGroup } from './transaction';

const KEPT_STORES: ReadonlySet<string> = new Set<StoreName>(['meta']);

/** Empties every store but `meta`. */
export async function wipeDatabase(db: ShelfmarkDb): Promise<void> {
  const stores = Array.from(db.objectStoreNames).filter((name) => !KEPT_STORES.has(name));
  try {
    await inTransaction(
      db,
      stores,
      'readwrite',
      async (tx) => {
        const clears = new RequestGroup();
        for (const name of stores) clears.add(tx.objectStore(name).clear());
        await clears.done();
      },
      { durability: 'strict' },
    );
  } finally {
    // Committed or not, the settings kept in memory are re-read on next use.
    forgetSettings(db);
  }
}
