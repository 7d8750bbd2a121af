/**
 * Checks of every request and every reply. The background checks each
 * request before handling it and each reply before sending it.
 */
import type { ListingKind, PageKind, TagType } from '../ao3/types';
import { array, bool, type Check, describe, int, isPlainObject, nullable, num, object, oneOf, str } from '../db/check';
import {
  checkChapterKey,
  checkReadingRecord,
  checkSavedRecord,
  checkWorkFacts,
  SAVED_NOTE,
  time,
  workId,
} from '../db/record-checks';
import { checkRuleInput, checkRuleRecord, RULE_ID } from '../db/rule-checks';
import { checkSettings, checkSettingsPatch } from '../db/settings';
import { BACKUP_REASONS, SAVED_STATUSES, type BackupMeta, type StoreCounts } from '../db/types';
import type { WorkState } from '../db/work-state';
import type { AlwaysShownWork } from '../db/always-show';
import { checkHistoryEntry, checkHistorySummary, checkKnownChapters, checkTrackingMode, MAX_HISTORY_ENTRIES } from '../db/reading-checks';
import type { SuggestQuery, TagSuggestion } from '../db/tag-suggestions';
import type { ImportSummary } from '../backup/restore';
import { LIBRARY_REPLY_CHECKS, LIBRARY_REQUEST_CHECKS } from '../db/library-checks';
import { SYNC_REPLY_CHECKS, SYNC_REQUEST_CHECKS } from '../sync/sync-checks';
import { FAMILY_REPLY_CHECKS, FAMILY_REQUEST_CHECKS } from '../db/tag-family-checks';
import { TRANSFER_ID_PATTERN } from '../backup/transfer-area';
import { MAX_STATE_IDS, MAX_STATE_SNAPSHOTS, type NoFields, type PageReport, type PageReportBlurb, type Protocol, type ReplyValue, type RequestOf, type RequestType } from './protocol';

/** Listing pages show at most a few hundred works; the cap only stops absurd requests. */
const MAX_WORKS_PER_REQUEST = 2_000;

const PAGE_KINDS = ['listing', 'work', 'chapter-index', 'adult-interstitial', 'tag', 'restricted', 'not-found', 'other'] as const satisfies readonly PageKind[];
const LISTING_KINDS = [
  'tag-works', 'works', 'search', 'user-works', 'collection-works', 'gifts', 'series', 'series-index',
  'bookmarks', 'work-bookmarks', 'readings', 'tag', 'dashboard', 'home', 'other',
] as const satisfies readonly ListingKind[];
const BLURB_TYPES = ['work', 'series', 'bookmark', 'mystery', 'deleted', 'error'] as const satisfies readonly PageReportBlurb['type'][];

const TAG_TYPES = ['rating', 'warning', 'category', 'fandom', 'relationship', 'character', 'freeform'] as const satisfies readonly TagType[];
const tagSuggestion = object<TagSuggestion>({ name: str({ nonEmpty: true, max: 10_000 }), type: oneOf(...TAG_TYPES), count: int({ min: 1 }) });

const reportBlurb = object<PageReportBlurb>({ type: oneOf(...BLURB_TYPES), workId: nullable(workId), title: str({ max: 10_000 }) });
const REPORT_FIELDS = new Set(['url', 'kind', 'listingKind', 'blurbs']);

/** The named fields strictly; every other field must be a count (a finite number). */
export const checkPageReport: Check<PageReport> = (value, path) => {
  if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  const problem =
    str({ max: 10_000 })(value.url, `${path}.url`) ??
    oneOf(...PAGE_KINDS)(value.kind, `${path}.kind`) ??
    nullable(oneOf(...LISTING_KINDS))(value.listingKind, `${path}.listingKind`) ??
    array(reportBlurb, { max: 10_000 })(value.blurbs, `${path}.blurbs`);
  if (problem) return problem;
  for (const [key, field] of Object.entries(value)) {
    if (!REPORT_FIELDS.has(key) && (typeof field !== 'number' || !Number.isFinite(field))) {
      return `${path}.${key}: expected a count, got ${describe(field)}`;
    }
  }
  return null;
};

