/**
 * The reader's hide/highlight rules.
 *
 * A rule is stored as plain JSON (database, messages, backups), so every
 * field here is JSON-safe. Anything that comes from outside the code must
 * pass `validateRule` (validate.ts) before it is used.
 */

import type { TagType } from '../ao3/types';
import type { ReadingRecord, SavedRecord, SavedStatus } from '../db/types';

export type { TagType };

export type RuleAction = 'hide' | 'highlight';

/**
 * How a hidden work goes, weakest first: `dim` (the blurb faded and folded to
 * its title line, with the reason), `collapse` (a one-line placeholder with
 * the reason), `remove` (nothing left on the page).
 */
export const HIDE_SEVERITIES = ['dim', 'collapse', 'remove'] as const;
export type HideSeverity = (typeof HIDE_SEVERITIES)[number];

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
  | { type: 'kudosRatioBelow'; ratio: number }
  /** Posted as Anonymous (the archive's own marker). */
  | { type: 'anonymous' }
  /** By orphan_account (an author gave the work up). */
  | { type: 'orphaned' }
  /** Tagged with more than `moreThan` tags of one kind, or in all (`any`: warnings, relationships, characters and additional tags). */
  | { type: 'tagCount'; slot: TagCountSlot; moreThan: number }
  /** Fewer than `below` words per posted chapter on average. */
  | { type: 'wordsPerChapterBelow'; below: number }
  /** Last updated more than `amount` days, months or years before today: the cutoff moves with the calendar. */
  | { type: 'notUpdatedFor'; amount: number; unit: TimeUnit }
  /** One of the blurb's stats within the bounds. */
  | ({ type: 'stat'; stat: StatName } & Range)
  /**
   * Kudos per chapter read below `ratio`: kudos ÷ (hits ÷ chapters posted), as
   * hits count each chapter opened; for works with at least
   * `KUDOS_RATIO_MIN_HITS` hits. Above 0, at most 10 (1,000%).
   */
  | { type: 'chapterKudosRatioBelow'; ratio: number };

export const TAG_COUNT_SLOTS = ['relationship', 'character', 'freeform', 'any'] as const;
export type TagCountSlot = (typeof TAG_COUNT_SLOTS)[number];

export const TIME_UNITS = ['days', 'months', 'years'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const STAT_NAMES = ['kudos', 'hits', 'bookmarks', 'comments'] as const;
export type StatName = (typeof STAT_NAMES)[number];

export type TraitType = Trait['type'];

export interface TraitMatch {
  kind: 'trait';
  trait: Trait;
}

/**
 * The reader's own relation to a work, from their reading history and saved list:
 * - `opened`: they opened it (a visit or any reading recorded);
 * - `started`: they read at least one chapter to the end;
 * - `finished`: they read every posted chapter of a complete work, or saved it as Finished;
 * - `saved`: it is in their saved list, with `status` when given;
 * - `newChapters`: they had read every chapter posted when they last opened it, and more are posted now.
 * Matches only works whose state is known: never on a page the background has not answered for yet.
 */
export interface ReadingMatch {
  kind: 'reading';
  state: ReadingState;
  /** `saved` only: one status of the saved list. */
  status?: SavedStatus;
}

export const READING_STATES = ['opened', 'started', 'finished', 'saved', 'newChapters'] as const;
export type ReadingState = (typeof READING_STATES)[number];

export type RuleMatch = TagMatch | AuthorMatch | WorkMatch | SeriesMatch | TraitMatch | ReadingMatch;

export interface Rule {
  id: string;
  action: RuleAction;
  /** Highlight colour, a CSS hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`); highlight rules only. */
  color?: string;
  /** How the works it hides go; hide rules only. Absent: the reader's `hiddenWorks` setting, as it is at the time. */
  severity?: HideSeverity;
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

/** What reading rules read of one work: the `works/state` answer's shape (utils/db/work-state.ts). */
export interface ReaderState {
  reading: ReadingRecord | null;
  saved: SavedRecord | null;
  /** The work's chapters as the works store knows them (from the last work page the reader opened). */
  chapters: ReadonlyArray<{ id: number; position: number }>;
}

/** The reader's states by work id: a `Map`, or the content script's `WorkStates`. */
export interface ReaderStates {
  get(workId: number): ReaderState | undefined;
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
   * How the work goes; only when the verdict is `hide`. The strongest of the
   * applying hide rules' severities (remove > collapse > dim), a rule without
   * one counting as `ClassifyOptions.defaultSeverity`.
   */
  severity?: HideSeverity;
  /**
   * True when the archive's "hide warnings / additional tags" preference hid
   * tags that some rule reads: rules may have missed them, and the result is
   * not guessed.
   */
  incomplete: boolean;
  /**
   * True when the verdict depends on the reader's own state of the work
   * (`works/state`: read, finished, saved) and that state was not given: the
   * listing holds the blurb back from painting until the state has come and
   * the blurb is classified again. Set when a reading rule exists, no states were given and the
   * work may have a state (`ClassifyOptions.mayHaveState`).
   */
  needsState?: boolean;
}

export interface ClassifyOptions {
  /** Work ids the reader marked "always show": never hidden (still highlighted). */
  alwaysShow?: ReadonlySet<number>;
  /**
   * The reader's state of each work (reading, saved), for reading rules: a
   * reading rule matches nothing without it, or for a work it does not know.
   */
  readerStates?: ReaderStates;
  /** The severity of hide rules that have none: the reader's `hiddenWorks` setting (`severityOfStyle`); `collapse` when absent. */
  defaultSeverity?: HideSeverity;
  /**
   * Before `readerStates` are given: false for a work known to have no state, whose reading rules
   * then cannot match, so its verdict is final (no `needsState`). Absent, any work may have one.
   */
  mayHaveState?: (workId: number) => boolean;
}
