/**
 * The records the database keeps. Times are milliseconds since the Unix
 * epoch (UTC); archive dates stay as the archive's `YYYY-MM-DD` strings.
 * These shapes are also the backup file's records (docs/backup-format.md),
 * so fields may be added with a format version bump but never silently changed.
 */
import type { Author, ChapterCount, HiddenTags, SeriesPart } from '../ao3/types';
import type { Rule } from '../rules/types';
import type { TagFamily } from '../rules/tag-family';

export type Millis = number;

/** A chapter the archive named: its id, its position in the work, its title. */
export interface ChapterInfo {
  id: number;
  position: number;
  title: string;
}

/** Tags by type; fandoms and the rating are fields of their own. */
export interface WorkTags {
  warning: string[];
  category: string[];
  relationship: string[];
  character: string[];
  freeform: string[];
}

/** What a page says about a work: the facts a snapshot carries. */
export interface WorkFacts {
  workId: number;
  title: string;
  authors: Author[];
  fandoms: string[];
  rating: string | null;
  tags: WorkTags;
  language: string | null;
  words: number | null;
  chapterCount: ChapterCount | null;
  complete: boolean | null;
  /** Chapter ids and titles, when a page listed them (work pages do, blurbs don't). */
  chapters: ChapterInfo[];
  series: SeriesPart[];
  /** The work's last revision date, as the page shows it. */
  updated: string | null;
  /** The same revision as seconds since the epoch, from listing blurbs. */
  updatedAt: number | null;
  /**
   * Tag groups hidden by the reader's archive preferences. In a stored record
   * a true flag means the group has never been seen, so its list may be incomplete.
   */
  hiddenTags: HiddenTags;
}

/** The works store: the latest known facts about every work the reader has seen. */
export interface WorkRecord extends WorkFacts {
  firstSeen: Millis;
  lastSeen: Millis;
}

/** A chapter, by id when the page gives one (one-shots have none), else by position. */
export interface ChapterKey {
  id: number | null;
  position: number;
}

export interface ChapterReading extends ChapterKey {
  /** When the reader read it to the end; null when only a scroll position is known. */
  readAt: Millis | null;
  /** Scroll position through the chapter, 0..1. */
  scroll: number | null;
  scrollAt: Millis | null;
}

/** Per work, what the reader has read and when (kept in the work's StoredWork). */
export interface ReadingRecord {
  workId: number;
  chapters: ChapterReading[];
  /** The chapter the reader was last on (visited or read). */
  lastChapter: (ChapterKey & { at: Millis }) | null;
  visitCount: number;
  firstVisit: Millis | null;
  lastVisit: Millis | null;
  /**
   * Chapters posted when the reader last opened the work's own page: what a listing's count is new
   * against, also for a one-shot (whose page lists no chapters). Absent until such a visit.
   */
  seenPosted?: number;
}

/** The kind of page a work's facts came from: the work's own page, or a blurb on a listing. */
export type FactsPage = 'work' | 'listing';

/**
 * Which page gave a record's facts, and when the reader's browser showed it:
 * a listing blurb may replace what the work's own page said only with a
 * revision made after that page was seen (merge-work.ts). Kept in the
 * database only: backup files hold the facts without it.
 */
export interface FactsSource {
  page: FactsPage;
  at: Millis;
}

/** A works record's facts with their source, when known (records from before it was kept, or imported, have none). */
export interface SourcedWorkRecord extends WorkRecord {
  factsFrom?: FactsSource;
}

/**
 * The works store's record of a work someone showed the reader: its facts, its
 * reading once the reader has read it, and its entry in the saved list once
 * saved. The reader's relation to the work lives inside the work's record so
 * that writing a work's data is one write, not three, and reading a listing's
 * state is one read per work: the store pays a fixed cost per record read or
 * written (see VisitBucket).
 */
export interface SeenWork extends SourcedWorkRecord {
  reading?: ReadingRecord;
  saved?: SavedRecord;
}

/**
 * A work read or saved but whose facts no page has given (an archive History
 * entry for a deleted work, a work saved by id, a backup's reading or saved
 * record without its work): its id, and its reading, its saved entry or both
 * (a record with neither is deleted, not kept).
 */
export interface UnseenWork {
  workId: number;
  reading?: ReadingRecord;
  saved?: SavedRecord;
}

/** What the works store holds for one work. */
export type StoredWork = SeenWork | UnseenWork;

/** One entry of the visits log. */
export interface VisitEntry {
  workId: number;
  chapterId: number | null;
  position: number | null;
  at: Millis;
}

/**
 * The visits store holds the append-only log in buckets of consecutive
 * entries: Chromium pays a fixed ~40-90 µs per stored record, so 300,000
 * single-visit records would make export and import take tens of seconds.
 */
export interface VisitBucket {
  seq: number;
  entries: VisitEntry[];
}

export const SAVED_STATUSES = ['to-read', 'reading', 'finished', 'on-hold', 'dropped'] as const;
export type SavedStatus = (typeof SAVED_STATUSES)[number];

/** A work's entry in the saved list (kept in the work's StoredWork). */
export interface SavedRecord {
  workId: number;
  status: SavedStatus;
  added: Millis;
  changed: Millis;
  note: string;
}

/** The rules store keeps the rules engine's own Rule records, checked by its validator. */
export type RuleRecord = Rule;

/** The settings store: one record per setting, so imports can merge them one by one. */
export interface SettingRecord {
  key: string;
  value: unknown;
  changed: Millis;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export const BACKUP_REASONS = ['daily', 'before-restore', 'before-import'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface StoreCounts {
  works: number;
  reading: number;
  visits: number;
  saved: number;
  rules: number;
  settings: number;
}

/** An automatic backup's description; its file text sits in `backupFiles` under the same id. */
export interface BackupMeta {
  id: number;
  createdAt: Millis;
  reason: BackupReason;
  counts: StoreCounts;
  chars: number;
}

/** Everything a backup holds: a list per kind of record (works, reading and saved split out of the works store, visits flattened out of their buckets). */
export interface BackupData {
  works: WorkRecord[];
  reading: ReadingRecord[];
  visits: VisitEntry[];
  saved: SavedRecord[];
  rules: RuleRecord[];
  settings: SettingRecord[];
  /** What the archive files under each tag a rule names, as learned (format version 2). */
  families: TagFamily[];
}
