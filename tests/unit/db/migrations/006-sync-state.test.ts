import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { openShelfmarkDb } from '../../../../utils/db/open';
import { readBackupData } from '../../../../utils/db/data-transfer';
import type { ShelfmarkDb } from '../../../../utils/db/schema';
import { readSyncState } from '../../../../utils/db/sync-state';
import { uniqueDbName } from '../fixtures';
import { openAtVersion, realisticData, sortedLikeStores } from './realistic-data';

describe("migration 006: the sync engine's store", () => {
  it('adds the sync store to a version 5 database and keeps every record', async () => {
    const name = uniqueDbName();
    const v5 = await openAtVersion(name, 5);
    const data = realisticData();
    const tx = v5.transaction(['rules', 'settings'], 'readwrite');
    await Promise.all([...data.rules.map((r) => tx.objectStore('rules').put(r)), ...data.settings.map((r) => tx.objectStore('settings').put(r)), tx.done]);
    v5.close();

    const db = (await openShelfmarkDb({ name, version: 6 })) as ShelfmarkDb;
    expect(db.version).toBe(6);
    expect(await db.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 6 });
    expect([...db.objectStoreNames].sort()).toEqual(['backupFiles', 'backups', 'meta', 'rules', 'settings', 'sync', 'tagFamilies', 'visits', 'works']);
    const after = await readBackupData(db);
    const expected = sortedLikeStores(data);
    expect(after.rules).toEqual(expected.rules);
    expect(after.settings).toEqual(expected.settings);
    // The store works: a device state is made on first use and kept.
    const state = await readSyncState(db);
    expect(state).toMatchObject({ everSynced: false, seenGeneration: null });
    expect(await readSyncState(db)).toEqual(state);
    db.close();
  });
});
