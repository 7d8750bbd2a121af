/** The reasons readers see: a rule's own label, or one generated from what it matches. */

import { t, tn, type MessageKey, type PluralKey } from '../i18n';
import { statusLabel } from '../library/display';
import { decodeArchiveEscapes } from './normalize';
import { KUDOS_RATIO_MIN_HITS, formatNumber, formatPercent } from './traits';
import type { Range, ReadingMatch, Rule, RuleMatch, StatName, TagCountSlot, TagSlot, TimeUnit, Trait } from './types';

const SLOT_NAMES: Record<TagSlot, MessageKey> = {
  any: 'slotTag',
  fandom: 'slotFandom',
  relationship: 'slotRelationship',
  character: 'slotCharacter',
  freeform: 'slotTag',
  warning: 'slotWarning',
  rating: 'slotRating',
  category: 'slotCategory',
};

const TAG_COUNT_NAMES: Record<TagCountSlot, MessageKey> = {
  relationship: 'traitCountRelationships',
  character: 'traitCountCharacters',
  freeform: 'traitCountFreeforms',
  any: 'traitCountTags',
};

const TIME_UNIT_NAMES: Record<TimeUnit, PluralKey> = { days: 'unitDays', months: 'unitMonths', years: 'unitYears' };

const STAT_NAMES: Record<StatName, MessageKey> = { kudos: 'statKudos', hits: 'statHits', bookmarks: 'statBookmarks', comments: 'statComments' };

const labelled = (label: MessageKey, value: string): string => t('labelAndValue', t(label), value);

export function ruleLabel(rule: Rule): string {
  return rule.label ?? describeMatch(rule.match);
}

/** `Warning: Major Character Death`, `Tag: Alpha*`, `Author: login`, `Series: title`, `Words: at least 100,000`… */
export function describeMatch(match: RuleMatch): string {
  switch (match.kind) {
    case 'tag': {
      const text = match.mode === 'regex' ? `/${match.text}/` : decodeArchiveEscapes(match.text).trim();
      return labelled(SLOT_NAMES[match.slot], text);
    }
    case 'author':
      return labelled('ruleAuthor', match.login ?? t('ruleUserNumber', String(match.userId)));
    case 'work':
      return match.title ? labelled('ruleWork', match.title) : t('ruleWorkNumber', String(match.workId));
    case 'series':
      return match.title ? labelled('ruleSeries', match.title) : t('ruleSeriesNumber', String(match.seriesId));
    case 'trait':
      return describeTrait(match.trait);
    case 'reading':
      return describeReading(match);
  }
}

function describeReading(match: ReadingMatch): string {
  switch (match.state) {
    case 'opened':
      return t('readingOpened');
    case 'started':
      return t('readingStarted');
    case 'finished':
      return t('readingFinished');
    case 'saved':
      return match.status ? t('readingSavedAs', statusLabel(match.status)) : t('readingSaved');
    case 'newChapters':
      return t('readingNewChapters');
  }
}

function describeTrait(trait: Trait): string {
  switch (trait.type) {
    case 'language':
      return labelled('traitLanguage', trait.language);
    case 'words':
      return labelled('traitWords', describeRange(trait));
    case 'chapters':
      return labelled('traitChapters', describeRange(trait));
    case 'complete':
      return t(trait.complete ? 'traitComplete' : 'traitWorkInProgress');
    case 'crossover':
      return tn('traitCrossover', trait.moreThan);
    case 'rating':
      return labelled('slotRating', trait.rating);
    case 'notUpdatedSince':
      return t('traitNotUpdatedSince', trait.date);
    case 'titleOrSummary':
      return t('traitTitleOrSummary', trait.phrase);
    case 'kudosRatioBelow':
      return t('traitKudosRatio', formatPercent(trait.ratio), formatNumber(KUDOS_RATIO_MIN_HITS));
    case 'anonymous':
      return t('traitAnonymous');
    case 'orphaned':
      return t('traitOrphaned');
    case 'tagCount':
      return labelled(TAG_COUNT_NAMES[trait.slot], t('traitMoreThan', formatNumber(trait.moreThan)));
    case 'wordsPerChapterBelow':
      return t('traitWordsPerChapterBelow', formatNumber(trait.below));
    case 'notUpdatedFor':
      return t('traitNotUpdatedFor', tn(TIME_UNIT_NAMES[trait.unit], trait.amount));
    case 'stat':
      return labelled(STAT_NAMES[trait.stat], describeRange(trait));
    case 'chapterKudosRatioBelow':
      return t('traitChapterKudosRatio', formatPercent(trait.ratio), formatNumber(KUDOS_RATIO_MIN_HITS));
  }
}

function describeRange({ min, max }: Range): string {
  if (min !== undefined && max !== undefined) return t('rangeBetween', formatNumber(min), formatNumber(max));
  if (min !== undefined) return t('rangeAtLeast', formatNumber(min));
  return t('rangeAtMost', formatNumber(max ?? 0));
}
