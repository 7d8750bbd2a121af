import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { readBackupData } from '../../../../utils/db/data-transfer';
import { SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { openShelfmarkDb } from '../../../../utils/db/open';
import type { SavedRecord, StoredWork } from '../../../../utils/db/types';
import { T0, uniqueDbName } from '../fixtures';
import { openAtVersion, type RealisticData, realisticData, sortedLikeStores } from './realistic-data';

/** The realistic data in the version 3 layout: each work's reading inside its works record, the saved list in its own store. */
function version3Works(data: RealisticData): StoredWork[] {
  const readingById = new Map(data.reading.map((r) => [r.workId, r]));
  const seen: StoredWork[] = data.works.map((w) => (readingById.has(w.workId) ? { ...w, reading: readingById.get(w.workId)! } : w));
  const seenIds = new Set(data.works.map((w) => w.workId));
  const unseen: StoredWork[] = data.reading.filter((r) => !seenIds.has(r.workId)).map((reading) => ({ workId: reading.workId, reading }));
  return [...seen, ...unseen];
}

async function writeVersion3(db: IDBPDatabase, data: RealisticData): Promise<void> {
  const tx = db.transaction(['works', 'visits', 'saved', 'rules', 'settings', 'backups', 'backupFiles'], 'readwrite');
  await Promise.all([
    ...version3Works(data).map((r) => tx.objectStore('works').put(r)),
    ...data.visits.map((r) => tx.objectStore('visits').put(r)),
    ...data.saved.map((r) => tx.objectStore('saved').put(r)),
    ...data.rules.map((r) => tx.objectStore('rules').put(r)),
    ...data.settings.map((r) => tx.objectStore('settings').put(r)),
    ...data.backups.map((r) => tx.objectStore('backups').put(r)),
    tx.objectStore('backupFiles').put('{"format":"x"}', 1),
    tx.done,
  ]);
}

describe("migration 004: each work's saved entry in its works record", () => {
  it('upgrades a version 3 database with every record intact', async () => {
    const data = realisticData();
    // Besides the seen works saved: a work saved by id alone, and one read but never seen.
    const extra: SavedRecord[] = [
      { workId: 90_000_001, status: 'on-hold', added: T0 + 7, changed: T0 + 8, note: 'the deleted one' },
      { workId: 90_000_010, status: 'to-read', added: T0 + 9, changed: T0 + 9, note: '' },
    ];
    data.saved.push(...extra);
    const name = uniqueDbName();
    const v3 = await openAtVersion(name, 3);
    await writeVersion3(v3, data);
    v3.close();

    const v4 = await openAtVersion(name, 4);
    expect(v4.version).toBe(4);
    expect(await v4.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 4 });
    expect([...v4.objectStoreNames].sort()).toEqual(['backupFiles', 'backups', 'meta', 'rules', 'settings', 'visits', 'works']);
    expect([...v4.transaction('works').store.indexNames].sort()).toEqual(['lastVisit', 'savedAdded', 'savedChanged', 'savedStatus']);

    const expected = sortedLikeStores(data);
    const savedById = new Map(expected.saved.map((s) => [s.workId, s]));
    const before = new Map(version3Works(data).map((w) => [w.workId, w]));
    const entries = (await v4.getAll('works')) as StoredWork[];
    // One record per work seen, read or saved: everything it held, its saved entry (if any) beside it.
    expect(entries.map((e) => e.workId)).toEqual([...new Set([...before.keys(), ...savedById.keys()])].sort((a, b) => a - b));
    for (const entry of entries) {
      const saved = savedById.get(entry.workId);
      expect(entry).toEqual({ ...before.get(entry.workId), ...(saved ? { saved } : {}), workId: entry.workId });
    }
    expect(entries.find((e) => e.workId === 90_000_010)).toEqual({ workId: 90_000_010, saved: extra[1] });
    expect(entries.find((e) => e.workId === 90_000_001)).toMatchObject({ reading: { workId: 90_000_001 }, saved: extra[0] });

    // Every other store as it was.
    expect(await v4.getAll('visits')).toEqual(expected.visits);
    expect(await v4.getAll('rules')).toEqual(expected.rules);
    expect(await v4.getAll('settings')).toEqual(expected.settings);
    expect(await v4.getAll('backups')).toEqual(expected.backups);
    expect(await v4.get('backupFiles', 1)).toBe('{"format":"x"}');

    // The saved indexes hold the saved works only, by their entry's fields; the last-visit index is untouched.
    const keysBy = async (index: string) => (await v4.getAllKeysFromIndex('works', index)) as number[];
    const byField = (field: 'status' | 'added' | 'changed') =>
      [...expected.saved].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.workId - b.workId)).map((s) => s.workId);
    expect(await keysBy('savedStatus')).toEqual(byField('status'));
    expect(await keysBy('savedAdded')).toEqual(byField('added'));
    expect(await keysBy('savedChanged')).toEqual(byField('changed'));
    expect(await keysBy('lastVisit')).toHaveLength(expected.reading.filter((r) => r.lastVisit !== null).length);

    v4.close();
    // The backup's view is the version 3 stores, record for record (read once upgraded to the latest version, whose stores the export reads).
    const latest = await openShelfmarkDb({ name });
    const exported = await readBackupData(latest);
    expect(exported.works).toEqual(expected.works);
    expect(exported.reading).toEqual(expected.reading);
    expect(exported.saved).toEqual(expected.saved);
    latest.close();
  });

  it('gives a fresh database the same layout', async () => {
    const db = await openShelfmarkDb({ name: uniqueDbName() });
    expect(db.objectStoreNames.contains('saved' as never)).toBe(false);
    const works = db.transaction('works').store;
    expect([works.index('savedStatus').keyPath, works.index('savedAdded').keyPath, works.index('savedChanged').keyPath]).toEqual([
      'saved.status',
      'saved.added',
      'saved.changed',
    ]);
    db.close();
  });
});
