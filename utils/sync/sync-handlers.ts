/** The background's handlers for Settings › Sync (spread into utils/messaging/handlers.ts). */
import type { ShelfmarkDb } from '../db/schema';
import { setSettings } from '../db/settings';
import type { Millis } from '../db/types';
import type { ReplyValue, RequestOf } from '../messaging/protocol';
import type { SyncEngine } from './engine';

type SyncRequests = 'sync/status' | 'sync/remove';

export function syncHandlers(getDb: () => Promise<ShelfmarkDb>, now: () => Millis, sync: SyncEngine | undefined): { [T in SyncRequests]: (request: RequestOf<T>) => Promise<ReplyValue<T>> } {
  const engine = () => {
    if (!sync) throw new Error('sync is not running in this background');
    return sync;
  };
  return {
    'sync/status': async () => ({ status: await engine().status() }),
    'sync/remove': async () => {
      // Off first, so no pass sends the data again in between.
      await setSettings(await getDb(), { syncEnabled: false }, now());
      await engine().removeAreaData();
      return null;
    },
  };
}
