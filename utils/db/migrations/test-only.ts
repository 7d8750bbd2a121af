/**
 * An upgrade step that exists only in builds made with
 * `SHELFMARK_TEST_MIGRATION=1` (see wxt.config.ts): the update test
 * (tests/e2e/update.test.ts) loads such a build over a profile the shipped
 * build filled, to prove that an update keeps every record and runs its step
 * exactly once. Shipped builds never import this file (the registry's
 * condition is a build-time `false`, so the bundler drops it).
 *
 * The step comes one version after the newest real one, whatever that is,
 * and touches only the meta store, which every version has: it counts its
 * own runs there.
 */
import type { Migration } from './migration';

declare global {
  /** Whether the build was made with `SHELFMARK_TEST_MIGRATION=1`: a constant the bundler writes in; absent outside builds. */
  const __SHELFMARK_TEST_MIGRATION__: boolean | undefined;
}

/** The meta record holding how many times the test-only step ran. */
export const TEST_MIGRATION_RUNS_KEY = 'testMigrationRuns';

export function testOnlyMigration(after: number): Migration {
  return {
    version: after + 1,
    description: 'test only: count the runs of this step',
    async upgrade(_db, tx) {
      const meta = tx.objectStore('meta');
      const stored = (await meta.get(TEST_MIGRATION_RUNS_KEY)) as { value?: unknown } | undefined;
      const runs = stored?.value;
      await meta.put({ key: TEST_MIGRATION_RUNS_KEY, value: (typeof runs === 'number' ? runs : 0) + 1 });
    },
  };
}
