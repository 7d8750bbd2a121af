/**
 * Automatic backups kept inside the extension: a snapshot on the first use of
 * each day and before every import or restore, the newest seven kept.
 */
import { countBackupData, isEmpty, readBackupData } from '../db/data-transfer';
import { LATEST_VERSION } from '../db/migrations';
import type { ShelfmarkDb } from '../db/schema';
import { inTransaction, RequestGroup } from '../db/transaction';
import type { BackupMeta, BackupReason, Millis } from '../db/types';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from './format';

export const KEEP_BACKUPS = 7;
const LAST_DAILY_KEY = 'lastDailySnapshot';

/** Takes a snapshot of the reader's data; null when there is no data to keep. */
export async function takeSnapshot(db: ShelfmarkDb, reason: BackupReason, now: Millis, extensionVersion: string): Promise<BackupMeta | null> {
  const data = await readBackupData(db);
  const counts = countBackupData(data);
  if (isEmpty(counts)) return null;
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    schemaVersion: LATEST_VERSION,
    extensionVersion,
    data,
  };
  const text = JSON.stringify(file);
  return inTransaction(db, ['backups', 'backupFiles'], 'readwrite', async (tx) => {
    const backups = tx.objectStore('backups');
    const files = tx.objectStore('backupFiles');
    const id = await backups.add({ createdAt: now, reason, counts, chars: text.length } as BackupMeta);
    const meta: BackupMeta = { id, createdAt: now, reason, counts, chars: text.length };
    const writes = new RequestGroup();
    writes.add(backups.put(meta));
    writes.add(files.put(text, id));
    const ids = await backups.getAllKeys();
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP_BACKUPS))) {
      writes.add(backups.delete(old));
      writes.add(files.delete(old));
    }
    await writes.done();
    return meta;
  });
}

/** Newest first. */
export async function listSnapshots(db: ShelfmarkDb): Promise<BackupMeta[]> {
  return (await db.getAll('backups')).reverse();
}

export async function readSnapshotText(db: ShelfmarkDb, id: number): Promise<string | undefined> {
  return db.get('backupFiles', id);
}

/** The reader's local calendar day, the unit of "once a day". */
export function localDay(time: Millis): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface DailySnapshots {
  /** Takes today's snapshot unless one was taken (or nothing needed keeping) today. Never rejects. */
  runIfDue(): Promise<void>;
}

/**
 * Daily snapshots on first use instead of alarms (no extra permission). The
 * day is remembered in the meta store, so a restarted worker doesn't repeat it.
 */
export function createDailySnapshots(getDb: () => Promise<ShelfmarkDb>, now: () => Millis, extensionVersion: string): DailySnapshots {
  let doneFor: string | null = null;
  let running: Promise<void> | null = null;
  const run = async (day: string): Promise<void> => {
    const db = await getDb();
    const last = await db.get('meta', LAST_DAILY_KEY);
    if (last?.value !== day) {
      await takeSnapshot(db, 'daily', now(), extensionVersion);
      await db.put('meta', { key: LAST_DAILY_KEY, value: day });
    }
  };
  return {
    runIfDue() {
      const day = localDay(now());
      if (doneFor === day) return Promise.resolve();
      running ??= run(day)
        .catch((error: unknown) => console.warn('Shelfmark: the daily backup failed; retrying tomorrow.', error))
        .finally(() => {
          // Failed or not, today is settled: retrying on every message would repeat a failing export.
          doneFor = day;
          running = null;
        });
      return running;
    },
  };
}