const nothing = object<NoFields>({});
const transferId = str({ pattern: TRANSFER_ID_PATTERN });

type RequestChecks = { [T in RequestType]: Check<Omit<RequestOf<T>, 'type'>> };

const REQUEST_FIELDS: RequestChecks = {
  'visit/record': object<Protocol['visit/record']['request']>({ work: checkWorkFacts, chapter: nullable(checkChapterKey) }),
  'works/state': object<Protocol['works/state']['request']>(
    { workIds: array(workId, { max: MAX_STATE_IDS }), snapshot: array(checkWorkFacts, { max: MAX_STATE_SNAPSHOTS }) },
    ['snapshot'],
  ),
  'works/snapshot': object({ works: array(checkWorkFacts, { max: MAX_WORKS_PER_REQUEST }) }),
  'reading/mark-chapters': object({ workId, chapters: array(checkChapterKey, { max: 100_000 }), read: bool }),
  'reading/position': object({ workId, chapter: checkChapterKey, scroll: num({ min: 0, max: 1 }) }),
  'reading/speed-sample': object({ words: int({ min: 0, max: 10_000_000 }), activeMs: int({ min: 0, max: 7 * 24 * 3_600_000 }) }),
  'saved/set': object<Protocol['saved/set']['request']>(
    { workId, status: oneOf(...SAVED_STATUSES), note: SAVED_NOTE, work: checkWorkFacts },
    ['note', 'work'],
  ),
  'saved/remove': object({ workId }),
  'history/import': object({ entries: array(checkHistoryEntry, { max: MAX_HISTORY_ENTRIES }) }),
  'rules/list': nothing,
  'rules/put': object({ rule: checkRuleInput }),
  'rules/delete': object({ id: RULE_ID }),
  'rules/reorder': object({ ids: array(RULE_ID, { max: 100_000 }) }),
  'settings/get': nothing,
  'settings/set': object({ values: checkSettingsPatch }),
  'alwaysShow/set': object({ workId, show: bool }),
  'alwaysShow/list': nothing,
  'backup/export': nothing,
  'backup/import': object<Protocol['backup/import']['request']>(
    { transferId, mode: oneOf('merge', 'replace'), confirmReplace: bool },
    ['confirmReplace'],
  ),
  'backups/list': nothing,
  'backups/restore': object<Protocol['backups/restore']['request']>({ id: int({ min: 1 }), confirm: ((v, path) => (v === true ? null : `${path}: restoring replaces all data and needs confirm: true`)) as Check<true> }),
  'page/report': object({ report: checkPageReport }),
  'page/get-report': object({ tabId: int({ min: 0 }) }),
  ...LIBRARY_REQUEST_CHECKS,
  'tags/suggest': object<SuggestQuery>({ prefix: str({ max: 200 }), slot: oneOf('any', ...TAG_TYPES), limit: int({ min: 1, max: 50 }) }, ['slot', 'limit']),
  'data/wipe': object<Protocol['data/wipe']['request']>({ confirm: ((v, path) => (v === true ? null : `${path}: deleting all data needs confirm: true`)) as Check<true> }),
  ...SYNC_REQUEST_CHECKS,
  ...FAMILY_REQUEST_CHECKS,
};

function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(REQUEST_FIELDS, type);
}

/**
 * Lists built from what a page shows, one entry per work on it: an entry that fails
 * its check (a page script's forged blurb, markup the page model read oddly) is left
 * out, so the page's other works still get their answer.
 */
const LENIENT_LISTS: Partial<Record<RequestType, Record<string, Check<unknown>>>> = {
  'works/state': { workIds: workId, snapshot: checkWorkFacts },
};

