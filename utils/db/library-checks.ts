/** Checks of the library's, History's and rules-import requests and replies (spread into utils/messaging/checks.ts). */
import type { Protocol, ReplyValue, RequestOf } from '../messaging/protocol';
import { array, bool, type Check, describe, int, isPlainObject, nullable, object, oneOf, str } from './check';
import type { LibraryRow, SavedImportItem } from './library';
import type { LoggedVisit, VisitDeletion, VisitPage } from './history-log';
import { checkSavedRecord, SAVED_NOTE, time, workId } from './record-checks';
import { checkRuleInput, checkRuleRecord } from './rule-checks';
import { SAVED_STATUSES } from './types';

/** The most works one bulk change, import or filter may name: far beyond any real library, it only stops absurd requests. */
export const MAX_LIBRARY_IDS = 200_000;
const MAX_VISITS = 1_000_000;

const status = oneOf(...SAVED_STATUSES);
const text = str({ max: 10_000 });
const names = array(str({ max: 2_000 }), { max: 10_000 });
const count = int({ min: 0 });
const chapterKey = object<{ id: number | null; position: number }>({ id: nullable(int({ min: 1 })), position: int({ min: 1 }) });

export const checkLibraryRow: Check<LibraryRow> = object<LibraryRow>({
  workId,
  title: text,
  authors: names,
  fandoms: names,
  tags: names,
  words: nullable(count),
  posted: nullable(count),
  expected: nullable(count),
  complete: nullable(bool),
  read: count,
  lastRead: nullable(time),
  status: nullable(status),
  note: SAVED_NOTE,
  added: nullable(time),
  updated: nullable(str({ pattern: /^\d{4}-\d{2}-\d{2}$/ })),
  next: nullable(chapterKey),
});

export const checkLoggedVisit: Check<LoggedVisit> = object<LoggedVisit>({
  seq: int({ min: 0 }),
  workId,
  chapterId: nullable(int({ min: 1 })),
  position: nullable(int({ min: 1 })),
  at: time,
});

const checkDeletion: Check<VisitDeletion> = (value, path) => {
  if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  switch (value.kind) {
    case 'entries':
      return object({ kind: oneOf('entries'), entries: array(checkLoggedVisit, { max: MAX_VISITS }) })(value, path);
    case 'range': {
      const problem = object({ kind: oneOf('range'), from: time, to: time })(value, path);
      return problem ?? ((value.from as number) < (value.to as number) ? null : `${path}: from must come before to`);
    }
    case 'all':
      return object({
        kind: oneOf('all'),
        confirm: ((v, p) => (v === true ? null : `${p}: deleting the whole history needs confirm: true`)) as Check<true>,
      })(value, path);
    default:
      return `${path}.kind: expected one of "entries", "range", "all", got ${describe(value.kind)}`;
  }
};

const importItem = object<SavedImportItem>({ workId, title: text });

type LibraryRequests = 'library/list' | 'saved/bulk' | 'saved/restore' | 'saved/import' | 'visits/list' | 'visits/delete' | 'visits/restore' | 'rules/import';

export const LIBRARY_REQUEST_CHECKS: { [T in LibraryRequests]: Check<Omit<RequestOf<T>, 'type'>> } = {
  'library/list': object({}),
  'saved/bulk': object({ workIds: array(workId, { max: MAX_LIBRARY_IDS }), status: nullable(status) }),
  'saved/restore': object({ records: array(checkSavedRecord, { max: MAX_LIBRARY_IDS }), removeIds: array(workId, { max: MAX_LIBRARY_IDS }) }),
  'saved/import': object({ items: array(importItem, { max: MAX_LIBRARY_IDS }) }),
  'visits/list': object<Protocol['visits/list']['request']>(
    { before: nullable(int({ min: 0 })), limit: int({ min: 1, max: 5_000 }), workIds: array(workId, { max: MAX_LIBRARY_IDS }) },
    ['workIds'],
  ),
  'visits/delete': object({ target: checkDeletion }),
  'visits/restore': object({ entries: array(checkLoggedVisit, { max: MAX_VISITS }) }),
  'rules/import': (value, path) => {
    const problem = object<Protocol['rules/import']['request']>(
      { rules: array(checkRuleInput, { max: 100_000 }), mode: oneOf('merge', 'replace'), confirmReplace: bool },
      ['confirmReplace'],
    )(value, path);
    if (problem || !isPlainObject(value)) return problem;
    return value.mode === 'replace' && value.confirmReplace !== true ? `${path}: replacing every rule needs confirmReplace: true` : null;
  },
};

export const LIBRARY_REPLY_CHECKS: { [T in LibraryRequests]: Check<ReplyValue<T>> } = {
  'library/list': object({ rows: array(checkLibraryRow) }),
  'saved/bulk': object({ previous: array(checkSavedRecord) }),
  'saved/restore': object({ restored: count }),
  'saved/import': object({ addedIds: array(workId), alreadySaved: count }),
  'visits/list': object<VisitPage>({ entries: array(checkLoggedVisit), nextBefore: nullable(int({ min: 0 })) }),
  'visits/delete': object({ removed: array(checkLoggedVisit), count }),
  'visits/restore': object({ restored: count }),
  'rules/import': object({ rules: array(checkRuleRecord) }),
};
