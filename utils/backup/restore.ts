/** Writing a backup into the database: file imports and restores of automatic backups. */
import { type ImportMode, writeBackupData, type WriteSummary } from '../db/data-transfer';
import type { ShelfmarkDb } from '../db/schema';
import type { BackupReason, Millis } from '../db/types';
import { t } from '../i18n';
import { parseBackupText, type ParseOptions } from './parse';
import { readSnapshotText, takeSnapshot } from './snapshots';

export interface ImportSummary extends WriteSummary {
  /** The automatic backup taken just before, to undo this; null when there was nothing to keep. */
  undoBackupId: number | null;
  /** The file's format version when it was upgraded on the way in. */
  upgradedFrom: number | null;
}

interface WriteContext {
  now: Millis;
  extensionVersion: string;
}

async function writeParsed(
  db: ShelfmarkDb,
  text: string,
  mode: ImportMode,
  reason: BackupReason,
  context: WriteContext,
  parseOptions: ParseOptions,
): Promise<ImportSummary> {
  const parsed = parseBackupText(text, parseOptions);
  if (!parsed.ok) throw new Error(parsed.error);
  // Validated in full before anything is written; the snapshot makes the write undoable.
  const undo = await takeSnapshot(db, reason, context.now, context.extensionVersion);
  const summary = await writeBackupData(db, parsed.file.data, mode);
  return { ...summary, undoBackupId: undo?.id ?? null, upgradedFrom: parsed.upgradedFrom };
}

export function importBackupText(
  db: ShelfmarkDb,
  text: string,
  mode: ImportMode,
  context: WriteContext,
  parseOptions: ParseOptions = {},
): Promise<ImportSummary> {
  return writeParsed(db, text, mode, 'before-import', context, parseOptions);
}

/** Replaces the data with an automatic backup, after taking a snapshot of the current data. */
export async function restoreSnapshot(db: ShelfmarkDb, id: number, context: WriteContext): Promise<ImportSummary> {
  const text = await readSnapshotText(db, id);
  if (text === undefined) throw new Error(t('noSuchBackup', String(id)));
  // Our own snapshots may exceed the file size limit on a very large library; they are still ours to restore.
  return writeParsed(db, text, 'replace', 'before-restore', context, { maxBytes: Number.POSITIVE_INFINITY });
}