/** The message with the failing entries of its lenient lists left out (a copy; anything else as it was), for `checkRequest`. */
export function withoutBadEntries(message: unknown): unknown {
  if (!isPlainObject(message) || !isRequestType(message.type)) return message;
  const lists = LENIENT_LISTS[message.type];
  if (!lists) return message;
  const request = { ...message };
  for (const [field, check] of Object.entries(lists)) {
    const list = request[field];
    if (Array.isArray(list)) request[field] = list.filter((entry, i) => check(entry, `request.${field}[${i}]`) === null);
  }
  return request;
}

/** The first problem with a message as a request, or null when it is a valid request. */
export function checkRequest(message: unknown): string | null {
  if (!isPlainObject(message)) return `request: expected an object, got ${describe(message)}`;
  if (!isRequestType(message.type)) return `request.type: unknown request type ${describe(message.type)}`;
  const { type, ...fields } = message;
  return REQUEST_FIELDS[type](fields, 'request');
}

const counts = object<StoreCounts>({ works: int(), reading: int(), visits: int(), saved: int(), rules: int(), settings: int() });
const backupMeta = object<BackupMeta>({ id: int({ min: 1 }), createdAt: time, reason: oneOf(...BACKUP_REASONS), counts, chars: int({ min: 0 }) });
const importSummary = object<ImportSummary>({
  mode: oneOf('merge', 'replace'),
  received: counts,
  visitsAdded: int({ min: 0 }),
  undoBackupId: nullable(int({ min: 1 })),
  upgradedFrom: nullable(int()),
});
const workState = object<WorkState>({ workId, reading: nullable(checkReadingRecord), saved: nullable(checkSavedRecord), chapters: checkKnownChapters });
const alwaysShownWork = object<AlwaysShownWork>({ workId, title: nullable(str({ max: 10_000 })), authors: array(str({ max: 10_000 }), { max: 10_000 }) });
const none: Check<null> = (value, path) => (value === null ? null : `${path}: expected null, got ${describe(value)}`);

const REPLY_CHECKS: { [T in RequestType]: Check<ReplyValue<T>> } = {
  'visit/record': object({ reading: checkReadingRecord }),
  'works/state': object({ states: array(workState), tracking: checkTrackingMode }),
  'works/snapshot': object({ stored: int({ min: 0 }) }),
  'reading/mark-chapters': object({ reading: checkReadingRecord }),
  'reading/position': none,
  'reading/speed-sample': object({ added: bool }),
  'saved/set': object({ saved: checkSavedRecord }),
  'saved/remove': object({ removed: bool }),
  'history/import': object({ summary: checkHistorySummary }),
  'rules/list': object({ rules: array(checkRuleRecord) }),
  'rules/put': object({ rule: checkRuleRecord }),
  'rules/delete': object({ removed: bool }),
  'rules/reorder': object({ rules: array(checkRuleRecord) }),
  'settings/get': object({ settings: checkSettings }),
  'settings/set': object({ settings: checkSettings }),
  'alwaysShow/set': object({ alwaysShow: array(workId) }),
  'alwaysShow/list': object({ works: array(alwaysShownWork) }),
  'backup/export': object({ transferId, chars: int({ min: 0 }), fileName: str() }),
  'backup/import': object({ summary: importSummary }),
  'backups/list': object({ backups: array(backupMeta) }),
  'backups/restore': object({ summary: importSummary }),
  'page/report': none,
  'page/get-report': object({ report: nullable(checkPageReport) }),
  ...LIBRARY_REPLY_CHECKS,
  'tags/suggest': object({ tags: array(tagSuggestion, { max: 50 }) }),
  'data/wipe': none,
  ...SYNC_REPLY_CHECKS,
  ...FAMILY_REPLY_CHECKS,
};

export function checkReply<T extends RequestType>(type: T, value: unknown): string | null {
  return REPLY_CHECKS[type](value, 'reply');
}
