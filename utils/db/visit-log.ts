/** The visits log's bucketed layout (see VisitBucket): appending, flattening, de-duplicating. */
import type { IDBPObjectStore } from 'idb';
import type { ShelfmarkSchema, StoreName } from './schema';
import { RequestGroup } from './transaction';
import type { VisitBucket, VisitEntry } from './types';

/** Entries per bucket: big enough to make bulk writes cheap, small enough that appending one visit stays cheap. */
export const VISIT_BUCKET_SIZE = 100;

export type VisitStore = IDBPObjectStore<ShelfmarkSchema, ArrayLike<StoreName>, 'visits', 'readwrite'>;

/** Appends entries after the last bucket, within the caller's transaction. */
export async function appendVisits(store: VisitStore, entries: readonly VisitEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await store.openCursor(null, 'prev');
  let bucket: VisitBucket = last ? last.value : { seq: 1, entries: [] };
  const writes = new RequestGroup();
  for (const entry of entries) {
    if (bucket.entries.length >= VISIT_BUCKET_SIZE) {
      writes.add(store.put(bucket));
      bucket = { seq: bucket.seq + 1, entries: [] };
    }
    bucket.entries.push(entry);
  }
  writes.add(store.put(bucket));
  await writes.done();
}

export function flattenBuckets(buckets: readonly VisitBucket[]): VisitEntry[] {
  const entries: VisitEntry[] = [];
  for (const bucket of buckets) for (const entry of bucket.entries) entries.push(entry);
  return entries;
}

const identity = (v: VisitEntry): string => `${v.workId}|${v.chapterId ?? ''}|${v.position ?? ''}|${v.at}`;

/**
 * The incoming visits the log doesn't have yet. Counted as a multiset: two
 * genuine visits in the same millisecond stay two, and importing the same
 * file twice adds nothing the second time.
 */
export function visitsMissingFrom(existing: readonly VisitEntry[], incoming: readonly VisitEntry[]): VisitEntry[] {
  const have = new Map<string, number>();
  for (const visit of existing) {
    const key = identity(visit);
    have.set(key, (have.get(key) ?? 0) + 1);
  }
  const missing: VisitEntry[] = [];
  for (const visit of incoming) {
    const key = identity(visit);
    const left = have.get(key) ?? 0;
    if (left > 0) have.set(key, left - 1);
    else missing.push(visit);
  }
  return missing;
}
