/**
 * Fits what a page says about a work into what the background accepts
 * (record-checks.ts), per work: a text or list too long is cut, a count that
 * is not a whole number the database can hold becomes unknown, a chapter or
 * series without a usable id is left out. Run by content scripts before
 * sending, so one odd blurb (a 20,000-character tag, an id past 2^53) costs
 * that blurb some detail, never the page its answer.
 */
import type { Author, ChapterCount, SeriesPart } from '../ao3/types';
import { checkWorkFacts, FACT_LIMITS } from './record-checks';
import type { ChapterInfo, WorkFacts, WorkTags } from './types';

const ARCHIVE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An id or count the database keeps: a whole number from `min` up to 2^53 − 1. */
const isWhole = (value: number | null | undefined, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** A work id the background accepts. */
export const isWorkId = (value: number | null | undefined): value is number => isWhole(value, 1);

const cut = (value: string, max: number): string => (value.length > max ? value.slice(0, max) : value);
const cutOrNull = (value: string | null, max: number): string | null => (value === null ? null : cut(value, max));
const countOrNull = (value: number | null): number | null => (isWhole(value, 0) ? value : null);
const names = (list: readonly string[]): string[] => list.slice(0, FACT_LIMITS.names).map((name) => cut(name, FACT_LIMITS.name));

function fitTags(tags: WorkTags): WorkTags {
  return {
    warning: names(tags.warning),
    category: names(tags.category),
    relationship: names(tags.relationship),
    character: names(tags.character),
    freeform: names(tags.freeform),
  };
}

function fitChapterCount(count: ChapterCount | null): ChapterCount | null {
  if (!count || !isWhole(count.posted, 0)) return null;
  return { posted: count.posted, expected: countOrNull(count.expected) };
}

const fitAuthor = ({ login, pseud }: Author): Author => ({ login: cut(login, FACT_LIMITS.text), pseud: cut(pseud, FACT_LIMITS.text) });

function fitChapters(chapters: readonly ChapterInfo[]): ChapterInfo[] {
  return chapters
    .filter((c) => isWhole(c.id, 1) && isWhole(c.position, 1))
    .slice(0, FACT_LIMITS.chapters)
    .map(({ id, position, title }) => ({ id, position, title: cut(title, FACT_LIMITS.text) }));
}

function fitSeries(series: readonly SeriesPart[]): SeriesPart[] {
  return series
    .filter((s) => isWhole(s.id, 1) && isWhole(s.part, 0))
    .slice(0, FACT_LIMITS.names)
    .map(({ id, title, part }) => ({ id, title: cut(title, FACT_LIMITS.text), part }));
}

/** The facts cut to fit; null when the work id is unusable (0, negative, past 2^53) or the facts still don't pass. */
export function fitWorkFacts(facts: WorkFacts): WorkFacts | null {
  if (!isWorkId(facts.workId)) return null;
  const fitted: WorkFacts = {
    workId: facts.workId,
    title: cut(facts.title, FACT_LIMITS.text),
    authors: facts.authors.slice(0, FACT_LIMITS.names).map(fitAuthor),
    fandoms: names(facts.fandoms),
    rating: cutOrNull(facts.rating, FACT_LIMITS.text),
    tags: fitTags(facts.tags),
    language: cutOrNull(facts.language, FACT_LIMITS.text),
    words: countOrNull(facts.words),
    chapterCount: fitChapterCount(facts.chapterCount),
    complete: facts.complete,
    chapters: fitChapters(facts.chapters),
    series: fitSeries(facts.series),
    updated: facts.updated !== null && ARCHIVE_DATE.test(facts.updated) ? facts.updated : null,
    updatedAt: countOrNull(facts.updatedAt),
    hiddenTags: { ...facts.hiddenTags },
  };
  // Whatever the page model may give one day that this does not fit, the work is left out rather than the page.
  return checkWorkFacts(fitted, 'work') === null ? fitted : null;
}

/** About how many characters the facts take in a message: their texts' lengths. */
export function factsSize(facts: WorkFacts): number {
  let size = facts.title.length + (facts.rating?.length ?? 0) + (facts.language?.length ?? 0);
  for (const a of facts.authors) size += a.login.length + a.pseud.length;
  for (const list of [facts.fandoms, ...Object.values(facts.tags)] as string[][]) for (const name of list) size += name.length;
  for (const c of facts.chapters) size += c.title.length;
  for (const s of facts.series) size += s.title.length;
  return size;
}
