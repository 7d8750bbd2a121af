/**
 * The options page's side of export and import: the file is checked here
 * first (size before reading, then the whole file with the same parser the
 * background uses), then sent in chunks and committed in one step.
 */
import type { ImportMode } from '../db/data-transfer';
import { request, type SendRequest } from '../messaging/client';
import { checkBackupSize, parseBackupText } from './parse';
import type { ImportSummary } from './restore';
import { splitIntoChunks, TRANSFER_CHUNK_CHARS } from './transfer-sessions';
import { MAX_BACKUP_BYTES } from './format';

export class ImportRefused extends Error {}

export interface ImportOptions {
  send: SendRequest;
  /** Required for `replace`: the reader confirmed replacing everything. */
  confirmReplace?: boolean;
  maxBytes?: number;
  chunkChars?: number;
}

export async function importBackupFile(file: Blob, mode: ImportMode, options: ImportOptions): Promise<ImportSummary> {
  const { send, confirmReplace = false, maxBytes = MAX_BACKUP_BYTES, chunkChars = TRANSFER_CHUNK_CHARS } = options;
  const tooBig = checkBackupSize(file.size, maxBytes);
  if (tooBig) throw new ImportRefused(tooBig);
  const text = await file.text();
  const parsed = parseBackupText(text, { maxBytes });
  if (!parsed.ok) throw new ImportRefused(parsed.error);

  const { importId } = await request({ type: 'backup/import-begin', mode, bytes: file.size, confirmReplace }, send);
  try {
    const chunks = splitIntoChunks(text, chunkChars);
    for (let index = 0; index < chunks.length; index++) {
      await request({ type: 'backup/import-chunk', importId, index, text: chunks[index]! }, send);
    }
  } catch (error) {
    await send({ type: 'backup/import-abort', importId }).catch(() => undefined);
    throw error;
  }
  return (await request({ type: 'backup/import-commit', importId }, send)).summary;
}

/** The whole backup file's text and its suggested name. */
export async function exportBackup(send: SendRequest): Promise<{ text: string; fileName: string }> {
  const { exportId, chunks, fileName } = await request({ type: 'backup/export' }, send);
  const parts: string[] = [];
  for (let index = 0; index < chunks; index++) {
    parts.push((await request({ type: 'backup/export-chunk', exportId, index }, send)).text);
  }
  return { text: parts.join(''), fileName };
}
