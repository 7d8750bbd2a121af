import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { openShelfmarkDb } from '../../../../utils/db/open';
import type { ShelfmarkDb } from '../../../../utils/db/schema';
import { getFamilyRecords, saveLearnedFamily } from '../../../../utils/db/tag-families';
import type { TagFamily } from '../../../../utils/rules/tag-family';
import { T0, uniqueDbName } from '../fixtures';
import { openAtVersion, realisticData, writeRealisticData } from './realistic-data';

const V4_STORES = ['backupFiles', 'backups', 'meta', 'rules', 'settings', 'visits', 'works'];

/** Every record of every store, with its key. */
async function everything(db: IDBPDatabase, stores: string[]): Promise<Record<string, Array<[unknown, unknown]>>> {
  const out: Record<string, Array<[unknown, unknown]>> = {};
  for (const store of stores) {
    const [keys, values] = await Promise.all([db.getAllKeys(store), db.getAll(store)]);
    out[store] = keys.map((key, i) => [key, values[i]]);
  }
  return out;
}

describe('migration 005: a store for tag families', () => {
  it('upgrades a version 4 database with every record intact and an empty families store', async () => {
    const name = uniqueDbName();
    // A version 4 database made the way a reader's was: data written in the version 2 layout, upgraded by the real steps.
    const v2 = await openAtVersion(name, 2);
    await writeRealisticData(v2, realisticData());
    v2.close();
    const v4 = await openAtVersion(name, 4);
    const before = await everything(v4, V4_STORES.filter((s) => s !== 'meta'));
    expect(before.works!.length).toBeGreaterThan(40);
    v4.close();

    const v5 = await openAtVersion(name, 5);
    expect(v5.version).toBe(5);
    expect(await v5.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 5 });
    expect([...v5.objectStoreNames].sort()).toEqual([...V4_STORES, 'tagFamilies'].sort());
    expect(await everything(v5, V4_STORES.filter((s) => s !== 'meta'))).toEqual(before);
    expect(await v5.count('tagFamilies')).toBe(0);
    expect(v5.transaction('tagFamilies').store.keyPath).toBe('key');
    v5.close();
  });

  it('keys families by the normalised tag name', async () => {
    const db: ShelfmarkDb = await openShelfmarkDb({ name: uniqueDbName() });
    const family: TagFamily = { name: 'A Shit Ton of Angst', canonical: 'Angst', synonyms: ['a shit ton of angst'], subtags: [], learnedAt: T0, pages: 2, complete: true };
    await saveLearnedFamily(db, 'A  Shit Ton of Angst', family);
    const found = await getFamilyRecords(db, ['a shit ton of angst']);
    expect(found.get('a shit ton of angst')).toEqual({ key: 'a shit ton of angst', name: 'A  Shit Ton of Angst', family, failedAt: null, error: null });
    db.close();
  });
});
