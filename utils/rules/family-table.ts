/**
 * Tag families (tag-family.ts) in the form the content script reads: one
 * table, shared by every rule, from a tag's normalised name to the families
 * it belongs to — as the canonical tag or a synonym ("same meaning"), or as a
 * subtag or a subtag's synonym. Built by the background into the rules mirror
 * (listing-config.ts), read on every page load before the first blurb.
 *
 * A reader's rules may bring 50,000 names. Building a Map of them on each page
 * load would cost tens of milliseconds before the first blurb, and the names
 * themselves ~1.5 MB; so the table is built once, by the background, as an
 * open-addressing hash table packed in one string, and read where it lies:
 *
 * - each name is hashed (53 bits, `tagHash`): the low bits choose its first
 *   slot, 36 other bits are kept as its fingerprint (6 base64url characters);
 * - a slot is `SLOT_WIDTH + refWidth` characters: fingerprint, then the
 *   family's number × 2 + role (0: same meaning, 1: subtag), or `.`s when empty;
 * - a name in several families has one slot per family, found on the same
 *   probe run (linear probing, the table at most 70 % full).
 *
 * A lookup hashes the name and reads a few slots: no cost that grows with the
 * families' size, nothing built at load. Two different names share a
 * fingerprint on one probe run with odds of about 1 in 10^10 per lookup; such
 * a collision would match a tag the family does not hold, so the odds are
 * kept far below one false match in any reader's lifetime.
 */
import { normalizeTagText } from './normalize';
import type { TagFamily } from './tag-family';

/** A tag's place in a family. */
export const SAME_MEANING = 0;
export const SUBTAG = 1;

const FINGERPRINT_WIDTH = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const EMPTY = '.';
const MAX_LOAD = 0.7;
const CODES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** The families as the rules mirror holds them (JSON-safe). */
export interface FamilyMirror {
  /** The encoding's version: a content script ignores one it does not know. */
  v: 1;
  /** One per family: its canonical tag's name as the archive writes it. */
  canonicals: string[];
  /** Normalised names that rules use (a family's own name, its canonical) → their family's number. */
  keys: Record<string, number>;
  /** Characters per slot after the fingerprint. */
  refWidth: number;
  slots: number;
  /** `slots` slots of `FINGERPRINT_WIDTH + refWidth` characters. */
  table: string;
}

/**
 * Two 32-bit halves of a 53-bit string hash (the cyrb53 construction: two
 * multiplicative streams, cross-mixed at the end).
 */
export function tagHash(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** The fingerprint: 32 bits of one half and the top 4 of the other (the slot uses the low bits). */
function fingerprint(h1: number, h2: number): string {
  let out = '';
  let value = h2;
  for (let i = 0; i < 5; i++) {
    out += ALPHABET[value & 63];
    value = Math.floor(value / 64);
  }
  // 30 bits written; the last character takes h2's top 2 bits and h1's top 4.
  out += ALPHABET[(value & 3) | ((h1 >>> 28) << 2)];
  return out;
}

function encodeRef(ref: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[ref & 63] + out;
    ref = Math.floor(ref / 64);
  }
  return out;
}

/** Every name a family files under its canonical tag, by role, normalised and once each. */
function familyNames(family: TagFamily): { same: Set<string>; sub: Set<string> } {
  const same = new Set<string>();
  const sub = new Set<string>();
  const add = (set: Set<string>, name: string): void => {
    const text = normalizeTagText(name);
    if (text) set.add(text);
  };
  add(same, family.canonical);
  add(same, family.name);
  for (const synonym of family.synonyms) add(same, synonym);
  for (const subtag of family.subtags) {
    add(sub, subtag.name);
    for (const synonym of subtag.synonyms) add(sub, synonym);
  }
  return { same, sub };
}

/**
 * The mirror's form of `families`. Families with the same canonical tag (a
 * rule on Angst, another on "a shit ton of angst") are stored once, the most
 * recently learned. With `wanted`, only the families of those normalised names
 * are kept (the ones some rule uses): the store may hold families of rules
 * since deleted.
 */
