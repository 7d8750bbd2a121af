/**
 * The works store's records (StoredWork): a work's facts, its reading and its
 * saved entry in one record. Pure helpers, so every reader and writer agrees
 * on the shape.
 */
import type { Millis, ReadingRecord, SavedRecord, SavedStatus, SeenWork, SourcedWorkRecord, StoredWork, WorkRecord } from './types';

export function isSeen(entry: StoredWork): entry is SeenWork {
  return 'firstSeen' in entry;
}

/** The work's facts (with their source), when a page has given them. */
export function factsOf(entry: StoredWork | undefined): SourcedWorkRecord | undefined {
  return entry && isSeen(entry) ? entry : undefined;
}

/** The record with these facts, keeping the reading and the saved entry it had. */
export function withFacts(entry: StoredWork | undefined, facts: SourcedWorkRecord): StoredWork {
  if (!entry?.reading && !entry?.saved) return facts;
  const record: SeenWork = { ...facts };
  if (entry.reading) record.reading = entry.reading;
  if (entry.saved) record.saved = entry.saved;
  return record;
}

/** The record with this reading, keeping the facts and the saved entry it had. */
export function withReading(entry: StoredWork | undefined, reading: ReadingRecord): StoredWork {
  return entry ? { ...entry, reading } : { workId: reading.workId, reading };
}

/** The record with this saved entry, keeping the facts and the reading it had. */
export function withSaved(entry: StoredWork | undefined, saved: SavedRecord): StoredWork {
  return entry ? { ...entry, saved } : { workId: saved.workId, saved };
}

/** A saved entry with `status` as of `now`, keeping when the work was first saved and its note (unless given one). */
export function savedEntry(workId: number, status: SavedStatus, now: Millis, current?: SavedRecord, note?: string): SavedRecord {
  return { workId, status, added: current?.added ?? now, changed: now, note: note ?? current?.note ?? '' };
}

/**
 * The record taken off the saved list, keeping the rest; null when nothing would be left
 * (a work neither seen nor read): the caller deletes the record.
 */
export function withoutSaved(entry: StoredWork): StoredWork | null {
  if (!entry.saved) return entry;
  const { saved: _saved, ...rest } = entry;
  return isSeen(rest) || rest.reading ? rest : null;
}

/** The facts alone, as the backup file's `works` array holds them (without their source). */
export function factsOnly(entry: SeenWork): WorkRecord {
  if (!entry.reading && !entry.saved && !entry.factsFrom) return entry;
  const { reading: _reading, saved: _saved, factsFrom: _factsFrom, ...facts } = entry;
  return facts;
}
