/**
 * The reader's hide/highlight rules.
 *
 * A rule is stored as plain JSON (database, messages, backups), so every
 * field here is JSON-safe. Anything that comes from outside the code must
 * pass `validateRule` (validate.ts) before it is used.
 */

import type { TagType } from '../ao3/types';

export type { TagType };

export type RuleAction = 'hide' | 'highlight';

/** A tag slot, or `any` for every slot. */
export type TagSlot = TagType | 'any';

/**
 * How a tag rule's text is read:
 * - `exact`: the whole tag, compared after `normalizeTagText`;
 * - `wildcard`: `*` stands for any run of characters, the rest is literal, anchored at both ends;
 * - `regex`: a JavaScript regular expression (checked by `validatePattern`), searched anywhere in the tag.
 */
export type TagMatchMode = 'exact' | 'wildcard' | 'regex';

/** The archive's five ratings, as its pages name them. */
export const RATINGS = ['General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit', 'Not Rated'] as const;
export type Rating = (typeof RATINGS)[number];

export interface TagMatch {
  kind: 'tag';
  slot: TagSlot;
  text: string;
  mode: TagMatchMode;
  /**
   * An exact rule whose tag's family was learned from the archive matches its
   * synonyms always, and its subtags (with theirs) unless this is false —
   * absent means true, as the archive's own filter does.
   */
  subtags?: boolean;
}

/** One creator: by login (every pseud of that account) and/or by the `user-N` id on blurbs. Either matches. */
export interface AuthorMatch {
  kind: 'author';
  login?: string;
  userId?: number;
}

export interface WorkMatch {
  kind: 'work';
  workId: number;
  /** Shown in the generated reason; not used for matching. */
  title?: string;
}

/** A series blurb with this id, or any work that is part of the series. */
export interface SeriesMatch {
  kind: 'series';
  seriesId: number;
  /** Shown in the generated reason; not used for matching. */
  title?: string;
}

/** Inclusive bounds; at least one of them is set. */
export interface Range {
  min?: number;
  max?: number;
}

export type Trait =
  /** The language's name ("English") or its code ("en"), case-insensitive. */
  | { type: 'language'; language: string }
  | ({ type: 'words' } & Range)
  /** Chapters posted so far. */
  | ({ type: 'chapters' } & Range)
  | { type: 'complete'; complete: boolean }
  /** Tagged with more than `moreThan` fandoms. */
  | { type: 'crossover'; moreThan: number }
  | { type: 'rating'; rating: Rating }
  /** Last updated before this ISO date (`YYYY-MM-DD`). */
  | { type: 'notUpdatedSince'; date: string }
  /** A word or phrase in the title or summary, whole words only, case-insensitive. */
  | { type: 'titleOrSummary'; phrase: string }
  /** kudos / hits below `ratio` (0–1), for works with at least `KUDOS_RATIO_MIN_HITS` hits. */
  | { type: 'kudosRatioBelow'; ratio: number };

export type TraitType = Trait['type'];

export interface TraitMatch {
  kind: 'trait';
  trait: Trait;
}

export type RuleMatch = TagMatch | AuthorMatch | WorkMatch | SeriesMatch | TraitMatch;

export interface Rule {
  id: string;
  action: RuleAction;
  /** Highlight colour, a CSS hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`); highlight rules only. */
  color?: string;
  match: RuleMatch;
  /** The rule applies only to works in one of these fandoms (tag text or wildcard patterns). */
  scope?: { fandoms: string[] };
  /** The rule does not apply to a work that has any of these tags, in any slot (tag text or wildcard patterns). */
  exceptions?: { tags: string[] };
  enabled: boolean;
  /** The reason the reader sees; a generated one is used when absent. */
  label?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** Rules are evaluated in ascending `order`; rules without one follow, in list order. */
  order?: number;
}

/** Why a rule applied to a record. */
export interface MatchReason {
  ruleId: string;
  /** `rule.label`, or a generated one such as `Warning: Major Character Death`. */
  label: string;
  /** What on the record matched: the tag as the page shows it, the author, the word count… */
  detail: string;
}

export type Verdict = 'hide' | 'highlight' | 'show';

export interface Classification {
  verdict: Verdict;
  /**
   * False for records the rules cannot judge (mystery, deleted and unreadable
   * blurbs): those are always shown, never hidden.
   */
  classified: boolean;
  /** Every hide rule that applies, in rule order — also when the work is "always show", so the UI can say it would be hidden. */
  hiddenBy: MatchReason[];
  highlightedBy: MatchReason[];
  /** The colour of the first applying highlight rule that has one; only when the verdict is `highlight`. */
  color?: string;
  /**
   * True when the archive's "hide warnings / additional tags" preference hid
   * tags that some rule reads: rules may have missed them, and the result is
   * not guessed.
   */
  incomplete: boolean;
}

export interface ClassifyOptions {
  /** Work ids the reader marked "always show": never hidden (still highlighted). */
  alwaysShow?: ReadonlySet<number>;
}
