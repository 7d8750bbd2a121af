import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openShelfmarkDb } from '../../../../utils/db/open';
import { LATEST_VERSION, MIGRATIONS, runMigrations, SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import type { ShelfmarkSchema } from '../../../../utils/db/schema';
import { uniqueDbName } from '../fixtures';
import { readEverything, realisticData, sortedLikeStores, writeRealisticData } from './realistic-data';

describe('migration 002: saved works by last change', () => {
  it('upgrades a version 1 database with every record intact and the new index filled', async () => {
    const name = uniqueDbName();
    const v1 = await openShelfmarkDb({ name, version: 1 });
    const data = realisticData();
    await writeRealisticData(v1, data);
    v1.close();

    const v2 = await openShelfmarkDb({ name, version: 2 });
    expect(v2.version).toBe(2);
    expect(await readEverything(v2)).toEqual(sortedLikeStores(data));
    expect(await v2.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 2 });
    const byChanged = await v2.getAllFromIndex('saved', 'changed');
    expect(byChanged.map((r) => r.changed)).toEqual(data.saved.map((r) => r.changed).sort((a, b) => a - b));
    expect(byChanged).toHaveLength(data.saved.length);
    v2.close();
  });

  it('is the latest version, so a fresh database gets it too', async () => {
    expect(LATEST_VERSION).toBe(2);
    const db = await openShelfmarkDb({ name: uniqueDbName() });
    expect([...db.transaction('saved').store.indexNames].sort()).toEqual(['added', 'changed', 'status']);
    db.close();
  });

  it('leaves the database at its old version with its data when a later step fails', async () => {
    const name = uniqueDbName();
    const v2 = await openShelfmarkDb({ name, version: 2 });
    const data = realisticData();
    await writeRealisticData(v2, data);
    v2.close();

    const failing = [...MIGRATIONS, { version: 3, description: 'broken', upgrade: () => Promise.reject(new Error('step failed')) }];
    await expect(
      openDB<ShelfmarkSchema>(name, 3, { upgrade: (db, old, next, tx) => void runMigrations(db, old, next ?? 3, tx, failing).catch(() => undefined) }),
    ).rejects.toBeTruthy();
    const again = await openShelfmarkDb({ name, version: 2 });
    expect(again.version).toBe(2);
    expect(await readEverything(again)).toEqual(sortedLikeStores(data));
    again.close();
  });
});
