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
import type { ImportSummary } from '../backup/restore';

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

/** A request with nothing but its type. */
export type NoFields = Record<never, never>;

export interface Protocol {
  /** A work or chapter page was opened: snapshot the work, count the visit, log it. */
  'visit/record': { request: { work: WorkFacts; chapter: ChapterKey | null }; reply: { reading: ReadingRecord } };
  /** Everything a page shows about the reader's relation to these works, in one round trip. */
  'works/state': { request: { workIds: number[] }; reply: { states: WorkState[] } };
  /** Listing blurbs: merged into the works store, moving forward only. */
  'works/snapshot': { request: { works: WorkFacts[] }; reply: { stored: number } };
  'reading/mark-chapters': { request: { workId: number; chapters: ChapterKey[]; read: boolean }; reply: { reading: ReadingRecord } };
  'reading/position': { request: { workId: number; chapter: ChapterKey; scroll: number }; reply: null };
  'saved/set': { request: { workId: number; status: SavedStatus; note?: string; work?: WorkFacts }; reply: { saved: SavedRecord } };
  'saved/remove': { request: { workId: number }; reply: { removed: boolean } };
  'rules/list': { request: NoFields; reply: { rules: RuleRecord[] } };
  'rules/put': { request: { rule: RuleInput }; reply: { rule: RuleRecord } };
  'rules/delete': { request: { id: string }; reply: { removed: boolean } };
  'rules/reorder': { request: { ids: string[] }; reply: { rules: RuleRecord[] } };
  'settings/get': { request: NoFields; reply: { settings: Settings } };
  'settings/set': { request: { values: Partial<Settings> }; reply: { settings: Settings } };
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
  'saved/set',
]);

export const PRIVATE_WINDOW_ERROR = 'private window';

/** Requests only the extension's own pages may make (a content script must never replace the reader's data). */
export const EXTENSION_PAGE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>(['backup/export', 'backup/import', 'backups/list', 'backups/restore']);

export const EXTENSION_PAGE_ERROR = "only the extension's own pages may do this";
