/**
 * Exporting and importing backups from an extension page the way the options
 * page does: the file travels through the transfer area (Cache Storage),
 * and only its id goes in the message.
 */
import type { Page } from 'playwright-core';
import type { BackupFile } from '../../utils/backup/format';
import type { ImportMode } from '../../utils/db/data-transfer';
import { TRANSFER_CACHE, TRANSFER_KEY_PREFIX } from '../../utils/backup/transfer-area';
import { requestFromPage } from './extension-messages';

const transfer = { cache: TRANSFER_CACHE, prefix: TRANSFER_KEY_PREFIX };

/** Every record, as `backup/export` writes it, taken from the transfer area. */
export async function exportBackup(page: Page): Promise<BackupFile> {
  const { transferId } = await requestFromPage(page, { type: 'backup/export' });
  const text = await page.evaluate(
    async ({ transferId, transfer }) => {
      const cache = await caches.open(transfer.cache);
      const response = await cache.match(transfer.prefix + transferId);
      await cache.delete(transfer.prefix + transferId);
      if (!response) throw new Error(`no exported file under ${transferId}`);
      return response.text();
    },
    { transferId, transfer },
  );
  return JSON.parse(text) as BackupFile;
}

/** Puts `text` in the transfer area and imports it with `backup/import`. */
export async function importBackup(page: Page, text: string, mode: ImportMode) {
  const transferId = `${Date.now()}-${crypto.randomUUID()}`;
  await page.evaluate(
    async ({ transferId, text, transfer }) => {
      await (await caches.open(transfer.cache)).put(transfer.prefix + transferId, new Response(new Blob([text])));
    },
    { transferId, text, transfer },
  );
  return requestFromPage(page, { type: 'backup/import', transferId, mode, confirmReplace: true });
}
