/** The background's handlers for the library, History and rules-import requests (spread into utils/messaging/handlers.ts). */
import type { ReplyValue, RequestOf } from '../messaging/protocol';
import { deleteVisits, listVisits, restoreVisits } from './history-log';
import { bulkSetSaved, importSaved, listLibrary, restoreSaved } from './library';
import { importRules } from './library-rules';
import type { ShelfmarkDb } from './schema';
import type { Millis } from './types';

type LibraryRequests = 'library/list' | 'saved/bulk' | 'saved/restore' | 'saved/import' | 'visits/list' | 'visits/delete' | 'visits/restore' | 'rules/import';

export function libraryHandlers(getDb: () => Promise<ShelfmarkDb>, now: () => Millis): { [T in LibraryRequests]: (request: RequestOf<T>) => Promise<ReplyValue<T>> } {
  return {
    'library/list': async () => ({ rows: await listLibrary(await getDb()) }),
    'saved/bulk': async ({ workIds, status }) => ({ previous: await bulkSetSaved(await getDb(), workIds, status, now()) }),
    'saved/restore': async ({ records, removeIds }) => ({ restored: await restoreSaved(await getDb(), records, removeIds) }),
    'saved/import': async ({ items }) => importSaved(await getDb(), items, now()),
    'visits/list': async ({ before, limit, workIds }) => listVisits(await getDb(), before, limit, workIds),
    'visits/delete': async ({ target }) => deleteVisits(await getDb(), target),
    'visits/restore': async ({ entries }) => ({ restored: await restoreVisits(await getDb(), entries) }),
    'rules/import': async ({ rules, mode }) => ({ rules: await importRules(await getDb(), rules, mode, now()) }),
  };
}
