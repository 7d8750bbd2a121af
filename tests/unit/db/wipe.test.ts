/**
 * "Delete all my data": the database wipe (every store but `meta`, whatever
 * the schema holds, in one transaction), the `data/wipe` request around it
 * (storage.local, transfers, the rules mirror, the settings kept in memory),
 * and the options page's side: the copy taken first and Undo from it.
 */
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { listSnapshots, takeSnapshot, type DailySnapshots } from '../../../utils/backup/snapshots';
import { copyAllData, eraseAllData, putDataBack } from '../../../utils/backup/erase';
import { countBackupData, readBackupData } from '../../../utils/db/data-transfer';
import { SCHEMA_VERSION_KEY } from '../../../utils/db/migrations';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import type { BackupMeta } from '../../../utils/db/types';
import { getSettings, SETTING_DEFAULTS } from '../../../utils/db/settings';
import { WIPE_UNFINISHED_KEY, wipeDatabase } from '../../../utils/db/wipe';
import { readSyncState } from '../../../utils/db/sync-state';
import type { SendRequest } from '../../../utils/messaging/client';
import { DISPLAY_PREFS_KEY } from '../../../utils/library/display';
import { DEFAULT_NUMBERS_PREFS, NUMBERS_PREFS_KEY } from '../../../utils/reading/numbers-prefs';
import { STATE_FILTER_KEY, StateFilter } from '../../../utils/reading/state-filter';
import { EMPTY_LISTING_CONFIG, LISTING_CONFIG_KEY } from '../../../utils/rules/listing-config';
import { fillLibrary } from '../backup/files';
import { archiveTab, optionsPage, testBackground } from '../messaging/background';
import { DAY, freshDb, T0, uniqueDbName } from './fixtures';

async function storeCounts(db: ShelfmarkDb): Promise<Record<string, number>> {
  const names = Array.from(db.objectStoreNames);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.count(name)] as const)));
}

describe('wipeDatabase', () => {
  it('empties every store but meta, automatic backups included, keeping the schema version', async () => {
    const db = await freshDb();
    await fillLibrary(db);
    await takeSnapshot(db, 'daily', T0 + DAY, '0.1.0');
    // The sync engine's store: this device's state, made on first use.
    await readSyncState(db);
    const before = await storeCounts(db);
    // Every store the schema has is filled, so an emptied one shows.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    const meta = await db.getAll('meta');

    await wipeDatabase(db);

    const after = await storeCounts(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    // meta keeps what it had, and says the wipe's work outside the database is still to do.
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((name) => [name, name === 'meta' ? before.meta! + 1 : 0])));
    expect(await db.getAll('meta')).toEqual(expect.arrayContaining(meta));
    expect(await db.get('meta', WIPE_UNFINISHED_KEY)).toEqual({ key: WIPE_UNFINISHED_KEY, value: true });
    expect(await db.get('meta', SCHEMA_VERSION_KEY)).toBeDefined();
  });

  it('empties the stores the database has, not a list of them: a store a later migration adds goes too', async () => {
    const name = uniqueDbName();
    const raw = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('works', { keyPath: 'workId' });
        db.createObjectStore('somethingNew');
      },
    });
    await raw.put('meta', { key: SCHEMA_VERSION_KEY, value: 99 });
    await raw.put('works', { workId: 1 });
    await raw.put('somethingNew', 'a value', 'a key');

    await wipeDatabase(raw as unknown as ShelfmarkDb);

    expect(await raw.count('works')).toBe(0);
    expect(await raw.count('somethingNew')).toBe(0);
    expect(await raw.get('meta', SCHEMA_VERSION_KEY)).toEqual({ key: SCHEMA_VERSION_KEY, value: 99 });
    raw.close();
  });

  it('clears them all in one readwrite transaction', async () => {
    const db = await freshDb();
    const transaction = vi.spyOn(db, 'transaction');
    await wipeDatabase(db);
    expect(transaction).toHaveBeenCalledTimes(1);
    const [stores, mode] = transaction.mock.calls[0]!;
    expect(mode).toBe('readwrite');
    // meta too, for the mark the wipe leaves until storage.local is emptied.
    expect([...(stores as string[])].sort()).toEqual(Array.from(db.objectStoreNames).sort());
  });

  it('forgets the settings kept in memory', async () => {
    const db = await freshDb();
    await fillLibrary(db);
    expect((await getSettings(db)).recordPrivateWindows).toBe(true);
    await wipeDatabase(db);
    expect(await getSettings(db)).toEqual(SETTING_DEFAULTS);
  });
});

