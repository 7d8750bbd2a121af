import type { Migration } from './migration';

/**
 * Version 6: the `sync` store, where the browser-sync engine keeps its own
 * bookkeeping (utils/db/sync-state.ts): this device's id, whether it has
 * local changes not sent yet, the times of its recent writes (the rate
 * limit), and the last merged document — what tells a deletion made here
 * (a record the last merge had, gone since) from a record never seen.
 * Keys are the record names (`state`, `shadow`); nothing else changes.
 */
export const syncState: Migration = {
  version: 6,
  description: "add the sync engine's store",
  upgrade(db) {
    db.createObjectStore('sync');
  },
};
