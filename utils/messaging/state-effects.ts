/**
 * What each request may do to the set of works with a reader state, for the
 * filter content scripts read (state-filter-mirror.ts). Every request type is
 * named here, so a new one cannot be added without deciding: the works it may
 * give a state (added before it runs), a build of the whole filter around it
 * (a write of many works), or nothing (it reads, or only takes states away).
 */
import type { RequestOf, RequestType } from './protocol';

export type StateEffect<T extends RequestType> = 'none' | 'rebuild' | ((request: RequestOf<T>) => readonly number[]);

const none = 'none' as const;
const rebuild = 'rebuild' as const;

export const STATE_EFFECTS: { [T in RequestType]: StateEffect<T> } = {
  'visit/record': ({ work }) => [work.workId],
  'works/state': none,
  'works/snapshot': none,
  'reading/mark-chapters': ({ workId, read }) => (read ? [workId] : []),
  'reading/position': ({ workId }) => [workId],
  'reading/speed-sample': none,
  'saved/set': ({ workId }) => [workId],
  'saved/remove': none,
  'history/import': ({ entries }) => entries.map((entry) => entry.workId),
  'rules/list': none,
  'rules/put': none,
  'rules/delete': none,
  'rules/reorder': none,
  'settings/get': none,
  'settings/set': none,
  'alwaysShow/set': none,
  'alwaysShow/list': none,
  'backup/export': none,
  'backup/import': rebuild,
  'backups/list': none,
  'backups/restore': rebuild,
  'page/report': none,
  'page/get-report': none,
  'library/list': none,
  'saved/bulk': ({ workIds, status }) => (status === null ? [] : workIds),
  'saved/restore': ({ records }) => records.map((record) => record.workId),
  'saved/import': ({ items }) => items.map((item) => item.workId),
  'visits/list': none,
  'visits/delete': none,
  'visits/restore': ({ entries }) => entries.map((entry) => entry.workId),
  'rules/import': none,
  'tags/suggest': none,
  'data/wipe': rebuild,
  'sync/status': none,
  'sync/remove': none,
  'families/status': none,
  'families/refresh': none,
  'archive/turn': none,
  'archive/refused': none,
};

/** The works `request` may give a state, or 'rebuild', or none. */
export function stateEffectOf<T extends RequestType>(request: RequestOf<T> & { type: T }): readonly number[] | 'rebuild' {
  const effect = STATE_EFFECTS[request.type] as StateEffect<T>;
  if (effect === 'none') return [];
  if (effect === 'rebuild') return 'rebuild';
  return effect(request);
}
