import { describe, expect, it } from 'vitest';
import { readBackupData } from '../../../../utils/db/data-transfer';
import { SCHEMA_VERSION_KEY } from '../../../../utils/db/migrations';
import { openShelfmarkDb } from '../../../../utils/db/open';
import type { StoredWork } from '../../../../utils/db/types';
import { uniqueDbName } from '../fixtures';
import { openAtVersion, realisticData, sortedLikeStores, writeRealisticData } from './realistic-data';

describe("migration 003: each work's reading in its works record", () => {
  it('upgrades a version 2 database with every record intact', async () => {
    const name = uniqueDbName();
    const v2 = await openAtVersion(name, 2);
    const data = realisticData();
    await writeRealisticData(v2, data);
    v2.close();

    const v3 = await openAtVersion(name, 3);
    expect(v3.version).toBe(3);
    expect(await v3.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 3 });
    expect([...v3.objectStoreNames].sort()).toEqual(['backupFiles', 'backups', 'meta', 'rules', 'saved', 'settings', 'visits', 'works']);
    expect([...v3.transaction('works').store.indexNames]).toEqual(['lastVisit']);

    const expected = sortedLikeStores(data);
    const readingById = new Map(expected.reading.map((r) => [r.workId, r]));
    const factsById = new Map(expected.works.map((w) => [w.workId, w]));
    const entries = (await v3.getAll('works')) as StoredWork[];
    // One record per work seen or read: the facts as they were, the reading (if any) beside them.
    expect(entries.map((e) => e.workId)).toEqual([...new Set([...factsById.keys(), ...readingById.keys()])].sort((a, b) => a - b));
    for (const entry of entries) {
      const facts = factsById.get(entry.workId);
      const reading = readingById.get(entry.workId);
      expect(entry).toEqual({ ...facts, ...(reading ? { reading } : {}), workId: entry.workId });
    }
    // The read-but-never-seen works hold their id and reading alone.
    expect(entries.find((e) => e.workId === 90_000_002)).toEqual({ workId: 90_000_002, reading: readingById.get(90_000_002) });

    // Every other store as it was.
    expect(await v3.getAll('visits')).toEqual(expected.visits);
    expect(await v3.getAll('saved')).toEqual(expected.saved);
    expect(await v3.getAll('rules')).toEqual(expected.rules);
    expect(await v3.getAll('settings')).toEqual(expected.settings);
    expect(await v3.getAll('backups')).toEqual(expected.backups);
    expect(await v3.get('backupFiles', 1)).toBe('{"format":"x"}');

    // The last-visit index holds the works read with a known last visit, oldest first.
    const byLastVisit = (await v3.getAllKeysFromIndex('works', 'lastVisit')) as number[];
    const withLastVisit = expected.reading.filter((r) => r.lastVisit !== null).sort((a, b) => a.lastVisit! - b.lastVisit!);
    expect(byLastVisit).toEqual(withLastVisit.map((r) => r.workId));

    v3.close();
    // The backup's view is the version 2 stores, record for record (read once upgraded to the latest version, whose stores the export reads).
    const latest = await openShelfmarkDb({ name });
    const exported = await readBackupData(latest);
    expect(exported.works).toEqual(expected.works);
    expect(exported.reading).toEqual(expected.reading);
    latest.close();
  });

  it('gives a fresh database the same layout', async () => {
    const db = await openShelfmarkDb({ name: uniqueDbName() });
    expect(db.objectStoreNames.contains('reading' as never)).toBe(false);
    // Later versions add indexes of their own (004: the saved entry's).
    expect([...db.transaction('works').store.indexNames]).toContain('lastVisit');
    expect(db.transaction('works').store.index('lastVisit').keyPath).toBe('reading.lastVisit');
    db.close();
  });
});
