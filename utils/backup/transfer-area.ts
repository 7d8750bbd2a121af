/**
 * How backup files travel between the options page and the background
 * without going through runtime messages (Chrome caps a message at 64 MiB,
 * and serialising 100+ MB through messages costs seconds): both put the file
 * in the extension origin's Cache Storage under a one-time id and send only
 * the id. Content scripts can't reach it: their Cache Storage is the page's.
 */

export interface TransferArea {
  put(id: string, body: Blob | string): Promise<void>;
  /** The file, or null when there is none under this id. */
  get(id: string): Promise<Blob | null>;
  remove(id: string): Promise<void>;
  ids(): Promise<string[]>;
}

export const TRANSFER_CACHE = 'shelfmark-transfers';
// Cache Storage keys must be http(s) URLs; `.invalid` is a reserved name, so this is never fetched.
export const TRANSFER_KEY_PREFIX = 'https://transfer.shelfmark.invalid/';
const STALE_AFTER_MS = 15 * 60 * 1000;

export const TRANSFER_ID_PATTERN = /^\d{13}-[0-9a-f-]{36}$/;

/** A one-time id that carries its creation time, so abandoned transfers can be swept. */
export function newTransferId(now: number = Date.now()): string {
  return `${now}-${crypto.randomUUID()}`;
}

export function cacheTransferArea(storage: CacheStorage = caches): TransferArea {
  const open = () => storage.open(TRANSFER_CACHE);
  return {
    async put(id, body) {
      // A Blob body goes to the cache as a whole; a string body would be streamed into it piece by
      // piece, which for a 100+ MB export costs seconds more than making the Blob first.
      await (await open()).put(TRANSFER_KEY_PREFIX + id, new Response(typeof body === 'string' ? new Blob([body]) : body));
    },
    async get(id) {
      const response = await (await open()).match(TRANSFER_KEY_PREFIX + id);
      return response ? response.blob() : null;
    },
    async remove(id) {
      await (await open()).delete(TRANSFER_KEY_PREFIX + id);
    },
    async ids() {
      return (await (await open()).keys()).map((request) => request.url.slice(TRANSFER_KEY_PREFIX.length));
    },
  };
}

/** Removes transfers older than a quarter of an hour: ones whose page or worker went away half way. */
export async function sweepStaleTransfers(area: TransferArea, now: number): Promise<void> {
  const stale = (await area.ids()).filter((id) => now - Number(id.split('-', 1)[0]) > STALE_AFTER_MS);
  await Promise.all(stale.map((id) => area.remove(id)));
}

/** Removes every transfer, however recent: "Delete all my data" leaves no backup file behind. */
export async function clearTransfers(area: TransferArea): Promise<void> {
  await Promise.all((await area.ids()).map((id) => area.remove(id)));
}
