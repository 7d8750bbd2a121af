/**
 * The options page's side of export and import. A file to import is checked
 * here first (the reader's confirmation and its size before reading it, then
 * the whole file, strictly UTF-8, with the same parser the background uses),
 * then handed over through the transfer area as it is.
 */
import type { ImportMode } from '../db/data-transfer';
import { t } from '../i18n';
import { request, type SendRequest } from '../messaging/client';
import { MAX_BACKUP_BYTES } from './format';
import { checkBackupSize, parseBackupText } from './parse';
import type { ImportSummary } from './restore';
import { cacheTransferArea, newTransferId, type TransferArea } from './transfer-area';
import { NotUtf8Error, readUtf8 } from '../utf8';

export class ImportRefused extends Error {}

export interface TransferOptions {
  send: SendRequest;
  transfers?: TransferArea;
}

export interface ImportOptions extends TransferOptions {
  /** Required for `replace`: the reader confirmed replacing everything. */
  confirmReplace?: boolean;
  maxBytes?: number;
  /** Called as the file is read, with the fraction read so far. */
  onProgress?(fraction: number): void;
}

export async function importBackupFile(file: Blob, mode: ImportMode, options: ImportOptions): Promise<ImportSummary> {
  const { send, transfers = cacheTransferArea(), confirmReplace = false, maxBytes = MAX_BACKUP_BYTES, onProgress } = options;
  if (mode === 'replace' && !confirmReplace) throw new ImportRefused(t('importReplaceNotConfirmed'));
  const tooBig = checkBackupSize(file.size, maxBytes);
  if (tooBig) throw new ImportRefused(tooBig);
  let text: string;
  try {
    text = await readUtf8(file, onProgress);
  } catch (error) {
    throw error instanceof NotUtf8Error ? new ImportRefused(error.message) : error;
  }
  const parsed = parseBackupText(text, { maxBytes });
  if (!parsed.ok) throw new ImportRefused(parsed.error);

  const transferId = newTransferId();
  await transfers.put(transferId, file);
  try {
    return (await request({ type: 'backup/import', transferId, mode, confirmReplace }, send)).summary;
  } finally {
    // The background removes it too; this covers a background that never answered.
    await transfers.remove(transferId);
  }
}

/** The whole backup file and its suggested name, ready to download. */
export async function exportBackup(options: TransferOptions): Promise<{ file: Blob; fileName: string }> {
  const { send, transfers = cacheTransferArea() } = options;
  const { transferId, fileName } = await request({ type: 'backup/export' }, send);
  try {
    const file = await transfers.get(transferId);
    if (!file) throw new Error(t('exportMissing'));
    return { file, fileName };
  } finally {
    await transfers.remove(transferId);
  }
}
