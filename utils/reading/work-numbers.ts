/**
 * The numbers readers judge a work by, from what its blurb or page shows:
 * the kudos ratio per chapter read, and how long it takes to read.
 *
 * The archive counts a hit once per visit to a work, whichever chapter: a
 * reader of a 30-chapter work leaves about 30 hits and one kudos, so kudos ÷
 * hits sinks as a work grows. Dividing the hits by the chapters posted puts
 * works of every length on one scale: kudos ÷ (hits ÷ chapters).
 * Pure; the blurb stats and the work page's time left draw from it.
 */
import type { ChapterCount } from '../ao3/types';

/** Until the reader's own speed is learned (reading-speed.ts), in words a minute. */
export const DEFAULT_WORDS_PER_MINUTE = 250;

export interface RatioInput {
  /** null when the page shows a count that can't be read. */
  kudos: number | null;
  hits: number | null;
  chapters: ChapterCount | null;
}

/**
 * Kudos ÷ (hits ÷ chapters posted), as a fraction (0.12 is 12 %); null when it can't be told:
 * no hits (the archive shows none, or a count of 0), kudos unreadable, chapters unknown.
 * The expected chapter count (`N/?`) plays no part: only posted chapters can have been read.
 */
export function chapterKudosRatio({ kudos, hits, chapters }: RatioInput): number | null {
  if (kudos === null || hits === null || !Number.isFinite(kudos) || !Number.isFinite(hits)) return null;
  if (hits <= 0 || kudos < 0 || !chapters || !Number.isInteger(chapters.posted) || chapters.posted < 1) return null;
  return (kudos * chapters.posted) / hits;
}

/** Minutes to read `words` at `wordsPerMinute`; null when the word count is unknown. */
export function readingMinutes(words: number | null, wordsPerMinute: number): number | null {
  if (words === null || !Number.isFinite(words) || words < 0) return null;
  const speed = Number.isFinite(wordsPerMinute) && wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
  return words / speed;
}

/** A duration split for people: whole days, hours and minutes (at least 1 minute for any text at all). */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

export function durationParts(minutes: number): DurationParts {
  const total = minutes <= 0 ? 0 : Math.max(1, Math.round(minutes));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

export interface ChapterWords {
  /** The chapter's place among the posted chapters (1-based). */
  position: number;
  /** Words in its text, counted on the page; null when this page doesn't show it. */
  words: number | null;
}

export interface TimeLeftInput {
  /** The work's word count as the page states it. */
  workWords: number | null;
  /** Chapters posted. */
  posted: number;
  /** The chapters this page shows, with their words (one for a chapter page, all for the whole work). */
  shown: ChapterWords[];
  /** Where the reader is: which shown chapter and how far through (0..1); null above the first one. */
  at: { position: number; scroll: number } | null;
}

export interface WordsLeft {
  chapter: number;
  work: number;
}

/**
 * Words left in the chapter being read and in the whole work from here on. Chapters the page
 * shows count exactly; the others share what the work's count leaves, evenly.
 */
export function wordsLeft({ workWords, posted, shown, at }: TimeLeftInput): WordsLeft | null {
  const readable = shown.filter((c): c is { position: number; words: number } => c.words !== null);
  if (readable.length === 0) return null;
  const current = readable.find((c) => c.position === at?.position) ?? readable[0]!;
  const scroll = at && at.position === current.position ? Math.min(1, Math.max(0, at.scroll)) : 0;
  const inChapter = Math.round(current.words * (1 - scroll));
  const after = readable.filter((c) => c.position > current.position);
  const shownAfter = after.reduce((sum, c) => sum + c.words, 0);
  const unshown = Math.max(0, posted - readable.length);
  const unshownAfter = Math.max(0, posted - current.position - after.length);
  const shownWords = readable.reduce((sum, c) => sum + c.words, 0);
  const perUnshown = unshown > 0 && workWords !== null ? Math.max(0, workWords - shownWords) / unshown : 0;
  return { chapter: inChapter, work: inChapter + shownAfter + Math.round(perUnshown * unshownAfter) };
}
