/**
 * Merging two sync documents, record by record. The merge is the same
 * whichever side is "local": merge(a, b) and merge(b, a) give equal documents,
 * so two devices that each merge the other's data end with the same data.
 *
 * - Rules, settings and saved entries: the newer change wins, a tie goes to
 *   the larger device id; a deletion is a change like any other (a tombstone).
 * - Reading progress: chapters read are a union, each chapter taking its
 *   latest change (read, or marked unread); the resume chapter is the latest;
 *   first visit the earliest, last visit the latest.
 * - Tombstones and unread marks older than TOMBSTONE_DAYS are dropped.
 */
import type { Clock, ProgressEntry, ReadMark, SyncDoc, UnreadMark } from './doc';
import { TOMBSTONE_MS } from './limits';

/** Whether `a` wins over `b`. */
export function newer(a: Clock, b: Clock): boolean {
  return a.t !== b.t ? a.t > b.t : a.d > b.d;
}

function mergeClocked<E extends Clock>(a: Record<string, E>, b: Record<string, E>): Record<string, E> {
  const out: Record<string, E> = { ...a };
  for (const [key, entry] of Object.entries(b)) {
    const mine = out[key];
    if (!mine || newer(entry, mine) || (entry.t === mine.t && entry.d === mine.d && JSON.stringify(entry) > JSON.stringify(mine))) out[key] = entry;
  }
  return out;
}

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** One chapter's state from all its marks: read when a read is later than the latest unread mark. */
export function mergeProgress(a: ProgressEntry, b: ProgressEntry): ProgressEntry {
  const unread = new Map<number, number>();
  for (const [position, at] of [...a.u, ...b.u]) unread.set(position, Math.max(unread.get(position) ?? 0, at));
  const read = new Map<number, ReadMark>();
  for (const mark of [...a.r, ...b.r]) {
    const [position, at] = mark;
    if (at <= (unread.get(position) ?? -1)) continue;
    const kept = read.get(position);
    // The first read after the latest unread mark.
    if (!kept || at < kept[1]) read.set(position, [position, at]);
  }
  const la = a.l;
  const lb = b.l;
  const l = la === null ? lb : lb === null ? la : lb[2] > la[2] || (lb[2] === la[2] && JSON.stringify(lb) > JSON.stringify(la)) ? lb : la;
  return {
    r: [...read.values()].sort((x, y) => x[0] - y[0]),
    u: [...unread].map(([position, at]): UnreadMark => [position, at]).sort((x, y) => x[0] - y[0]),
    l,
    f: minOf(a.f, b.f),
    v: maxOf(a.v, b.v),
  };
}

export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  const p: Record<string, ProgressEntry> = { ...a.p };
  for (const [key, entry] of Object.entries(b.p)) p[key] = p[key] ? mergeProgress(p[key], entry) : mergeProgress(entry, entry);
  const n: Record<string, string> = { ...b.n };
  // Either title will do; the longer one (a real title over an empty stub) is kept, so both sides agree.
  for (const [key, title] of Object.entries(a.n)) if (!n[key] || title.length > n[key].length || (title.length === n[key].length && title > n[key])) n[key] = title;
  return { r: mergeClocked(a.r, b.r), s: mergeClocked(a.s, b.s), w: mergeClocked(a.w, b.w), p, n };
}

/** The document without tombstones and unread marks older than TOMBSTONE_DAYS, and titles of works it no longer holds. */
export function expire(doc: SyncDoc, now: number): SyncDoc {
  const since = now - TOMBSTONE_MS;
  const live = <E extends Clock & { v: unknown }>(entries: Record<string, E>) => Object.fromEntries(Object.entries(entries).filter(([, e]) => e.v !== null || e.t >= since));
  const p: Record<string, ProgressEntry> = {};
  for (const [key, entry] of Object.entries(doc.p)) {
    const u = entry.u.filter(([, at]) => at >= since);
    p[key] = u.length === entry.u.length ? entry : { ...entry, u };
  }
  const w = live(doc.w);
  const n = Object.fromEntries(Object.entries(doc.n).filter(([key]) => (w[key] && w[key].v !== null) || p[key]));
  return { r: live(doc.r), s: doc.s, w, p, n };
}
