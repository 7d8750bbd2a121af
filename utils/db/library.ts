/**
 * The library: every work the reader saved or read, as compact rows made
 * from the works store (each record holds the work's reading and saved entry)
 * in one read transaction, plus the bulk changes the options page makes to the
 * saved list (each one transaction, returning what Undo needs).
 */
import type { ShelfmarkDb } from './schema';
import { putOrDelete } from './saved';
import { factsOf, savedEntry, withFacts, withoutSaved, withSaved } from './stored-work';
import { inTransaction, RequestGroup } from './transaction';
import type { ChapterKey, Millis, ReadingRecord, SavedRecord, SavedStatus, StoredWork, WorkRecord } from './types';

/**
 * One work of the library. Kept small (no chapter lists, no summaries) so
 * even 100,000 rows stay within tens of megabytes in one message.
 */
export interface LibraryRow {
  workId: number;
  /** Empty when nothing but the id is known. */
  title: string;
  /** Display names: "pseud (login)", or the login alone when they are the same. */
  authors: string[];
  fandoms: string[];
  /** Relationships, characters and additional tags, for search. */
  tags: string[];
  words: number | null;
  /** Chapters posted and expected (null: unknown or `N/?`). */
  posted: number | null;
  expected: number | null;
  complete: boolean | null;
  /** Chapters read to the end. */
  read: number;
  /** The reader's last visit. */
  lastRead: Millis | null;
  status: SavedStatus | null;
  note: string;
  /** When the work entered the library: saved, else first visited, else first seen. */
  added: Millis | null;
  /** The work's last revision date, `YYYY-MM-DD`. */
  updated: string | null;
  /** The first chapter not read yet; null when every known chapter is read. */
  next: ChapterKey | null;
}

export function authorName(author: { login: string; pseud: string }): string {
  return author.pseud === author.login || !author.pseud ? author.login : `${author.pseud} (${author.login})`;
}

/** The first unread chapter: by position, with its id when the works store knows it. */
export function firstUnread(work: WorkRecord | undefined, reading: ReadingRecord | undefined): ChapterKey | null {
  const readPositions = new Set<number>();
  const readIds = new Set<number>();
  for (const chapter of reading?.chapters ?? []) {
    if (chapter.readAt === null) continue;
    readPositions.add(chapter.position);
    if (chapter.id !== null) readIds.add(chapter.id);
  }
  const chapters = work?.chapters ?? [];
  const posted = work?.chapterCount?.posted ?? (chapters.length || null);
  const isRead = (position: number) => {
    const info = chapters.find((c) => c.position === position);
    return readPositions.has(position) || (info !== undefined && readIds.has(info.id));
  };
  if (posted === null) return readPositions.size === 0 ? { id: chapters[0]?.id ?? null, position: 1 } : null;
  for (let position = 1; position <= posted; position++) {
    if (!isRead(position)) return { id: chapters.find((c) => c.position === position)?.id ?? null, position };
  }
  return null;
}

export function libraryRow(workId: number, work: WorkRecord | undefined, reading: ReadingRecord | undefined, saved: SavedRecord | undefined): LibraryRow {
  const posted = work?.chapterCount?.posted ?? null;
  const readCount = (reading?.chapters ?? []).filter((c) => c.readAt !== null).length;
  return {
    workId,
    title: work?.title ?? '',
    authors: (work?.authors ?? []).map(authorName),
    fandoms: work?.fandoms ?? [],
    tags: work ? [...work.tags.relationship, ...work.tags.character, ...work.tags.freeform] : [],
    words: work?.words ?? null,
    posted,
    expected: work?.chapterCount?.expected ?? null,
    complete: work?.complete ?? null,
    read: posted === null ? readCount : Math.min(readCount, posted),
    lastRead: reading?.lastVisit ?? null,
    status: saved?.status ?? null,
    note: saved?.note ?? '',
    added: saved?.added ?? reading?.firstVisit ?? work?.firstSeen ?? null,
    updated: work?.updated ?? null,
    next: firstUnread(work, reading),
  };
}

