/**
 * The requests that change what sync carries: after one of them succeeds the router tells the
 * sync engine, which marks the change and sends it within a minute. One list here rather than a
 * call in every writer; deletions and "mark unread" are found by the engine's comparison with
 * its last merge (utils/db/sync-local.ts), so no writer needs to know about sync.
 */
import type { RequestType } from '../messaging/protocol';

export const SYNCED_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'visit/record',
  'reading/mark-chapters',
  'reading/position',
  'saved/set',
  'saved/remove',
  'saved/bulk',
  'saved/restore',
  'saved/import',
  'history/import',
  'rules/put',
  'rules/delete',
  'rules/reorder',
  'rules/import',
  'settings/set',
  'alwaysShow/set',
  'reading/speed-sample',
  'backup/import',
  'backups/restore',
]);
