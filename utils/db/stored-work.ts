/**
 * The works store's records (StoredWork): a work's facts and its reading in
 * one record. Pure helpers, so every reader and writer agrees on the shape.
 */
import type { ReadingRecord, SeenWork, StoredWork, WorkRecord } from './types';

export function isSeen(entry: StoredWork): entry is SeenWork {
  return 'firstSeen' in entry;
}

/** The work's facts, when a page has given them. */
export function factsOf(entry: StoredWork | undefined): WorkRecord | undefined {
  return entry && isSeen(entry) ? entry : undefined;
}

/** The record with these facts, keeping the reading it had. */
export function withFacts(entry: StoredWork | undefined, facts: WorkRecord): StoredWork {
  return entry?.reading ? { ...facts, reading: entry.reading } : facts;
}

/** The record with this reading, keeping the facts it had. */
export function withReading(entry: StoredWork | undefined, reading: ReadingRecord): StoredWork {
  return entry && isSeen(entry) ? { ...entry, reading } : { workId: reading.workId, reading };
}

/** The facts alone, as the backup file's `works` array holds them. */
export function withoutReading(entry: SeenWork): WorkRecord {
  if (!entry.reading) return entry;
  const { reading: _reading, ...facts } = entry;
  return facts;
}
