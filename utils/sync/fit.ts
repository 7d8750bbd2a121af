/**
 * Fitting the merged document into the sync area's budget: when it does not
 * fit whole, records go in by priority — rules (in their order), the synced
 * settings, the saved list (latest changes first), then reading progress of
 * the most recently read works — and the rest stays on this device only,
 * counted so Settings › Sync can say exactly what.
 */
import type { DeviceId, SyncDoc } from './doc';
import { progressRecency } from './doc';
import { compressDoc, itemsFor, type Encoded } from './codec';
import { SYNC_BUDGET } from './limits';

export interface LeftOut {
  rules: number;
  settings: number;
  saved: number;
  progress: number;
}

export interface Fitted {
  encoded: Encoded;
  /** The document the items hold. */
  doc: SyncDoc;
  /** What the area holds of each kind, and what stays on this device only. */
  synced: LeftOut;
  leftOut: LeftOut;
}

type Section = 'r' | 's' | 'w' | 'p';
interface Unit {
  section: Section;
  key: string;
}

/** Every record in priority order. */
export function priorityOrder(doc: SyncDoc): Unit[] {
  const rules = Object.entries(doc.r).sort(([ka, a], [kb, b]) => {
    // Live rules in their order, then tombstones (small: they cost little and keep deletions deleted).
    const oa = a.v ? (a.v.order ?? Number.MAX_SAFE_INTEGER) : Infinity;
    const ob = b.v ? (b.v.order ?? Number.MAX_SAFE_INTEGER) : Infinity;
    return oa - ob || (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
  const saved = Object.entries(doc.w).sort(([ka, a], [kb, b]) => b.t - a.t || Number(ka) - Number(kb));
  const progress = Object.entries(doc.p)
    .map(([key, entry]) => [key, progressRecency(entry)] as const)
    .sort(([ka, a], [kb, b]) => b - a || Number(ka) - Number(kb));
  return [
    ...rules.map(([key]): Unit => ({ section: 'r', key })),
    ...Object.keys(doc.s).sort().map((key): Unit => ({ section: 's', key })),
    ...saved.map(([key]): Unit => ({ section: 'w', key })),
    ...progress.map(([key]): Unit => ({ section: 'p', key })),
  ];
}

const SECTIONS: Section[] = ['r', 's', 'w', 'p'];

/**
 * The document's JSON built from per-record texts computed once, so each trial of the search
 * below costs one join and one compression, not a JSON.stringify of ten thousand records.
 */
function textBuilder(doc: SyncDoc, units: Unit[]): { text(count: number): string; length(count: number): number } {
  const texts = units.map((unit) => `${JSON.stringify(unit.key)}:${JSON.stringify(doc[unit.section][unit.key])}`);
  const titles = units.map((unit) => {
    const title = (unit.section === 'w' || unit.section === 'p') && doc.n[unit.key];
    return title ? `${JSON.stringify(unit.key)}:${JSON.stringify(title)}` : null;
  });
  const lengths = [0];
  for (let i = 0; i < units.length; i++) lengths.push(lengths[i]! + texts[i]!.length + 1 + (titles[i]?.length ?? 0) + 1);
  const text = (count: number): string => {
    const parts: Record<Section, string[]> = { r: [], s: [], w: [], p: [] };
    const named = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      parts[units[i]!.section].push(texts[i]!);
      const title = titles[i];
      if (title) named.set(units[i]!.key, title);
    }
    return `{${SECTIONS.map((section) => `"${section}":{${parts[section].join(',')}}`).join(',')},"n":{${[...named.values()].join(',')}}}`;
  };
  return { text, length: (count) => lengths[count]! };
}

async function encodeText(text: string, device: DeviceId, at: number): Promise<Encoded> {
  const compressed = await compressDoc(text);
  return itemsFor(compressed, device, at);
}

function count(units: Unit[], upTo: number): LeftOut {
  const counts: LeftOut = { rules: 0, settings: 0, saved: 0, progress: 0 };
  const name: Record<Section, keyof LeftOut> = { r: 'rules', s: 'settings', w: 'saved', p: 'progress' };
  for (let i = 0; i < upTo; i++) counts[name[units[i]!.section]]++;
  return counts;
}

/**
 * The largest prefix of the priority order whose items fit in `budget` bytes (or one within
 * 3 % of the budget of it: each trial costs a compression, and a 10,000-work library's JSON
 * is megabytes). The compressed size grows about linearly with the JSON text kept, so the
 * search interpolates on the text's length rather than halving.
 */
export async function fitDoc(doc: SyncDoc, device: DeviceId, at: number, budget: number = SYNC_BUDGET.totalBytes): Promise<Fitted> {
  const units = priorityOrder(doc);
  const build = textBuilder(doc, units);
  const tried = new Map<number, Encoded>();
  const attempt = async (n: number): Promise<Encoded> => {
    let encoded = tried.get(n);
    if (!encoded) tried.set(n, (encoded = await encodeText(build.text(n), device, at)));
    return encoded;
  };
  const length = build.length;
  const total = units.length;
  let best = total;
  // Compressed, then base64 (4/3): a text within 70 % of the budget fits whatever its content.
  if (length(total) > budget * 0.7 && (await attemptIfLikely(total)) === false) {
    let lo = 0;
    let hi = total;
    // A first guess: JSON of records like these compresses about four to one.
    let rate = 1 / 4 / 0.75;
    for (;;) {
      const target = (budget * 0.985) / rate;
      let mid = prefixAt(length, lo, hi, target);
      mid = Math.min(hi - 1, Math.max(lo + 1, mid));
      if (hi - lo <= 1) break;
      const encoded = await attempt(mid);
      rate = encoded.bytes / Math.max(1, length(mid));
      if (encoded.bytes <= budget) {
        lo = mid;
        if (encoded.bytes >= budget * 0.97) break;
      } else hi = mid;
    }
    best = lo;
  }
  const encoded = await attempt(best);
  const synced = count(units, best);
  const all = count(units, total);
  return {
    encoded,
    doc: JSON.parse(build.text(best)) as SyncDoc,
    synced,
    leftOut: { rules: all.rules - synced.rules, settings: all.settings - synced.settings, saved: all.saved - synced.saved, progress: all.progress - synced.progress },
  };

  /** Tries the whole document unless its text is far beyond what could fit; false when it does not fit. */
  async function attemptIfLikely(n: number): Promise<boolean> {
    if (length(n) > budget * 12) return false;
    return (await attempt(n)).bytes <= budget;
  }
}

/** The number of units whose text is closest below `target` characters, between lo and hi. */
function prefixAt(length: (n: number) => number, lo: number, hi: number, target: number): number {
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const m = (a + b) >> 1;
    if (length(m) <= target) a = m;
    else b = m;
  }
  return a;
}