export function buildFamilyMirror(families: readonly TagFamily[], wanted?: ReadonlySet<string>): FamilyMirror {
  const byCanonical = new Map<string, TagFamily>();
  for (const family of families) {
    const nameKey = normalizeTagText(family.name);
    const canonicalKey = normalizeTagText(family.canonical);
    if (!canonicalKey || (wanted && !wanted.has(nameKey) && !wanted.has(canonicalKey))) continue;
    const known = byCanonical.get(canonicalKey);
    if (!known || family.learnedAt > known.learnedAt) byCanonical.set(canonicalKey, family);
  }
  const chosen = [...byCanonical.values()];
  const keys: Record<string, number> = {};
  const canonicals: string[] = [];
  const entries: Array<{ text: string; ref: number }> = [];
  chosen.forEach((family, index) => {
    canonicals.push(family.canonical);
    const { same, sub } = familyNames(family);
    for (const text of same) entries.push({ text, ref: index * 2 + SAME_MEANING });
    for (const text of sub) entries.push({ text, ref: index * 2 + SUBTAG });
  });
  // Every family answers to its canonical; a family's own name wins over another's canonical.
  chosen.forEach((family, index) => {
    keys[normalizeTagText(family.canonical)] ??= index;
  });
  for (const family of families) {
    const nameKey = normalizeTagText(family.name);
    const index = chosen.findIndex((c) => normalizeTagText(c.canonical) === normalizeTagText(family.canonical));
    if (index >= 0 && nameKey) keys[nameKey] = index;
  }

  let refWidth = 1;
  while (64 ** refWidth <= chosen.length * 2) refWidth++;
  const width = FINGERPRINT_WIDTH + refWidth;
  const slots = Math.max(8, Math.ceil(entries.length / MAX_LOAD));
  const table: string[] = new Array<string>(slots).fill(EMPTY.repeat(width));
  for (const { text, ref } of entries) {
    const [h1, h2] = tagHash(text);
    let slot = h1 % slots;
    while (table[slot]![0] !== EMPTY) slot = slot + 1 === slots ? 0 : slot + 1;
    table[slot] = fingerprint(h1, h2) + encodeRef(ref, refWidth);
  }
  return { v: 1, canonicals, keys, refWidth, slots, table: table.join('') };
}

/** The mirror's families, or null when `value` is not a family table this code can read. */
export function familyMirrorFrom(value: unknown): FamilyMirror | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<FamilyMirror>;
  if (v.v !== 1 || !Array.isArray(v.canonicals) || typeof v.keys !== 'object' || v.keys === null) return null;
  if (!Number.isInteger(v.refWidth) || !Number.isInteger(v.slots) || typeof v.table !== 'string') return null;
  if (v.refWidth! < 1 || v.refWidth! > 4 || v.slots! < 1) return null;
  if (v.table.length !== v.slots! * (FINGERPRINT_WIDTH + v.refWidth!)) return null;
  return v as FamilyMirror;
}

const NO_REFS: readonly number[] = [];

/** Lookups in a family table, where it lies in the mirror. */
export class FamilyIndex {
  private readonly width: number;
  private readonly keys: Map<string, number>;

  constructor(private readonly mirror: FamilyMirror) {
    this.width = FINGERPRINT_WIDTH + mirror.refWidth;
    this.keys = new Map(Object.entries(mirror.keys).filter(([, index]) => Number.isInteger(index) && index >= 0 && index < mirror.canonicals.length));
  }

  static of(families: readonly TagFamily[]): FamilyIndex {
    return new FamilyIndex(buildFamilyMirror(families));
  }

  /** The family a rule on normalised `text` uses, if one was learned. */
  familyOf(text: string): number | undefined {
    return this.keys.get(text);
  }

  canonicalOf(family: number): string {
    return this.mirror.canonicals[family] ?? '';
  }

  /** Every family normalised `text` belongs to, as `family × 2 + role`. */
  refsOf(text: string): readonly number[] {
    const { table, slots, refWidth } = this.mirror;
    const [h1, h2] = tagHash(text);
    const print = fingerprint(h1, h2);
    let found: number[] | null = null;
    let slot = h1 % slots;
    for (let probes = 0; probes < slots; probes++) {
      const at = slot * this.width;
      if (table.charCodeAt(at) === 46 /* '.' */) break;
      if (table.startsWith(print, at)) {
        let ref = 0;
        for (let i = 0; i < refWidth; i++) ref = ref * 64 + (CODES[table.charCodeAt(at + FINGERPRINT_WIDTH + i)] ?? 0);
        (found ??= []).push(ref);
      }
      slot = slot + 1 === slots ? 0 : slot + 1;
    }
    return found ?? NO_REFS;
  }
}
