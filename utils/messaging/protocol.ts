/**
 * The one message protocol between the extension's pages and content scripts
 * and the background, which alone holds the database. Every request is
 * `{ type, ...fields }`; every reply is `{ ok: true, value } | { ok: false, error }`.
 * New features add request types; existing ones keep their shapes.
 */
import type { Blurb, ListingKind, PageKind } from '../ao3/types';
import type { ImportMode } from '../db/data-transfer';
import type { RuleInput } from '../db/rule-checks';
import type { Settings } from '../db/settings';
import type { BackupMeta, ChapterKey, ReadingRecord, RuleRecord, SavedRecord, SavedStatus, WorkFacts } from '../db/types';
import type { WorkState } from '../db/work-state';
import type { HistoryEntry } from '../db/history-entry';
import type { HistoryImportSummary } from '../db/history-import';
import type { TrackingMode } from '../db/tracking-mode';
import type { SuggestQuery, TagSuggestion } from '../db/tag-suggestions';
import type { ImportSummary } from '../backup/restore';
import type { LibraryRow, SavedImportItem } from '../db/library';
import type { RulesImportMode } from '../db/library-rules';
import type { LoggedVisit, VisitDeletion, VisitPage } from '../db/history-log';
import type { AlwaysShownWork } from '../db/always-show';
import type { SyncStatus } from '../sync/engine';
import type { FamilyStatus } from '../wrangling/family-service';
import type { SlotReply } from '../wrangling/archive-queue';

export interface PageReportBlurb {
  type: Blurb['type'];
  workId: number | null;
  title: string;
}

/** What the content script found on a page; besides these fields, any number of named counts. */
export interface PageReport {
  url: string;
  kind: PageKind;
  listingKind: ListingKind | null;
  blurbs: PageReportBlurb[];
  [count: string]: unknown;
}

/**
 * The works one `works/state` may ask about. Ids are small and cost one record read
 * each (20,000 take about a second), so every page the archive serves, and far larger
 * ones, gets its state in one round trip; a content script splits what is beyond.
 */
export const MAX_STATE_IDS = 20_000;
/** The snapshots one `works/state` may carry (a few kilobytes each): a page's other works are just not refreshed. */
export const MAX_STATE_SNAPSHOTS = 2_000;

/** A request with nothing but its type. */
export type NoFields = Record<never, never>;

