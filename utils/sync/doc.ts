/**
 * What Shelfmark keeps in the browser's sync area, decoded: one record per
 * rule, synced setting, saved entry and work's reading progress, each with
 * the clock the merge compares (merge.ts). Short keys and tuples, because
 * every byte counts against the area's 100 KB (limits.ts); the encoded form
 * is this JSON, compressed and split into items (codec.ts).
 */
import type { Millis, RuleRecord, SavedStatus } from '../db/types';

/** The format of the decoded document; a reader refuses a newer one rather than guess. */
export const SYNC_FORMAT = 1;

/** A device's id: a few random letters, made once per database (utils/db/sync-state.ts). */
export type DeviceId = string;

/** When a record last changed, and on which device: the newer wins, the larger device id breaks a tie. */
export interface Clock {
  t: Millis;
  d: DeviceId;
}

/** A rule, or null once deleted (a tombstone, kept TOMBSTONE_DAYS). */
export interface RuleEntry extends Clock {
  v: RuleRecord | null;
}

export interface SettingEntry extends Clock {
  v: unknown;
}

/** A saved entry: status, when first saved, note. */
export type SavedValue = [status: SavedStatus, added: Millis, note: string];

/** A work's entry in the saved list, or null once taken off it. */
export interface SavedEntry extends Clock {
  v: SavedValue | null;
}

/** A chapter read: its position and when it was read (ids stay local: the position is what every device agrees on). */
export type ReadMark = [position: number, at: Millis];
/** A chapter marked unread, and when: a dated change like any other. */
export type UnreadMark = [position: number, at: Millis];

/**
 * A work's reading progress. It needs no clock of its own: chapters read merge by union,
 * each chapter taking its latest change (read, or marked unread); the resume chapter is the
 * latest one; first and last visit the earliest and latest.
 */
export interface ProgressEntry {
  r: ReadMark[];
  u: UnreadMark[];
  /** The resume chapter: position, id, when. */
  l: [position: number, id: number | null, at: Millis] | null;
  f: Millis | null;
  v: Millis | null;
}

export interface SyncDoc {
  /** Rules by id. */
  r: Record<string, RuleEntry>;
  /** Synced settings by key (settings.ts: SYNCED_SETTINGS). */
  s: Record<string, SettingEntry>;
  /** Saved entries by work id. */
  w: Record<string, SavedEntry>;
  /** Reading progress by work id. */
  p: Record<string, ProgressEntry>;
  /** Titles of the works above, so another device's library can name them. */
  n: Record<string, string>;
}

export function emptyDoc(): SyncDoc {
  return { r: {}, s: {}, w: {}, p: {}, n: {} };
}

/** When a work was last read, for choosing which progress goes first when not all fits. */
export function progressRecency(entry: ProgressEntry): Millis {
  return Math.max(entry.v ?? 0, entry.l?.[2] ?? 0, ...entry.r.map((mark) => mark[1]));
}
