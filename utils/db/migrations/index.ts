/** The registry of upgrade steps: cumulative, in version order, each in its own file. */
import type { ShelfmarkDb, UpgradeTransaction } from '../schema';
import type { Migration } from './migration';
import { initial } from './001-initial';
import { savedByChanged } from './002-saved-by-changed';

export const MIGRATIONS: readonly Migration[] = [initial, savedByChanged];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export const SCHEMA_VERSION_KEY = 'schemaVersion';

/**
 * Runs every step after `oldVersion` up to `newVersion`, then records the
 * version in the meta store. A failing step aborts the version-change
 * transaction, so the database stays at its old version with its data intact.
 */
export async function runMigrations(
  db: ShelfmarkDb,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  try {
    for (const step of migrations) {
      if (step.version > oldVersion && step.version <= newVersion) await step.upgrade(db, tx);
    }
    await tx.objectStore('meta').put({ key: SCHEMA_VERSION_KEY, value: newVersion });
  } catch (error) {
    // The abort is the outcome the open request reports; the transaction's own rejection is not news.
    tx.done.catch(() => undefined);
    tx.abort();
    throw error;
  }
}