export interface Protocol {
  /** A work or chapter page was opened: snapshot the work, count the visit, log it. */
  'visit/record': { request: { work: WorkFacts; chapter: ChapterKey | null }; reply: { reading: ReadingRecord } };
  /**
   * Everything a page shows about the reader's relation to these works, in one round trip.
   * A listing sends its blurbs' snapshots along (`snapshot`): those of works the reader has a
   * reading or saved record for are merged into the works store after the reply, unless
   * tracking is paused or the window is private. `tracking` says whether this page may record.
   */
  'works/state': { request: { workIds: number[]; snapshot?: WorkFacts[] }; reply: { states: WorkState[]; tracking: TrackingMode } };
  /** Listing blurbs: merged into the works store, moving forward only. */
  'works/snapshot': { request: { works: WorkFacts[] }; reply: { stored: number } };
  'reading/mark-chapters': { request: { workId: number; chapters: ChapterKey[]; read: boolean }; reply: { reading: ReadingRecord } };
  'reading/position': { request: { workId: number; chapter: ChapterKey; scroll: number }; reply: null };
  /** A chapter read to its end in `activeMs` of active time: one sample of the reader's speed, if a plausible one. */
  'reading/speed-sample': { request: { words: number; activeMs: number }; reply: { added: boolean } };
  'saved/set': { request: { workId: number; status: SavedStatus; note?: string; work?: WorkFacts }; reply: { saved: SavedRecord } };
  'saved/remove': { request: { workId: number }; reply: { removed: boolean } };
  /** Entries read from the reader's own History / Marked for Later pages; idempotent. */
  'history/import': { request: { entries: HistoryEntry[] }; reply: { summary: HistoryImportSummary } };
  'rules/list': { request: NoFields; reply: { rules: RuleRecord[] } };
  'rules/put': { request: { rule: RuleInput }; reply: { rule: RuleRecord } };
  'rules/delete': { request: { id: string }; reply: { removed: boolean } };
  'rules/reorder': { request: { ids: string[] }; reply: { rules: RuleRecord[] } };
  'settings/get': { request: NoFields; reply: { settings: Settings } };
  'settings/set': { request: { values: Partial<Settings> }; reply: { settings: Settings } };
  /** "Always show this work" on or off for one work, read and written in one transaction (placeholders, dimmed blurbs, work pages, the options page). */
  'alwaysShow/set': { request: { workId: number; show: boolean }; reply: { alwaysShow: number[] } };
  /** The always-shown works, with titles and creators where the works store has them (the options page). */
  'alwaysShow/list': { request: NoFields; reply: { works: AlwaysShownWork[] } };
  /** Puts the whole backup file in the transfer area (transfer-area.ts) for the page to take. */
  'backup/export': { request: NoFields; reply: { transferId: string; chars: number; fileName: string } };
  /**
   * Imports the file the page put in the transfer area: checked in full, then written in one
   * transaction. `replace` needs `confirmReplace: true`, sent only after the reader confirmed.
   */
  'backup/import': { request: { transferId: string; mode: ImportMode; confirmReplace?: boolean }; reply: { summary: ImportSummary } };
  'backups/list': { request: NoFields; reply: { backups: BackupMeta[] } };
  /** Replaces the data with an automatic backup (after taking one of the current data, to undo). */
  'backups/restore': { request: { id: number; confirm: true }; reply: { summary: ImportSummary } };
  /** The content script's report of the page in its tab (kept per tab for the popup). */
  'page/report': { request: { report: PageReport }; reply: null };
  'page/get-report': { request: { tabId: number }; reply: { report: PageReport | null } };
  /** The options page's library: one compact row per work saved or read. */
  'library/list': { request: NoFields; reply: { rows: LibraryRow[] } };
  /** A status for many works, or off the saved list (`status: null`), in one transaction; `previous` is for Undo. */
  'saved/bulk': { request: { workIds: number[]; status: SavedStatus | null }; reply: { previous: SavedRecord[] } };
  /** Undo: these saved records back as they were, these works off the saved list. */
  'saved/restore': { request: { records: SavedRecord[]; removeIds: number[] }; reply: { restored: number } };
  /** Works from a reading list (CSV) saved as "to read", titles kept as given; nothing is fetched. */
  'saved/import': { request: { items: SavedImportItem[] }; reply: { addedIds: number[]; alreadySaved: number } };
  /** The visits log, newest first, a page (whole buckets, at least `limit` entries) at a time. */
  'visits/list': { request: { before: number | null; limit: number; workIds?: number[] }; reply: VisitPage };
  /** Deletes entries, a span of time (`from` ≤ at < `to`) or everything; returns the removed entries for Undo (none for `all`). */
  'visits/delete': { request: { target: VisitDeletion }; reply: { removed: LoggedVisit[]; count: number } };
  'visits/restore': { request: { entries: LoggedVisit[] }; reply: { restored: number } };
  /** Rules alone from a rules file: merged by id, or replacing every rule (`confirmReplace: true`). */
  'rules/import': { request: { rules: RuleInput[]; mode: RulesImportMode; confirmReplace?: boolean }; reply: { rules: RuleRecord[] } };
  /** Tags for the rule editor's autocomplete, from the works the reader visited most recently. */
  'tags/suggest': { request: SuggestQuery; reply: { tags: TagSuggestion[] } };
  /**
   * "Delete all my data": every store of the database but its schema version, automatic backups
   * included, and everything in `storage.local`. Sent only after the reader confirmed.
   */
  'data/wipe': { request: { confirm: true }; reply: null };
  /** Settings › Sync: what browser sync holds, when it last sent and received, what stays on this device. */
  'sync/status': { request: NoFields; reply: { status: SyncStatus } };
  /** Turns sync off here and removes Shelfmark's items from the browser's sync area (after the reader confirmed). */
  'sync/remove': { request: { confirm: true }; reply: null };
  /** What the archive files under these tags, as learned, and what is being learned now (the rule editor asks while it shows one). */
  'families/status': { request: { names: string[] }; reply: { enabled: boolean; families: FamilyStatus[] } };
  /** "Refresh from the archive": this tag's family learned next, whatever its age. */
  'families/refresh': { request: { name: string }; reply: { status: FamilyStatus } };
  /**
   * The History import's turn in the one polite queue to the archive (archive-queue.ts): answered once
   * its turn comes, or at once with the time to come back when the archive asked to wait.
   */
  'archive/turn': { request: NoFields; reply: SlotReply };
  /** The archive refused a page the History import fetched (429/503): the queue waits as the archive asked. */
  'archive/refused': { request: { status: number; retryAfter: string | null }; reply: null };
}

export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = { type: T } & Protocol[T]['request'];
export type ReplyValue<T extends RequestType> = Protocol[T]['reply'];
export type Reply<T extends RequestType> = { ok: true; value: ReplyValue<T> } | { ok: false; error: string };
export type AnyRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

/** Requests that record the reader's activity: refused from private windows unless the reader allowed it. */
export const RECORDING_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'visit/record',
  'works/snapshot',
  'reading/mark-chapters',
  'reading/position',
  'reading/speed-sample',
  'saved/set',
  'saved/restore',
  'history/import',
]);

export const PRIVATE_WINDOW_ERROR = 'private window';

/** Requests only the extension's own pages may make (a content script must never replace the reader's data). */
export const EXTENSION_PAGE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'backup/export', 'backup/import', 'backups/list', 'backups/restore',
  'library/list', 'saved/bulk', 'saved/import', 'visits/list', 'visits/delete', 'visits/restore', 'rules/import',
  'data/wipe',
  'alwaysShow/list',
  'sync/status', 'sync/remove',
  'families/refresh',
]);

export const EXTENSION_PAGE_ERROR = "only the extension's own pages may do this";
