/**
 * Trait rules: tests of a record's language, length, status, dates and stats.
 * A trait never matches a value the record doesn't show (null stays unknown).
 */

import { t, tn } from '../i18n';
import { normalizeFreeText } from './normalize';
import { wholePhrase } from './phrase';
import type { MatchSubject } from './subject';
import type { Range, StatName, TagCountSlot, TimeUnit, Trait } from './types';

/**
 * Kudos-to-hits ratios of works with fewer hits than this are noise (a new
 * work with 5 hits and no kudos yet), so `kudosRatioBelow` ignores them.
 */
export const KUDOS_RATIO_MIN_HITS = 100;

/** Lazily normalised free text of one subject, shared by the trait tests of one classification. */
export class TraitContext {
  private normalizedTitle: string | undefined;
  private normalizedSummary: string | undefined;

  constructor(readonly subject: MatchSubject) {}

  get title(): string {
    return (this.normalizedTitle ??= normalizeFreeText(this.subject.title));
  }

  get summary(): string {
    return (this.normalizedSummary ??= normalizeFreeText(this.subject.summary ?? ''));
  }
}

/** Returns what matched (for the reason's detail), or null. */
export type TraitTest = (context: TraitContext) => string | null;

/**
 * `1234567` → "1,234,567". Not `Intl.NumberFormat`: creating one costs
 * milliseconds on a cold page, and the content script builds reasons on load.
 */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function compileTrait(trait: Trait): TraitTest {
  switch (trait.type) {
    case 'language': {
      const wanted = normalizeFreeText(trait.language);
      return ({ subject }) => {
        const { language, languageCode } = subject;
        const found = [language, languageCode].some((value) => value !== null && normalizeFreeText(value) === wanted);
        return found ? (language ?? languageCode) : null;
      };
    }
    case 'words':
      return ({ subject }) =>
        subject.words !== null && inRange(subject.words, trait) ? tn('traitWordsMatched', subject.words) : null;
    case 'chapters':
      return ({ subject }) =>
        subject.chaptersPosted !== null && inRange(subject.chaptersPosted, trait)
          ? tn('traitChaptersMatched', subject.chaptersPosted)
          : null;
    case 'complete':
      return ({ subject }) =>
        subject.complete === trait.complete ? t(subject.complete ? 'traitComplete' : 'traitInProgress') : null;
    case 'crossover':
      return ({ subject: { tags } }) => (tags.fandom.length > trait.moreThan ? tn('traitFandomsMatched', tags.fandom.length) : null);
    case 'rating':
      return ({ subject }) => (subject.tags.rating.includes(trait.rating) ? trait.rating : null);
    case 'notUpdatedSince':
      return ({ subject }) =>
        subject.updated !== null && /^\d{4}-\d{2}-\d{2}/.test(subject.updated) && subject.updated < trait.date
          ? t('traitUpdatedMatched', subject.updated.slice(0, 10))
          : null;
    case 'titleOrSummary': {
      const phrase = wholePhrase(normalizeFreeText(trait.phrase));
      return (context) => {
        if (phrase.test(context.title)) return t('traitPhraseInTitle', trait.phrase);
        if (phrase.test(context.summary)) return t('traitPhraseInSummary', trait.phrase);
        return null;
      };
    }
    case 'kudosRatioBelow':
      return ({ subject: { kudos, hits } }) => {
        if (kudos === null || hits === null || hits < KUDOS_RATIO_MIN_HITS || kudos / hits >= trait.ratio) return null;
        return t('traitKudosRatioMatched', formatNumber(kudos), formatNumber(hits), formatPercent(kudos / hits));
      };
    case 'anonymous':
      return ({ subject }) => (subject.anonymous === true ? t('traitAnonymous') : null);
    case 'orphaned':
      return ({ subject }) => (subject.orphaned === true ? t('traitOrphaned') : null);
    case 'tagCount':
      return ({ subject }) => {
        const count = countTags(subject, trait.slot);
        return count > trait.moreThan ? tn('traitTagsMatched', count) : null;
      };
    case 'wordsPerChapterBelow':
      return ({ subject: { words, chaptersPosted } }) => {
        if (words === null || chaptersPosted === null || chaptersPosted < 1) return null;
        const average = words / chaptersPosted;
        return average < trait.below ? t('traitWordsPerChapterMatched', formatNumber(Math.round(average))) : null;
      };
    case 'notUpdatedFor': {
      let day: number | null = null;
      let cutoff = '';
      return ({ subject: { updated } }) => {
        // The cutoff moves with the calendar: worked out once per day, not once per rule.
        const today = Math.floor(Date.now() / DAY_MS);
        if (today !== day) [day, cutoff] = [today, cutoffDate(today, trait.amount, trait.unit)];
        return updated !== null && ISO_DATE.test(updated) && updated.slice(0, 10) <= cutoff
          ? t('traitUpdatedMatched', updated.slice(0, 10))
          : null;
      };
    }
    case 'stat':
      return ({ subject }) => {
        const value = subject[trait.stat];
        if (value === null || (value === 0 && !zeroIsKnown(subject, trait.stat))) return null;
        return inRange(value, trait) ? statMatched(trait.stat, formatNumber(value)) : null;
      };
    case 'chapterKudosRatioBelow':
      return ({ subject }) => {
        const ratio = chapterKudosRatio(subject);
        if (ratio === null || ratio >= trait.ratio) return null;
        return t('traitChapterKudosRatioMatched', formatNumber(subject.kudos ?? 0), formatNumber(subject.hits ?? 0), formatNumber(subject.chaptersPosted ?? 0), formatPercent(ratio));
      };
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** "Kudos: 1,234" and the like: each message named in its own call, so the i18n test sees its substitution. */
function statMatched(stat: StatName, value: string): string {
  switch (stat) {
    case 'kudos':
      return t('traitKudosMatched', value);
    case 'hits':
      return t('traitHitsMatched', value);
    case 'bookmarks':
      return t('traitBookmarksMatched', value);
    case 'comments':
      return t('traitCommentsMatched', value);
  }
}

/**
 * Kudos per chapter read: kudos ÷ (hits ÷ chapters posted). The archive counts
 * a hit for each chapter a reader opens, so a long work's hits run ahead of
 * its readers; dividing them by its chapters compares works of any length.
 * Null when the record lacks a figure, has no chapters, or has fewer than
 * `KUDOS_RATIO_MIN_HITS` hits (too few to say anything).
 */
export function chapterKudosRatio({ kudos, hits, chaptersPosted }: Pick<MatchSubject, 'kudos' | 'hits' | 'chaptersPosted'>): number | null {
  if (kudos === null || hits === null || chaptersPosted === null || chaptersPosted < 1 || hits < KUDOS_RATIO_MIN_HITS) return null;
  return kudos / (hits / chaptersPosted);
}

/**
 * Whether a stat of 0 is known to be 0. The archive leaves a zero count out
 * of a blurb, and the page model reads a count it cannot find as 0: only the
 * kudos are told apart (an unreadable kudos field is null), and only when the
 * hits were read (a blurb whose stats were not found shows 0 hits). A zero
 * comments, bookmarks or hits count may be a field that could not be read,
 * so it matches nothing: never hidden for lack of data.
 */
function zeroIsKnown({ hits }: MatchSubject, stat: StatName): boolean {
  return stat === 'kudos' && hits !== null && hits > 0;
}

/** Tags of one kind, or those of the blurb's tag list (warnings, relationships, characters, additional tags). */
function countTags({ tags }: MatchSubject, slot: TagCountSlot): number {
  if (slot !== 'any') return tags[slot].length;
  return tags.warning.length + tags.relationship.length + tags.character.length + tags.freeform.length;
}

/** The UTC date (`YYYY-MM-DD`) `amount` units before day number `today`; a month-end day is kept in range (Mar 31 − 1 month = Feb 28/29). */
export function cutoffDate(today: number, amount: number, unit: TimeUnit): string {
  const date = new Date(today * DAY_MS);
  if (unit === 'days') return new Date((today - amount) * DAY_MS).toISOString().slice(0, 10);
  const months = unit === 'months' ? amount : amount * 12;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

function inRange(value: number, range: Range): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
