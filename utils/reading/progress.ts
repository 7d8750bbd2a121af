/**
 * What the reader has read of a work, from its reading record: which chapters
 * are read, which comes next, where to resume. Pure; shared by the listing
 * badges and the work page controls.
 */
import { sameChapter } from '../db/reading';
import type { ChapterKey, ChapterReading, ReadingRecord } from '../db/types';

/** A scroll position this far in counts as "started"; this far, as "at the end". */
export const RESUME_MIN = 0.02;
export const RESUME_MAX = 0.98;

export function isRead(reading: ReadingRecord | null | undefined, chapter: ChapterKey): boolean {
  return !!reading?.chapters.some((c) => c.readAt !== null && sameChapter(c, chapter));
}

/** Positions of the chapters read (ids can't be compared with a blurb, which names none but the last). */
export function readPositions(reading: ReadingRecord | null | undefined): Set<number> {
  const positions = new Set<number>();
  for (const c of reading?.chapters ?? []) if (c.readAt !== null) positions.add(c.position);
  return positions;
}

/** For a list of chapters (in position order): which are read, and the first one that isn't. */
export function chapterMarks<C extends ChapterKey>(reading: ReadingRecord | null | undefined, chapters: readonly C[]): { read: Set<C>; nextUnread: C | null } {
  const read = new Set<C>();
  let nextUnread: C | null = null;
  for (const chapter of chapters) {
    if (isRead(reading, chapter)) read.add(chapter);
    else nextUnread ??= chapter;
  }
  // Nothing read yet: there is no "next" to point out, the reader simply starts at the top.
  return { read, nextUnread: read.size > 0 ? nextUnread : null };
}

export interface ResumePoint {
  chapter: ChapterKey;
  /** 0..1 through the chapter's text. */
  scroll: number;
  at: number;
}

/**
 * Where the reader left off mid-chapter: the chapter whose position was saved last, when that
 * position is partway through. (Not `lastChapter`: opening another chapter without reading it
 * must not lose the place.)
 */
export function resumePoint(reading: ReadingRecord | null | undefined): ResumePoint | null {
  let latest: ChapterReading | null = null;
  for (const c of reading?.chapters ?? []) {
    if (c.scroll !== null && c.scrollAt !== null && (latest === null || c.scrollAt > latest.scrollAt!)) latest = c;
  }
  if (!latest || latest.scroll === null || latest.scrollAt === null) return null;
  if (latest.scroll < RESUME_MIN || latest.scroll >= RESUME_MAX) return null;
  return { chapter: { id: latest.id, position: latest.position }, scroll: latest.scroll, at: latest.scrollAt };
}

/** When the reader last did anything with the work: a visit, a chapter read, a position saved. */
export function lastActivity(reading: ReadingRecord | null | undefined): number | null {
  if (!reading) return null;
  let latest = reading.lastVisit ?? -Infinity;
  if (reading.lastChapter) latest = Math.max(latest, reading.lastChapter.at);
  for (const c of reading.chapters) latest = Math.max(latest, c.readAt ?? -Infinity, c.scrollAt ?? -Infinity);
  return Number.isFinite(latest) ? latest : null;
}

/** "60%" */
export function percent(scroll: number): string {
  return `${Math.round(scroll * 100)}%`;
}
