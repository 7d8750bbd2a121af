/** The reasons readers see: a rule's own label, or one generated from what it matches. */

import { decodeArchiveEscapes } from './normalize';
import { KUDOS_RATIO_MIN_HITS, formatNumber, formatPercent } from './traits';
import type { Range, Rule, RuleMatch, TagSlot, Trait } from './types';

const SLOT_NAMES: Record<TagSlot, string> = {
  any: 'Tag',
  fandom: 'Fandom',
  relationship: 'Relationship',
  character: 'Character',
  freeform: 'Tag',
  warning: 'Warning',
  rating: 'Rating',
  category: 'Category',
};

export function ruleLabel(rule: Rule): string {
  return rule.label ?? describeMatch(rule.match);
}

/** `Warning: Major Character Death`, `Tag: Alpha*`, `Author: login`, `Series: title`, `Words: at least 100,000`… */
export function describeMatch(match: RuleMatch): string {
  switch (match.kind) {
    case 'tag': {
      const text = match.mode === 'regex' ? `/${match.text}/` : decodeArchiveEscapes(match.text).trim();
      return `${SLOT_NAMES[match.slot]}: ${text}`;
    }
    case 'author':
      return `Author: ${match.login ?? `user #${match.userId}`}`;
    case 'work':
      return match.title ? `Work: ${match.title}` : `Work #${match.workId}`;
    case 'series':
      return match.title ? `Series: ${match.title}` : `Series #${match.seriesId}`;
    case 'trait':
      return describeTrait(match.trait);
  }
}

function describeTrait(trait: Trait): string {
  switch (trait.type) {
    case 'language':
      return `Language: ${trait.language}`;
    case 'words':
      return `Words: ${describeRange(trait)}`;
    case 'chapters':
      return `Chapters: ${describeRange(trait)}`;
    case 'complete':
      return trait.complete ? 'Complete' : 'Work in progress';
    case 'crossover':
      return `Crossover: more than ${formatNumber(trait.moreThan)} ${trait.moreThan === 1 ? 'fandom' : 'fandoms'}`;
    case 'rating':
      return `Rating: ${trait.rating}`;
    case 'notUpdatedSince':
      return `Not updated since ${trait.date}`;
    case 'titleOrSummary':
      return `Title or summary: “${trait.phrase}”`;
    case 'kudosRatioBelow':
      return `Kudos below ${formatPercent(trait.ratio)} of hits (${formatNumber(KUDOS_RATIO_MIN_HITS)}+ hits)`;
  }
}

function describeRange({ min, max }: Range): string {
  if (min !== undefined && max !== undefined) return `${formatNumber(min)}–${formatNumber(max)}`;
  if (min !== undefined) return `at least ${formatNumber(min)}`;
  return `at most ${formatNumber(max ?? 0)}`;
}
