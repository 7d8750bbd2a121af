/**
 * Trait rules: tests of a record's language, length, status, dates and stats.
 * A trait never matches a value the record doesn't show (null stays unknown).
 */

import { t, tn } from '../i18n';
import { normalizeFreeText } from './normalize';
import { wholePhrase } from './phrase';
import type { MatchSubject } from './subject';
import type { Range, Trait } from './types';

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
  }
}

export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

function inRange(value: number, range: Range): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
