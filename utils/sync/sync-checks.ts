/** Checks of the sync requests and replies (spread into utils/messaging/checks.ts). */
import { bool, type Check, int, nullable, object, oneOf, str } from '../db/check';
import type { SyncProblem } from '../db/sync-state';
import type { Protocol, ReplyValue, RequestOf } from '../messaging/protocol';
import type { SyncStatus } from './engine';
import type { LeftOut } from './fit';

type SyncRequests = 'sync/status' | 'sync/remove';

const time = int({ min: 0 });
const kinds = object<LeftOut>({ rules: int({ min: 0 }), settings: int({ min: 0 }), saved: int({ min: 0 }), progress: int({ min: 0 }) });
const problem = object<SyncProblem>({ kind: oneOf('partial', 'corrupt', 'newer', 'write-failed', 'error'), at: time, detail: str({ max: 2_000 }) }, ['detail']);

const checkSyncStatus = object<SyncStatus>({
  available: bool,
  enabled: bool,
  pending: bool,
  everSynced: bool,
  lastSent: nullable(time),
  lastReceived: nullable(time),
  bytes: int({ min: 0 }),
  quotaBytes: int({ min: 0 }),
  synced: nullable(kinds),
  leftOut: nullable(kinds),
  problem: nullable(problem),
});

export const SYNC_REQUEST_CHECKS: { [T in SyncRequests]: Check<Omit<RequestOf<T>, 'type'>> } = {
  'sync/status': object({}),
  'sync/remove': object<Protocol['sync/remove']['request']>({
    confirm: ((v, path) => (v === true ? null : `${path}: removing Shelfmark's data from browser sync needs confirm: true`)) as Check<true>,
  }),
};

export const SYNC_REPLY_CHECKS: { [T in SyncRequests]: Check<ReplyValue<T>> } = {
  'sync/status': object({ status: checkSyncStatus }),
  'sync/remove': (value, path) => (value === null ? null : `${path}: expected null`),
};
