/**
 * Reading files the reader chooses (backups, reading lists, rules files) as
 * UTF-8, strictly: a file with bytes that are not UTF-8 is refused with the
 * offset of the first such byte, rather than read with U+FFFD in their place
 * (which would import mangled titles, tags and notes without a word).
 */
import { t } from './i18n';

export class NotUtf8Error extends Error {
  constructor(
    /** The first byte (counted from 0) that does not belong to well-formed UTF-8. */
    readonly offset: number,
    readonly byte: number,
  ) {
    super(t('fileNotUtf8', offset.toLocaleString(), byte.toString(16).toUpperCase().padStart(2, '0')));
    this.name = 'NotUtf8Error';
  }
}

/**
 * Where well-formed UTF-8 stops, or -1 when all of `bytes` is well-formed.
 * Bytes are checked as the Encoding Standard's decoder checks them (no
 * overlong forms, no surrogates, nothing above U+10FFFF); a sequence cut short
 * by a wrong byte or by the end is reported at its first byte, the one that
 * started what could not be finished. Only run once decoding has failed.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // How many continuation bytes follow, and the range allowed for the first one (the others are 0x80–0xBF).
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= count; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += count + 1;
  }
  return -1;
}

function notUtf8(bytes: Uint8Array): NotUtf8Error {
  const offset = firstInvalidUtf8Byte(bytes);
  // The decoder refused the bytes, so the scan finds the place; -1 would mean the two disagree.
  return new NotUtf8Error(Math.max(0, offset), bytes[Math.max(0, offset)] ?? 0);
}

/** `bytes` as text (a leading byte order mark dropped, as `Blob.text()` does); throws `NotUtf8Error`. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes);
  }
}

/**
 * A file's text, strictly UTF-8; throws `NotUtf8Error`. With `onProgress`, it
 * is read piece by piece and reports the fraction read (large backups take a
 * moment); without, in one piece, which is quicker.
 */
export async function readUtf8(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  if (!onProgress) return decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      onProgress(file.size ? read / file.size : 1);
    }
    parts.push(decoder.decode());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    await reader.cancel().catch(() => undefined);
    // The failing piece may continue a sequence begun in the one before: find the place in the whole file (this path only).
    throw notUtf8(new Uint8Array(await file.arrayBuffer()));
  }
  return parts.join('');
}
