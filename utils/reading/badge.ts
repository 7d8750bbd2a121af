/**
 * The listing badge: one short phrase about the reader's history with a work
 * — "Read 3/5", "2 new chapters", "Finished", "Opened 12 days ago" — with what
 * was posted since the reader last opened it ("Read 1/22 · 2 new since you
 * last looked"), and
 * where it leads (the first unread chapter when its id is known, else the
 * chapter index). Computed from the blurb's own chapter count against the
 * chapters read, so new chapters show before the reader opens the work. Pure.
 */
import type { ChapterCount } from '../ao3/types';
import type { Millis, ReadingRecord, SavedRecord } from '../db/types';
import type { KnownChapter } from '../db/work-state';
import { t, tn } from '../i18n';
import { lastActivity, readPositions } from './progress';

export type BadgeKind = 'new' | 'progress' | 'finished' | 'caught-up' | 'visited';

export interface Badge {
  kind: BadgeKind;
  /** The badge's text. */
  text: string;
  /** A longer description, for the tooltip and screen readers. */
  title: string;
  href: string;
}

export interface BadgeInput {
  workId: number;
  /** The blurb's "Chapters: N/M". */
  chapters: ChapterCount | null;
  complete: boolean | null;
  /** The blurb's link to its newest chapter. */
  lastChapterId: number | null;
  reading: ReadingRecord | null;
  saved: SavedRecord | null;
  /** Chapter ids the works store knows (from the last work page the reader opened). */
  knownChapters: readonly KnownChapter[];
  now: Millis;
  /** BCP 47 locale for the "Read 3/5" figures and relative times; the browser's by default (counts in phrases follow its language). */
  locale?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "12 days ago", "3 months ago", "2 years ago". */
const formats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeTime(then: Millis, now: Millis, locale?: string): string {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(key, format);
  }
  const days = Math.max(0, Math.floor((now - then) / DAY));
  if (days < 30) return format.format(-days, 'day');
  if (days < 365) return format.format(-Math.floor(days / 30), 'month');
  return format.format(-Math.floor(days / 365), 'year');
}

/** The id of the chapter at `position`, when anything says it. */
function chapterIdAt(position: number, input: BadgeInput): number | null {
  const known = input.knownChapters.find((c) => c.position === position);
  if (known) return known.id;
  const fromReading = input.reading?.chapters.find((c) => c.position === position && c.id !== null);
  if (fromReading?.id) return fromReading.id;
  if (input.chapters && position === input.chapters.posted && input.lastChapterId !== null) return input.lastChapterId;
  return null;
}

function linkTo(position: number | null, input: BadgeInput): string {
  const work = `/works/${input.workId}`;
  const oneShot = input.chapters?.posted === 1 && input.chapters.expected === 1;
  if (oneShot) return work;
  if (position !== null) {
    const id = chapterIdAt(position, input);
    if (id !== null) return `${work}/chapters/${id}`;
    // The work's own address opens its first chapter.
    if (position === 1) return work;
  }
  return `${work}/navigate`;
}

export function readingBadge(input: BadgeInput): Badge | null {
  const { reading, saved, locale } = input;
  if (!reading) return null;
  const posted = input.chapters?.posted ?? (input.knownChapters.length || null);
  const readSet = readPositions(reading);
  if (posted !== null) for (const p of readSet) if (p > posted) readSet.delete(p);
  const readCount = readSet.size;
  const maxRead = Math.max(0, ...readSet);
  // What was posted the last time the reader opened the work: the count its page showed, or its
  // chapter list then (a one-shot's page lists none); unknown without either, and then nothing can be called new.
  const seen = Math.max(input.knownChapters.length, reading.seenPosted ?? 0);
  const lastSeen = seen > 0 ? Math.max(seen, maxRead) : null;
  let firstUnread: number | null = null;
  if (posted !== null) {
    for (let p = 1; p <= posted; p++) {
      if (!readSet.has(p)) {
        firstUnread = p;
        break;
      }
    }
  }
  const caughtUpThen = lastSeen !== null && readCount > 0 && Array.from({ length: lastSeen }, (_, i) => i + 1).every((p) => readSet.has(p));
  const newCount = posted !== null && lastSeen !== null ? posted - lastSeen : 0;
  const activity = lastActivity(reading);
  const when = activity !== null ? relativeTime(activity, input.now, locale) : null;
  // "last read" only once a chapter was read: a work only opened was not read.
  const lastRead = when && readCount > 0 ? t('badgeLastReadTitle', when) : null;
  const describe = (first: string) => [t('extName'), first, lastRead].filter(Boolean).join(' · ');
  const href = linkTo(firstUnread, input);
  const count = (n: number) => n.toLocaleString(locale);
  // Chapters posted since the reader last opened the work, said beside whatever else the badge says.
  const news = newCount > 0 ? tn('badgeNewSinceLastLook', newCount) : null;
  const withNews = (text: string) => [text, news].filter(Boolean).join(' · ');

  if (caughtUpThen && newCount > 0 && firstUnread !== null) {
    const text = tn('badgeNewChapters', newCount);
    return { kind: 'new', text, title: describe(tn('badgeNewTitle', lastSeen ?? readCount, text)), href };
  }
  if (posted !== null && firstUnread === null && readCount > 0) {
    if (input.complete !== false) return { kind: 'finished', text: t('badgeFinished'), title: describe(tn('badgeReadAllTitle', posted)), href };
    return { kind: 'caught-up', text: t('badgeUpToDate'), title: describe(tn('badgeReadAllSoFarTitle', posted)), href };
  }
  if (saved?.status === 'finished' && readCount === 0 && newCount <= 0) {
    return { kind: 'finished', text: t('badgeFinished'), title: describe(t('badgeMarkedFinishedTitle')), href };
  }
  if (readCount > 0) {
    const text = posted !== null ? t('badgeReadOf', count(readCount), count(posted)) : t('badgeRead', count(readCount));
    const title = posted !== null ? tn('badgeReadOfTitle', posted, count(readCount)) : t('badgeReadOfUnknownTitle', count(readCount));
    return { kind: 'progress', text: withNews(text), title: describe(withNews(title)), href };
  }
  if (reading.visitCount === 0 && activity === null) return null;
  const text = when ? t('badgeOpenedWhen', when) : t('badgeOpenedBefore');
  return { kind: 'visited', text: withNews(text), title: describe(withNews(tn('badgeOpenedTitle', reading.visitCount))), href };
}
