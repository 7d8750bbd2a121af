/** The backup file format (docs/backup-format.md, docs/backup.schema.json). */
import { array, type Check, int, object, oneOf, str } from '../db/check';
import { checkReadingRecord, checkSavedRecord, checkVisitEntry, checkWorkRecord, time } from '../db/record-checks';
import { checkRuleRecord } from '../db/rule-checks';
import { checkSettingRecord } from '../db/settings';
import { checkTagFamily } from '../db/tag-family-checks';
import type { BackupData, Millis } from '../db/types';

export const BACKUP_FORMAT = 'shelfmark-backup';
/** 2: `data.families` (the tag families learned from the archive) added. */
export const BACKUP_FORMAT_VERSION = 2;
/** 200 MB (decimal megabytes, as file managers show sizes). */
export const MAX_BACKUP_BYTES = 200_000_000;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  exportedAt: Millis;
  /** The database version the data came from (informational: the format version governs the shape). */
  schemaVersion: number;
  extensionVersion: string;
  data: BackupData;
}

export const checkBackupFile: Check<BackupFile> = object<BackupFile>({
  format: oneOf(BACKUP_FORMAT),
  formatVersion: oneOf(BACKUP_FORMAT_VERSION),
  exportedAt: time,
  schemaVersion: int({ min: 1 }),
  extensionVersion: str({ max: 100 }),
  data: object<BackupData>({
    works: array(checkWorkRecord),
    reading: array(checkReadingRecord),
    visits: array(checkVisitEntry),
    saved: array(checkSavedRecord),
    rules: array(checkRuleRecord),
    settings: array(checkSettingRecord),
    families: array(checkTagFamily),
  }),
});

export function backupFileName(exportedAt: Millis): string {
  return `shelfmark-backup-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}