/** Every work saved or read, in one read transaction. */
export async function listLibrary(db: ShelfmarkDb): Promise<LibraryRow[]> {
  const entries = await db.getAll('works');
  const rows: LibraryRow[] = [];
  for (const entry of entries) {
    // A work only seen (saved once, then removed from the list) is not in the library.
    if (entry.reading || entry.saved) rows.push(libraryRow(entry.workId, factsOf(entry), entry.reading, entry.saved));
  }
  return rows;
}

/**
 * Sets a status for many works, or removes them from the saved list (status
 * null), in one transaction. Returns the records as they were before, for Undo.
 */
export async function bulkSetSaved(db: ShelfmarkDb, workIds: readonly number[], status: SavedStatus | null, now: Millis): Promise<SavedRecord[]> {
  const ids = [...new Set(workIds)];
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    const entries = await Promise.all(ids.map((id) => store.get(id)));
    const writes = new RequestGroup();
    ids.forEach((workId, i) => {
      const entry = entries[i];
      const record = entry?.saved;
      if (status === null) {
        if (entry && record) writes.add(putOrDelete(store, workId, withoutSaved(entry)));
      } else if (record?.status !== status) {
        writes.add(store.put(withSaved(entry, savedEntry(workId, status, now, record))));
      }
    });
    await writes.done();
    return entries.flatMap((entry) => (entry?.saved ? [entry.saved] : []));
  });
}

/** Undo of a bulk change: these records back as they were, these works off the saved list. */
export async function restoreSaved(db: ShelfmarkDb, records: readonly SavedRecord[], removeIds: readonly number[]): Promise<number> {
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    const [removing, restoring] = await Promise.all([
      Promise.all(removeIds.map((id) => store.get(id))),
      Promise.all(records.map((record) => store.get(record.workId))),
    ]);
    // Put in one map first: a work both removed and restored ends restored, whatever the order given.
    const next = new Map<number, StoredWork | null>();
    removeIds.forEach((id, i) => {
      const entry = removing[i];
      if (entry) next.set(id, withoutSaved(entry));
    });
    records.forEach((record, i) => {
      const entry = next.get(record.workId) ?? restoring[i];
      next.set(record.workId, withSaved(entry, record));
    });
    const writes = new RequestGroup();
    for (const [workId, entry] of next) writes.add(putOrDelete(store, workId, entry));
    await writes.done();
    return records.length + removeIds.length;
  });
}

export interface SavedImportItem {
  workId: number;
  title: string;
}

/** A work known by its title alone (from a CSV import): every other fact unknown, so any page's snapshot replaces it. */
export function stubWork(item: SavedImportItem, now: Millis): WorkRecord {
  return {
    workId: item.workId,
    title: item.title,
    authors: [],
    fandoms: [],
    rating: null,
    tags: { warning: [], category: [], relationship: [], character: [], freeform: [] },
    language: null,
    words: null,
    chapterCount: null,
    complete: null,
    chapters: [],
    series: [],
    updated: null,
    updatedAt: null,
    hiddenTags: { warnings: true, freeforms: true },
    firstSeen: now,
    lastSeen: now,
  };
}

/**
 * Saves works as "to read" in one transaction, never fetching anything: a
 * work whose facts the store doesn't know gets a stub with the title given. Works already
 * saved keep their status. Returns the ids newly saved.
 */
export async function importSaved(db: ShelfmarkDb, items: readonly SavedImportItem[], now: Millis): Promise<{ addedIds: number[]; alreadySaved: number }> {
  const firstOfEach = new Map<number, SavedImportItem>();
  for (const item of items) if (!firstOfEach.has(item.workId)) firstOfEach.set(item.workId, item);
  const unique = [...firstOfEach.values()];
  return inTransaction(db, ['works'], 'readwrite', async (tx) => {
    const store = tx.objectStore('works');
    const entries = await Promise.all(unique.map((item) => store.get(item.workId)));
    const writes = new RequestGroup();
    const addedIds: number[] = [];
    unique.forEach((item, i) => {
      const stored = entries[i];
      if (stored?.saved) return;
      addedIds.push(item.workId);
      const entry = factsOf(stored) ? stored : withFacts(stored, stubWork(item, now));
      writes.add(store.put(withSaved(entry, savedEntry(item.workId, 'to-read', now))));
    });
    await writes.done();
    return { addedIds, alreadySaved: unique.length - addedIds.length };
  });
}
