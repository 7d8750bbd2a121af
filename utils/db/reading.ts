/** Pure updates of a work's reading record. */
import type { ChapterKey, ChapterReading, Millis, ReadingRecord } from './types';

export function emptyReading(workId: number): ReadingRecord {
  return { workId, chapters: [], lastChapter: null, visitCount: 0, firstVisit: null, lastVisit: null };
}

/** Chapters are the same when both ids are known and equal, or, lacking an id, at the same position. */
export function sameChapter(a: ChapterKey, b: ChapterKey): boolean {
  return a.id !== null && b.id !== null ? a.id === b.id : a.position === b.position;
}

function withChapter(
  record: ReadingRecord,
  key: ChapterKey,
  update: (chapter: ChapterReading) => ChapterReading,
): ChapterReading[] {
  const index = record.chapters.findIndex((c) => sameChapter(c, key));
  const current = index >= 0 ? record.chapters[index]! : { id: key.id, position: key.position, readAt: null, scroll: null, scrollAt: null };
  // A later page may tell the id of a chapter first known by position only.
  const updated = update({ ...current, id: current.id ?? key.id, position: key.position });
  const chapters = [...record.chapters];
  if (index >= 0) chapters[index] = updated;
  else chapters.push(updated);
  return chapters.sort((a, b) => a.position - b.position);
}

function laterChapter(record: ReadingRecord, key: ChapterKey, at: Millis): ReadingRecord['lastChapter'] {
  if (record.lastChapter && record.lastChapter.at > at) return record.lastChapter;
  return { id: key.id, position: key.position, at };
}

/** A visit to the work's page at `at`, which showed `posted` chapters (null when it did not say). */
export function applyVisit(record: ReadingRecord | undefined, workId: number, chapter: ChapterKey | null, at: Millis, posted: number | null = null): ReadingRecord {
  const base = record ?? emptyReading(workId);
  const latest = base.lastVisit === null || at >= base.lastVisit;
  return {
    ...base,
    lastChapter: chapter ? laterChapter(base, chapter, at) : base.lastChapter,
    visitCount: base.visitCount + 1,
    firstVisit: base.firstVisit === null ? at : Math.min(base.firstVisit, at),
    lastVisit: base.lastVisit === null ? at : Math.max(base.lastVisit, at),
    ...(latest && posted !== null ? { seenPosted: posted } : {}),
  };
}

export function applyChaptersRead(
  record: ReadingRecord | undefined,
  workId: number,
  chapters: ChapterKey[],
  read: boolean,
  at: Millis,
): ReadingRecord {
  let next = record ?? emptyReading(workId);
  for (const key of chapters) {
    next = { ...next, chapters: withChapter(next, key, (c) => ({ ...c, readAt: read ? (c.readAt ?? at) : null })) };
  }
  const last = chapters.reduce<ChapterKey | null>((best, c) => (best === null || c.position > best.position ? c : best), null);
  if (read && last) next = { ...next, lastChapter: laterChapter(next, last, at) };
  return next;
}

export function applyScrollPosition(
  record: ReadingRecord | undefined,
  workId: number,
  chapter: ChapterKey,
  scroll: number,
  at: Millis,
): ReadingRecord {
  const base = record ?? emptyReading(workId);
  return {
    ...base,
    chapters: withChapter(base, chapter, (c) => ({ ...c, scroll, scrollAt: at })),
    lastChapter: laterChapter(base, chapter, at),
  };
}

function mergeChapter(a: ChapterReading, b: ChapterReading): ChapterReading {
  const laterScroll = (b.scrollAt ?? -Infinity) > (a.scrollAt ?? -Infinity) ? b : a;
  const readAt = a.readAt === null ? b.readAt : b.readAt === null ? a.readAt : Math.min(a.readAt, b.readAt);
  return { id: a.id ?? b.id, position: a.position, readAt, scroll: laterScroll.scroll, scrollAt: laterScroll.scrollAt };
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Two records of the same work (an import meeting local data). Both may count
 * the same visits, so the count is the larger one, never the sum; chapters
 * read on either side stay read.
 */
export function mergeReadingRecords(stored: ReadingRecord, incoming: ReadingRecord): ReadingRecord {
  const chapters = [...stored.chapters];
  for (const chapter of incoming.chapters) {
    const index = chapters.findIndex((c) => sameChapter(c, chapter));
    if (index >= 0) chapters[index] = mergeChapter(chapters[index]!, chapter);
    else chapters.push(chapter);
  }
  const lastChapter =
    stored.lastChapter === null ? incoming.lastChapter
    : incoming.lastChapter === null ? stored.lastChapter
    : incoming.lastChapter.at > stored.lastChapter.at ? incoming.lastChapter
    : stored.lastChapter;
  // What was posted at the later of the two last visits; the other side's when that one never said.
  const [later, earlier] = (incoming.lastVisit ?? -Infinity) > (stored.lastVisit ?? -Infinity) ? [incoming, stored] : [stored, incoming];
  const seenPosted = later.seenPosted ?? earlier.seenPosted;
  return {
    workId: stored.workId,
    chapters: chapters.sort((a, b) => a.position - b.position),
    lastChapter,
    visitCount: Math.max(stored.visitCount, incoming.visitCount),
    firstVisit: minOf(stored.firstVisit, incoming.firstVisit),
    lastVisit: maxOf(stored.lastVisit, incoming.lastVisit),
    ...(seenPosted !== undefined ? { seenPosted } : {}),
  };
}
