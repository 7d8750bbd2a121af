/** The registry of upgrade steps: cumulative, in version order, each in its own file. */
import type { Migration, MigrationDb, MigrationTransaction } from './migration';
import { initial } from './001-initial';
import { savedByChanged } from './002-saved-by-changed';
import { readingInWorks } from './003-reading-in-works';
import { savedInWorks } from './004-saved-in-works';
import { tagFamilies } from './005-tag-families';
import { syncState } from './006-sync-state';
import { testOnlyMigration } from './test-only';

const SHIPPED_MIGRATIONS: readonly Migration[] = [initial, savedByChanged, readingInWorks, savedInWorks, tagFamilies, syncState];

/**
 * Builds made with SHELFMARK_TEST_MIGRATION=1 add one step past the newest (test-only.ts); other builds drop
 * it. The constant exists only in builds (wxt.config.ts), hence `typeof` for Node and the unit tests.
 */
export const MIGRATIONS: readonly Migration[] =
  typeof __SHELFMARK_TEST_MIGRATION__ === 'boolean' && __SHELFMARK_TEST_MIGRATION__
    ? [...SHIPPED_MIGRATIONS, testOnlyMigration(SHIPPED_MIGRATIONS[SHIPPED_MIGRATIONS.length - 1]!.version)]
    : SHIPPED_MIGRATIONS;

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export const SCHEMA_VERSION_KEY = 'schemaVersion';

/**
 * Runs every step after `oldVersion` up to `newVersion`, then records the
 * version in the meta store. A failing step aborts the version-change
 * transaction, so the database stays at its old version with its data intact.
 */
export async function runMigrations(
  db: MigrationDb,
  oldVersion: number,
  newVersion: number,
  tx: MigrationTransaction,
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
