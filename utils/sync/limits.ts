/**
 * The browsers' limits on `storage.sync`, in one place. Chrome and Edge
 * (chrome.storage.sync's QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS,
 * MAX_WRITE_OPERATIONS_PER_MINUTE, MAX_WRITE_OPERATIONS_PER_HOUR) and Firefox
 * desktop (MDN "storage.sync", "Storage quotas for sync data"; Mozilla's
 * webext_storage crate: SYNC_QUOTA_BYTES 102,400, SYNC_QUOTA_BYTES_PER_ITEM
 * 8,192, SYNC_MAX_ITEMS 512) give the same sizes. Firefox documents no write
 * rate; Chrome's is kept for both. Sizes are measured as the browsers do: an
 * item is its key's length plus its value's JSON text.
 *
 * Firefox for Android keeps a sync area but never syncs it (Mozilla bug 1625257).
 */
export const SYNC_LIMITS = {
  quotaBytes: 102_400,
  quotaBytesPerItem: 8_192,
  maxItems: 512,
  maxWritesPerMinute: 120,
  maxWritesPerHour: 1_800,
} as const;

/**
 * What Shelfmark allows itself, below the browsers' limits: room for the manifest item and
 * a margin for a browser that counts a byte or two differently, and half the write rate, so
 * the reader's other tools (or a second Shelfmark window) never push the extension over.
 */
export const SYNC_BUDGET = {
  /** Every item together: manifest and chunks. */
  totalBytes: 100_000,
  /** One chunk item, key included. */
  itemBytes: 8_000,
  writesPerMinute: 60,
  writesPerHour: 900,
} as const;

/** Deletions (rules, saved entries) and "mark unread" changes are carried this long, then forgotten. */
export const TOMBSTONE_DAYS = 90;
export const TOMBSTONE_MS = TOMBSTONE_DAYS * 24 * 60 * 60 * 1000;

/** The byte size of one item as the browsers count it: the key's length and the value's JSON text (UTF-8). */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

export function itemsBytes(items: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
