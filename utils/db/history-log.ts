/**
 * The History screen's view of the visits log (see VisitBucket): pages of
 * entries newest first, deleting single entries, a span of time or all of
 * it in one transaction, and putting deleted entries back (Undo).
 */
import type { ShelfmarkDb } from './schema';
import { inTransaction, RequestGroup } from './transaction';
import type { VisitBucket, VisitEntry } from './types';

/** A log entry with the bucket it lives in, which is how it is found again. */
export interface LoggedVisit extends VisitEntry {
  seq: number;
}

export interface VisitPage {
  entries: LoggedVisit[];
  /** Where the next (older) page starts; null at the log's beginning. */
  nextBefore: number | null;
}

export type VisitDeletion =
  | { kind: 'entries'; entries: LoggedVisit[] }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all'; confirm: true };

/** Whole buckets from the newest down, until at least `limit` entries (of these works, when given) are collected. */
export async function listVisits(db: ShelfmarkDb, before: number | null, limit: number, workIds?: readonly number[]): Promise<VisitPage> {
  const wanted = workIds ? new Set(workIds) : null;
  const tx = db.transaction('visits', 'readonly');
  const range = before === null ? null : IDBKeyRange.upperBound(before, true);
  const entries: LoggedVisit[] = [];
  let cursor = await tx.store.openCursor(range, 'prev');
  let lastSeq: number | null = null;
  while (cursor && entries.length < limit) {
    const bucket = cursor.value;
    lastSeq = bucket.seq;
    const fromBucket: LoggedVisit[] = [];
    for (const entry of bucket.entries) if (!wanted || wanted.has(entry.workId)) fromBucket.push({ ...entry, seq: bucket.seq });
    // Within a bucket entries are in the order they were logged; History lists the newest first.
    fromBucket.sort((a, b) => b.at - a.at);
    entries.push(...fromBucket);
    cursor = await cursor.continue();
  }
  const more = cursor !== null;
  await tx.done;
  return { entries, nextBefore: more ? lastSeq : null };
}

const sameEntry = (a: VisitEntry, b: VisitEntry) => a.workId === b.workId && a.chapterId === b.chapterId && a.position === b.position && a.at === b.at;

const plain = ({ workId, chapterId, position, at }: VisitEntry): VisitEntry => ({ workId, chapterId, position, at });

/** Deletes in one transaction; returns what was removed (except for `all`, which says only how many). */
export async function deleteVisits(db: ShelfmarkDb, target: VisitDeletion): Promise<{ removed: LoggedVisit[]; count: number }> {
  return inTransaction(db, ['visits'], 'readwrite', async (tx) => {
    const store = tx.objectStore('visits');
    if (target.kind === 'all') {
      // Everything removed goes back to the caller, so deleting the whole history can be undone too.
      const buckets = await store.getAll();
      const removed = buckets.flatMap((bucket) => bucket.entries.map((entry) => ({ ...plain(entry), seq: bucket.seq })));
      await store.clear();
      return { removed, count: removed.length };
    }
    const removed: LoggedVisit[] = [];
    const changed: VisitBucket[] = [];
    if (target.kind === 'entries') {
      const bySeq = new Map<number, LoggedVisit[]>();
      for (const entry of target.entries) bySeq.set(entry.seq, [...(bySeq.get(entry.seq) ?? []), entry]);
      const buckets = await Promise.all([...bySeq.keys()].map((seq) => store.get(seq)));
      for (const bucket of buckets) {
        if (!bucket) continue;
        const left = [...bucket.entries];
        for (const wanted of bySeq.get(bucket.seq)!) {
          const index = left.findIndex((e) => sameEntry(e, wanted));
          if (index < 0) continue;
          removed.push({ ...plain(left[index]!), seq: bucket.seq });
          left.splice(index, 1);
        }
        if (left.length !== bucket.entries.length) changed.push({ seq: bucket.seq, entries: left });
      }
    } else {
      for (const bucket of await store.getAll()) {
        const left = bucket.entries.filter((e) => e.at < target.from || e.at >= target.to);
        if (left.length === bucket.entries.length) continue;
        for (const e of bucket.entries) if (e.at >= target.from && e.at < target.to) removed.push({ ...plain(e), seq: bucket.seq });
        changed.push({ seq: bucket.seq, entries: left });
      }
    }
    const writes = new RequestGroup();
    for (const bucket of changed) {
      if (bucket.entries.length === 0) writes.add(store.delete(bucket.seq));
      else writes.add(store.put(bucket));
    }
    await writes.done();
    return { removed, count: removed.length };
  });
}

/** Puts deleted entries back into the buckets they came from, in time order. */
export async function restoreVisits(db: ShelfmarkDb, entries: readonly LoggedVisit[]): Promise<number> {
  if (entries.length === 0) return 0;
  return inTransaction(db, ['visits'], 'readwrite', async (tx) => {
    const store = tx.objectStore('visits');
    const bySeq = new Map<number, VisitEntry[]>();
    for (const entry of entries) bySeq.set(entry.seq, [...(bySeq.get(entry.seq) ?? []), plain(entry)]);
    const seqs = [...bySeq.keys()];
    const buckets = await Promise.all(seqs.map((seq) => store.get(seq)));
    const writes = new RequestGroup();
    seqs.forEach((seq, i) => {
      const merged = [...(buckets[i]?.entries ?? []), ...bySeq.get(seq)!].sort((a, b) => a.at - b.at);
      writes.add(store.put({ seq, entries: merged }));
    });
    await writes.done();
    return entries.length;
  });
}
