/**
 * The sync document in the browser's sync area: its JSON compressed
 * (deflate-raw), in base64, cut into chunk items `c0`, `c1`… each under the
 * per-item limit, and one manifest item `m` naming the format, the
 * generation, the number of chunks, the compressed length and a checksum.
 * Every chunk starts with its generation, so a reader that meets chunks of
 * two writes (the browser delivers items one by one) sees a partial set and
 * waits, rather than reading half of one write and half of another.
 */
import { SYNC_BUDGET, itemBytes } from './limits';
import { checkSyncDoc } from './doc-checks';
import { SYNC_FORMAT, type DeviceId, type SyncDoc } from './doc';

export const MANIFEST_KEY = 'm';
export const CHUNK_PREFIX = 'c';
export const chunkKey = (index: number): string => `${CHUNK_PREFIX}${index}`;

/** Whether an item key is one of Shelfmark's (the manifest or a chunk). */
export const isSyncKey = (key: string): boolean => key === MANIFEST_KEY || /^c[0-9]{1,4}$/.test(key);

export interface Manifest {
  /** The document's format (doc.ts: SYNC_FORMAT). */
  f: number;
  /** The generation: a new id for every write. */
  g: string;
  /** Chunks. */
  n: number;
  /** Compressed bytes. */
  b: number;
  /** FNV-1a checksum of the compressed bytes. */
  h: number;
  /** The device that wrote it, and when. */
  d: DeviceId;
  t: number;
}

export interface Encoded {
  items: Record<string, unknown>;
  manifest: Manifest;
  /** Every item's size together, as the browser counts it. */
  bytes: number;
}

export type Decoded =
  | { state: 'ok'; doc: SyncDoc; manifest: Manifest }
  /** Nothing of Shelfmark's in the area. */
  | { state: 'empty' }
  /** Chunks missing or of another generation: a write still arriving. */
  | { state: 'partial' }
  /** Written by a newer Shelfmark, in a format this one cannot read. */
  | { state: 'newer'; format: number }
  | { state: 'corrupt'; problem: string };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array);
  }
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export const deflate = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new CompressionStream('deflate-raw'));
export const inflate = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new DecompressionStream('deflate-raw'));

export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function newGeneration(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** The compressed document, before it is cut into items (the size the fitting in fit.ts measures). */
export async function compressDoc(doc: SyncDoc | string): Promise<Uint8Array> {
  return deflate(new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc)));
}

/** The base64 characters one chunk item holds: the item budget less its key, the quotes, the generation and its dot. */
export function chunkCapacity(generation: string): number {
  const overhead = itemBytes(chunkKey(999), `${generation}.`);
  return Math.floor((SYNC_BUDGET.itemBytes - overhead) / 4) * 4;
}

/** The items for a compressed document. */
export function itemsFor(compressed: Uint8Array, device: DeviceId, at: number, generation = newGeneration()): Encoded {
  const text = toBase64(compressed);
  const capacity = chunkCapacity(generation);
  const items: Record<string, unknown> = {};
  let n = 0;
  for (let offset = 0; offset < text.length || n === 0; offset += capacity) items[chunkKey(n++)] = `${generation}.${text.slice(offset, offset + capacity)}`;
  const manifest: Manifest = { f: SYNC_FORMAT, g: generation, n, b: compressed.length, h: fnv1a(compressed), d: device, t: at };
  items[MANIFEST_KEY] = manifest;
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { items, manifest, bytes };
}

export async function encodeDoc(doc: SyncDoc, device: DeviceId, at: number, generation?: string): Promise<Encoded> {
  return itemsFor(await compressDoc(doc), device, at, generation);
}

function readManifest(value: unknown): Manifest | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the manifest is not an object';
  const m = value as Record<string, unknown>;
  const isInt = (v: unknown, min = 0) => Number.isSafeInteger(v) && (v as number) >= min;
  if (!isInt(m.f, 1)) return 'the manifest has no format';
  if (typeof m.g !== 'string' || !/^[0-9a-z]{1,40}$/.test(m.g)) return 'the manifest has no generation';
  if (!isInt(m.n, 1) || (m.n as number) > 511) return 'the manifest has no chunk count';
  if (!isInt(m.b) || !isInt(m.h) || !isInt(m.t)) return 'the manifest lacks its sizes';
  if (typeof m.d !== 'string' || m.d.length === 0 || m.d.length > 40) return 'the manifest names no device';
  return m as unknown as Manifest;
}

/** Reads the area's items (all of them, or at least Shelfmark's) back into a document, or says why not. */
export async function decodeItems(items: Record<string, unknown>): Promise<Decoded> {
  const raw = items[MANIFEST_KEY];
  if (raw === undefined) {
    // Chunks without a manifest: the first write still arriving (the manifest is written with them, but may be delivered last).
    return Object.keys(items).some(isSyncKey) ? { state: 'partial' } : { state: 'empty' };
  }
  if (typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as { f?: unknown }).f) && (raw as { f: number }).f > SYNC_FORMAT) {
    return { state: 'newer', format: (raw as { f: number }).f };
  }
  const manifest = readManifest(raw);
  if (typeof manifest === 'string') return { state: 'corrupt', problem: manifest };
  let text = '';
  for (let i = 0; i < manifest.n; i++) {
    const chunk = items[chunkKey(i)];
    if (typeof chunk !== 'string') return { state: 'partial' };
    const dot = chunk.indexOf('.');
    if (chunk.slice(0, dot) !== manifest.g) return { state: 'partial' };
    text += chunk.slice(dot + 1);
  }
  let compressed: Uint8Array;
  try {
    compressed = fromBase64(text);
  } catch {
    return { state: 'corrupt', problem: 'a chunk is not base64' };
  }
  if (compressed.length !== manifest.b || fnv1a(compressed) !== manifest.h) return { state: 'corrupt', problem: 'the checksum does not match' };
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await inflate(compressed)));
  } catch {
    return { state: 'corrupt', problem: 'the data does not decompress to JSON' };
  }
  const problem = checkSyncDoc(doc, 'sync');
  if (problem) return { state: 'corrupt', problem };
  return { state: 'ok', doc: doc as SyncDoc, manifest };
}
