import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, runMigrations, SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import type { Migration } from '../../../../utils/db/migrations/migration';
import { TEST_MIGRATION_RUNS_KEY, testOnlyMigration } from '../../../../utils/db/migrations/test-only';
import { uniqueDbName } from '../fixtures';

/** Opens `name` at the newest version of `steps`, upgrading with them; returns the meta records the test reads. */
async function openWith(name: string, steps: readonly Migration[]): Promise<{ version: number; schema: unknown; runs: unknown }> {
  const version = steps[steps.length - 1]!.version;
  const db = await openDB(name, version, { upgrade: (db, old, next, tx) => void runMigrations(db, old, next ?? version, tx, steps) });
  const read = async (key: string) => ((await db.get('meta', key)) as { value?: unknown } | undefined)?.value;
  const result = { version: db.version, schema: await read(SCHEMA_VERSION_KEY), runs: await read(TEST_MIGRATION_RUNS_KEY) };
  db.close();
  return result;
}

describe('the test-only migration', () => {
  it('is not in the registry of a normal build', () => {
    expect(MIGRATIONS.map((step) => step.description)).not.toContain(testOnlyMigration(0).description);
  });

  it('comes one version after the newest step, runs once, and counts its runs', async () => {
    const name = uniqueDbName();
    expect(await openWith(name, MIGRATIONS)).toEqual({ version: LATEST_VERSION, schema: LATEST_VERSION, runs: undefined });
    const withStep = [...MIGRATIONS, testOnlyMigration(LATEST_VERSION)];
    expect(await openWith(name, withStep)).toEqual({ version: LATEST_VERSION + 1, schema: LATEST_VERSION + 1, runs: 1 });
    expect(await openWith(name, withStep)).toEqual({ version: LATEST_VERSION + 1, schema: LATEST_VERSION + 1, runs: 1 });
  });
});
