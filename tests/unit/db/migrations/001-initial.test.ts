import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { uniqueDbName } from '../fixtures';
import { openAtVersion, readEverything, realisticData, sortedLikeStores, writeRealisticData } from './realistic-data';

describe('migration 001: the initial stores', () => {
  it('creates every store and index, records the version, and holds real-looking data', async () => {
    const db = await openAtVersion(uniqueDbName(), 1);
    expect([...db.objectStoreNames].sort()).toEqual(['backupFiles', 'backups', 'meta', 'reading', 'rules', 'saved', 'settings', 'visits', 'works']);
    const tx = db.transaction(['works', 'reading', 'saved', 'rules']);
    expect([...tx.objectStore('works').indexNames]).toEqual(['fandoms']);
    expect(tx.objectStore('works').index('fandoms').multiEntry).toBe(true);
    expect([...tx.objectStore('reading').indexNames]).toEqual(['lastVisit']);
    expect([...tx.objectStore('saved').indexNames].sort()).toEqual(['added', 'status']);
    expect([...tx.objectStore('rules').indexNames]).toEqual(['order']);
    expect(await db.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 1 });

    const data = realisticData();
    await writeRealisticData(db, data);
    expect(await readEverything(db)).toEqual(sortedLikeStores(data));
    expect(await db.countFromIndex('works', 'fandoms', 'Good Omens (TV)')).toBeGreaterThan(1);
    db.close();
  });
});
