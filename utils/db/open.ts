/** Opening the database: the raw open with migrations, and the background's memoised connection. */
import { openDB } from 'idb';
import { DB_NAME, type ShelfmarkDb, type ShelfmarkSchema } from './schema';
import { LATEST_VERSION, runMigrations } from './migrations';
import type { MigrationDb, MigrationTransaction } from './migrations/migration';

export interface OpenOptions {
  name?: string;
  version?: number;
  /** This connection blocks another one's upgrade: the caller must close it. */
  onBlocking?: (db: ShelfmarkDb) => void;
  /** The browser closed the connection abnormally. */
  onTerminated?: () => void;
}

export function openShelfmarkDb(options: OpenOptions = {}): Promise<ShelfmarkDb> {
  const { name = DB_NAME, version = LATEST_VERSION } = options;
  let opened: ShelfmarkDb | null = null;
  const promise = openDB<ShelfmarkSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // The steps see the stores of their own versions, not the latest schema's types.
      runMigrations(db as unknown as MigrationDb, oldVersion, newVersion ?? version, tx as unknown as MigrationTransaction).catch((error: unknown) => {
        console.error('Shelfmark: database upgrade failed; the database keeps its old version.', error);
      });
    },
    blocking() {
      if (opened) options.onBlocking?.(opened);
    },
    terminated() {
      options.onTerminated?.();
    },
  });
  return promise.then((db) => (opened = db));
}

export interface DbConnection {
  /** The open database; the first call opens it, a burst of calls shares that one open. */
  get(): Promise<ShelfmarkDb>;
  close(): Promise<void>;
}

/**
 * The background's single connection. Closing on `blocking` lets a newer
 * version (an extension update) upgrade; the next `get` reopens.
 */
export function createDbConnection(options: Omit<OpenOptions, 'onBlocking' | 'onTerminated'> = {}): DbConnection {
  let pending: Promise<ShelfmarkDb> | null = null;
  return {
    get() {
      if (pending) return pending;
      const opening = openShelfmarkDb({
        ...options,
        onBlocking: (db) => {
          db.close();
          if (pending === opening) pending = null;
        },
        onTerminated: () => {
          if (pending === opening) pending = null;
        },
      });
      pending = opening;
      // A failed open must not be remembered: the next message tries again.
      opening.catch(() => {
        if (pending === opening) pending = null;
      });
      return opening;
    },
    async close() {
      const current = pending;
      pending = null;
      if (current) (await current.catch(() => null))?.close();
    },
  };
}
