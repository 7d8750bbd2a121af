/** Building the backup file from the database. */
import { readBackupData } from '../db/data-transfer';
import { LATEST_VERSION } from '../db/migrations';
import type { ShelfmarkDb } from '../db/schema';
import type { Millis } from '../db/types';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from './format';

export async function exportBackupFile(db: ShelfmarkDb, exportedAt: Millis, extensionVersion: string): Promise<BackupFile> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    schemaVersion: LATEST_VERSION,
    extensionVersion,
    data: await readBackupData(db),
  };
}

export async function exportBackupText(db: ShelfmarkDb, exportedAt: Millis, extensionVersion: string): Promise<string> {
  return JSON.stringify(await exportBackupFile(db, exportedAt, extensionVersion));
}
