/**
 * The options page's side of "Delete all my data". Right before the wipe it
 * takes the whole export in memory, checked with the parser an import uses
 * (a copy that could not be imported back is no Undo, so nothing is deleted
 * then); Undo imports that copy in replace mode. The automatic backups go
 * with the wipe, so this copy is the only way back.
 */
import { countBackupData } from '../db/data-transfer';
import type { StoreCounts } from '../db/types';
import { request } from '../messaging/client';
import { exportBackup, importBackupFile, type TransferOptions } from './client';
import { parseBackupText } from './parse';
import type { ImportSummary } from './restore';

/** Everything as a backup file's text, and what it holds. */
export interface DataCopy {
  text: string;
  counts: StoreCounts;
}

export async function copyAllData(options: TransferOptions): Promise<DataCopy> {
  const { file } = await exportBackup(options);
  const text = await file.text();
  const parsed = parseBackupText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { text, counts: countBackupData(parsed.file.data) };
}

/** Takes the copy, then deletes everything; returns the copy, for Undo. */
export async function eraseAllData(options: TransferOptions): Promise<DataCopy> {
  const copy = await copyAllData(options);
  await request({ type: 'data/wipe', confirm: true }, options.send);
  return copy;
}

/** Undo: the copy replaces whatever is there now. */
export function putDataBack(copy: DataCopy, options: TransferOptions): Promise<ImportSummary> {
  return importBackupFile(new Blob([copy.text], { type: 'application/json' }), 'replace', { ...options, confirmReplace: true });
}
