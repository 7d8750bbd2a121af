import type { Migration } from './migration';

/** Version 2: saved works by when their status last changed, for the library's "recently changed" sort. */
export const savedByChanged: Migration = {
  version: 2,
  description: 'index saved works by their last change',
  upgrade(_db, tx) {
    tx.objectStore('saved').createIndex('changed', 'changed');
  },
};
