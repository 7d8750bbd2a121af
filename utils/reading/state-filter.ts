/**
 * Which works may have a reader state (a visit, a chapter read, a Saved
 * entry), as a Bloom filter the background keeps in `storage.local` and
 * content scripts read at document_start with the rules. A work the filter
 * says no to has no state, so a reading rule ("hide works I opened") cannot
 * match it: the listing judges and paints it while the page is parsed
 * instead of holding it for the background's answer. A yes may be wrong (about
 * one work in a hundred, or a state since deleted): that work only waits, as
 * every work did before.
 *
 * Stored as text, six bits per base64 digit, and read in place: a page tests
 * a few digits per work without decoding a filter of a reader's 100,000 works.
 */

export const STATE_FILTER_KEY = 'stateFilter';

/** The stored form. */
export interface StoredStateFilter {
  /** Bits, six per digit of the base64 alphabet, the first bit the digit's highest. */
  bits: string;
  /** Probes per work. */
  probes: number;
  /** Works added: when it passes `capacity`, the background builds a larger filter from the database. */
  count: number;
  capacity: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT_OF[ALPHABET.charCodeAt(i)] = i;

/** One wrong yes in a hundred at capacity: 9.6 bits and 7 probes per work. */
const BITS_PER_WORK = 9.6;
const PROBES = 7;
/** The smallest filter: a new reader's first works need no rebuild. */
const MIN_CAPACITY = 1_000;

/** The 32-bit mix of MurmurHash3's finaliser. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The bits a work id sets, out of `size`: double hashing of two independent hashes of the id (an integer below 2^53). */
function probedBits(workId: number, probes: number, size: number): number[] {
  const low = workId >>> 0;
  const high = Math.floor(workId / 0x1_0000_0000) >>> 0;
  const a = mix(low ^ mix(high + 0x9e3779b9));
  // Odd, so the probes reach different bits in a filter of any size.
  const b = (mix(a ^ 0x5bd1e995 ^ low) | 1) >>> 0;
  const bits: number[] = [];
  for (let i = 0; i < probes; i++) bits.push((a + i * b) % size);
  return bits;
}

export class StateFilter {
  private constructor(
    /** Six bits per entry. */
    private readonly digits: Uint8Array,
    readonly probes: number,
    private added: number,
    readonly capacity: number,
  ) {}

  /** An empty filter for `works` works at least, with room to grow. */
  static forWorks(works: number): StateFilter {
    const capacity = Math.max(MIN_CAPACITY, Math.ceil(works * 1.5));
    return new StateFilter(new Uint8Array(Math.ceil((capacity * BITS_PER_WORK) / 6)), PROBES, 0, capacity);
  }

  /** The stored filter, or null when it is missing or not of this shape. */
  static from(value: unknown): StateFilter | null {
    const stored = readStored(value);
    if (!stored) return null;
    const digits = new Uint8Array(stored.bits.length);
    for (let i = 0; i < digits.length; i++) digits[i] = DIGIT_OF[stored.bits.charCodeAt(i)]!;
    return new StateFilter(digits, stored.probes, stored.count, stored.capacity);
  }

  get count(): number {
    return this.added;
  }

  /** Whether the filter has room for `more` works and stays within its rate of wrong yeses. */
  hasRoomFor(more: number): boolean {
    return this.added + more <= this.capacity;
  }

  add(workId: number): void {
    for (const bit of probedBits(workId, this.probes, this.digits.length * 6)) this.digits[(bit / 6) | 0]! |= 32 >> bit % 6;
    this.added++;
  }

  mayContain(workId: number): boolean {
    return probedBits(workId, this.probes, this.digits.length * 6).every((bit) => (this.digits[(bit / 6) | 0]! & (32 >> bit % 6)) !== 0);
  }

  toStored(): StoredStateFilter {
    let bits = '';
    for (const digit of this.digits) bits += ALPHABET[digit];
    return { bits, probes: this.probes, count: this.added, capacity: this.capacity };
  }
}

/** The check content scripts run per work, on the stored text itself. */
export type MayHaveState = (workId: number) => boolean;

/**
 * A test on the stored filter. Missing or unreadable, every work may have a
 * state (the listing then waits for the background, as it safely can).
 */
export function mayHaveStateFrom(value: unknown): MayHaveState {
  const stored = readStored(value);
  if (!stored) return () => true;
  const { bits, probes } = stored;
  const size = bits.length * 6;
  return (workId) => probedBits(workId, probes, size).every((bit) => (DIGIT_OF[bits.charCodeAt((bit / 6) | 0)]! & (32 >> bit % 6)) !== 0);
}

function readStored(value: unknown): StoredStateFilter | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bits, probes, count, capacity } = value as Partial<StoredStateFilter>;
  if (typeof bits !== 'string' || bits.length === 0 || !/^[A-Za-z0-9+/]*$/.test(bits)) return null;
  if (!Number.isInteger(probes) || probes! < 1 || probes! > 32) return null;
  if (!Number.isInteger(count) || count! < 0 || !Number.isInteger(capacity) || capacity! < 1) return null;
  return { bits, probes: probes!, count: count!, capacity: capacity! };
}
