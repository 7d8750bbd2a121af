import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { uniqueDbName } from '../fixtures';
import { openAtVersion, readEverything, realisticData, sortedLikeStores, writeRealisticData } from './realistic-data';

describe('migration 002: saved works by last change', () => {
  it('upgrades a version 1 database with every record intact and the new index filled', async () => {
    const name = uniqueDbName();
    const v1 = await openAtVersion(name, 1);
    const data = realisticData();
    await writeRealisticData(v1, data);
    v1.close();

    const v2 = await openAtVersion(name, 2);
    expect(v2.version).toBe(2);
    expect(await readEverything(v2)).toEqual(sortedLikeStores(data));
    expect(await v2.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 2 });
    const byChanged = (await v2.getAllFromIndex('saved', 'changed')) as Array<{ changed: number }>;
    expect(byChanged.map((r) => r.changed)).toEqual(data.saved.map((r) => r.changed).sort((a, b) => a - b));
    expect(byChanged).toHaveLength(data.saved.length);
    v2.close();
  });

  it('leaves the database at its old version with its data when a later step fails', async () => {
    const name = uniqueDbName();
    const v2 = await openAtVersion(name, 2);
    const data = realisticData();
    await writeRealisticData(v2, data);
    v2.close();

    const failing = [...MIGRATIONS.filter((step) => step.version <= 2), { version: 3, description: 'broken', upgrade: () => Promise.reject(new Error('step failed')) }];
    await expect(openDB(name, 3, { upgrade: (db, old, next, tx) => void runMigrations(db, old, next ?? 3, tx, failing).catch(() => undefined) })).rejects.toBeTruthy();
    const again = await openAtVersion(name, 2);
    expect(again.version).toBe(2);
    expect(await readEverything(again)).toEqual(sortedLikeStores(data));
    again.close();
  });
});