describe('the data/wipe request', () => {
  it('deletes everything the background keeps, and open tabs get an empty rules mirror', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    await bg.send({ type: 'settings/set', values: { rulesPaused: false } });
    await takeSnapshot(db, 'daily', T0, '0.1.0');
    expect((bg.mirror() as { rules: unknown[] }).rules).toHaveLength(1);
    // What a content script keeps there during a History import, and a transfer left behind.
    bg.local.set('historyImport:readings', { view: 'readings', nextPage: 3 });
    await bg.transfers.put('1714564800000-0f8fad5b-d9cb-469f-a165-70867728950e', '{"a backup": true}');

    expect(await bg.send({ type: 'data/wipe', confirm: true })).toEqual({ ok: true, value: null });

    expect(Object.entries(await storeCounts(db)).filter(([name, n]) => name !== 'meta' && n > 0)).toEqual([]);
    expect(await readBackupData(db)).toEqual({ works: [], reading: [], visits: [], saved: [], rules: [], settings: [], families: [] });
    expect(await listSnapshots(db)).toEqual([]);
    expect([...bg.local.keys()].sort()).toEqual([DISPLAY_PREFS_KEY, LISTING_CONFIG_KEY, NUMBERS_PREFS_KEY, STATE_FILTER_KEY].sort());
    // No work has a state any more: the filter says so of every one.
    expect(StateFilter.from(bg.local.get(STATE_FILTER_KEY))?.count).toBe(0);
    expect(bg.mirror()).toEqual(EMPTY_LISTING_CONFIG);
    expect(bg.local.get(NUMBERS_PREFS_KEY)).toEqual(DEFAULT_NUMBERS_PREFS);
    expect(bg.transfers.files.size).toBe(0);
    expect(await bg.send({ type: 'settings/get' })).toEqual({ ok: true, value: { settings: SETTING_DEFAULTS } });
  });

  it('needs confirm: true, and only the extension’s own pages may send it', async () => {
    const bg = testBackground();
    await fillLibrary(await bg.db());
    const before = await readBackupData(await bg.db());
    expect(await bg.send({ type: 'data/wipe' })).toEqual({ ok: false, error: 'invalid request: request.confirm: missing' });
    expect(await bg.send({ type: 'data/wipe', confirm: 'yes' })).toMatchObject({ ok: false, error: expect.stringContaining('needs confirm: true') });
    expect(await bg.send({ type: 'data/wipe', confirm: true }, archiveTab())).toMatchObject({ ok: false });
    expect(await readBackupData(await bg.db())).toEqual(before);
  });

  it('lets a daily backup under way finish first, so it never lands after the wipe', async () => {
    // A daily backup that has read the data and not yet written it (takeSnapshot reads and writes in two transactions).
    let underWay: Promise<void> | null = null;
    const dailySnapshots: DailySnapshots = {
      runIfDue: () =>
        (underWay ??= (async () => {
          const db = await bg.db();
          const data = await readBackupData(db);
          await new Promise((resolve) => setTimeout(resolve, 50));
          const id = await db.add('backups', { createdAt: T0, reason: 'daily', counts: countBackupData(data), chars: 2 } as BackupMeta);
          await db.put('backupFiles', '{}', id);
        })()),
    };
    const bg = testBackground({ dailySnapshots });
    await fillLibrary(await bg.db());
    // The first message of the day starts the daily backup once it has replied; the wipe follows at once.
    await bg.send({ type: 'rules/list' });
    await bg.send({ type: 'data/wipe', confirm: true });
    await underWay;
    expect(await listSnapshots(await bg.db())).toEqual([]);
  });
});

describe('the options page’s side', () => {
  it('takes a copy that names the counts, deletes, and Undo brings back the same data', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    const before = await readBackupData(db);
    const options = { send: bg.sendAs(optionsPage), transfers: bg.transfers };

    expect((await copyAllData(options)).counts).toEqual({ works: 31, reading: 13, visits: 13, saved: 2, rules: 1, settings: 1 });
    const copy = await eraseAllData(options);
    expect(copy.counts).toEqual({ works: 31, reading: 13, visits: 13, saved: 2, rules: 1, settings: 1 });
    expect(await readBackupData(db)).toEqual({ works: [], reading: [], visits: [], saved: [], rules: [], settings: [], families: [] });

    const summary = await putDataBack(copy, options);
    expect(summary).toMatchObject({ mode: 'replace', received: copy.counts, undoBackupId: null });
    expect(await readBackupData(db)).toEqual(before);
    expect(bg.transfers.files.size).toBe(0);
  });

  it('deletes nothing when the copy cannot be taken', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    const before = await readBackupData(db);
    const send = bg.sendAs(optionsPage);
    const exportFails: SendRequest = (request) => (request.type === 'backup/export' ? Promise.resolve({ ok: false, error: 'the background did not answer' }) : send(request));
    await expect(eraseAllData({ send: exportFails, transfers: bg.transfers })).rejects.toThrow('the background did not answer');
    expect(await readBackupData(db)).toEqual(before);
  });
});
