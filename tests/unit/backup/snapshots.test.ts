import { describe, expect, it } from 'vitest';
import { createDailySnapshots, KEEP_BACKUPS, listSnapshots, takeSnapshot } from '../../../utils/backup/snapshots';
import { readBackupData } from '../../../utils/db/data-transfer';
import { recordVisit } from '../../../utils/db/tracking';
import { createDbConnection } from '../../../utils/db/open';
import { DAY, freshDb, T0, uniqueDbName, work } from '../db/fixtures';
import { testBackground } from '../messaging/background';
import { fillLibrary } from './files';

describe('automatic backups', () => {
  it('takes nothing when there is nothing to keep', async () => {
    const db = await freshDb();
    expect(await takeSnapshot(db, 'daily', T0, '0.1.0')).toBeNull();
    expect(await db.count('backups')).toBe(0);
  });

  it('keeps the newest seven', async () => {
    const db = await freshDb();
    await fillLibrary(db);
    for (let i = 0; i < 10; i++) await takeSnapshot(db, 'daily', T0 + i * DAY, '0.1.0');
    const list = await listSnapshots(db);
    expect(list).toHaveLength(KEEP_BACKUPS);
    expect(list.map((b) => b.createdAt)).toEqual(Array.from({ length: 7 }, (_, i) => T0 + (9 - i) * DAY));
    expect((await db.getAllKeys('backupFiles')).sort()).toEqual(list.map((b) => b.id).sort());
    expect(list[0]?.counts).toMatchObject({ works: 31, saved: 2, rules: 1, settings: 1 });
  });

  it('snapshots once a day on first use, remembering the day across worker restarts', async () => {
    const name = uniqueDbName();
    const clock = { now: T0 };
    const connection = createDbConnection({ name });
    const db = await connection.get();
    await fillLibrary(db);
    const daily = createDailySnapshots(() => connection.get(), () => clock.now, '0.1.0');
    await Promise.all([daily.runIfDue(), daily.runIfDue(), daily.runIfDue()]);
    await daily.runIfDue();
    expect(await db.count('backups')).toBe(1);
    // A restarted worker (fresh in-memory state) on the same day takes none.
    await createDailySnapshots(() => connection.get(), () => clock.now, '0.1.0').runIfDue();
    expect(await db.count('backups')).toBe(1);
    clock.now += DAY;
    await daily.runIfDue();
    expect(await db.count('backups')).toBe(2);
  });

  it('are listed and restored by message; a restore is undoable', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    const first = await takeSnapshot(db, 'daily', T0, '0.1.0');
    const atSnapshot = await readBackupData(db);
    await recordVisit(db, work({ workId: 42, title: 'Read after the backup' }), null, T0 + DAY);
    const beforeRestore = await readBackupData(db);

    expect(await bg.send({ type: 'backups/list' })).toMatchObject({ ok: true, value: { backups: [{ id: first!.id, reason: 'daily' }] } });
    expect(await bg.send({ type: 'backups/restore', id: first!.id })).toMatchObject({ ok: false, error: expect.stringContaining('confirm') });
    const restored = await bg.send({ type: 'backups/restore', id: first!.id, confirm: true });
    expect(restored).toMatchObject({ ok: true, value: { summary: { mode: 'replace' } } });
    expect(await readBackupData(db)).toEqual(atSnapshot);

    const undoId = (restored as { value: { summary: { undoBackupId: number } } }).value.summary.undoBackupId;
    expect((await listSnapshots(db))[0]).toMatchObject({ id: undoId, reason: 'before-restore' });
    await bg.send({ type: 'backups/restore', id: undoId, confirm: true });
    expect(await readBackupData(db)).toEqual(beforeRestore);
    expect(await bg.send({ type: 'backups/restore', id: 999, confirm: true })).toEqual({ ok: false, error: 'There is no automatic backup 999.' });
  });

  it('the router runs the daily snapshot after replying', async () => {
    let runs = 0;
    const bg = testBackground({ dailySnapshots: { runIfDue: async () => void runs++ } });
    await bg.send({ type: 'settings/get' });
    expect(runs).toBe(1);
  });
});
