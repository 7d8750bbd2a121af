/** The background's handlers for tag families and the archive queue's turns (spread into utils/messaging/handlers.ts). */
import type { ShelfmarkDb } from '../db/schema';
import { getSettings } from '../db/settings';
import type { ReplyValue, RequestOf } from '../messaging/protocol';
import type { ArchiveQueue } from './archive-queue';
import type { FamilyService } from './family-service';

/** The History import's turn is refused at once (with the time to come back) rather than kept waiting longer than this. */
export const TURN_MAX_WAIT_MS = 20_000;

/** What the background keeps for talking to the archive: the queue and the learner using it. */
export interface Wrangling {
  queue: ArchiveQueue;
  families: FamilyService;
}

type FamilyRequests = 'families/status' | 'families/refresh' | 'archive/turn' | 'archive/refused';

const unavailable = (): never => {
  throw new Error('tag families are not available in this background');
};

export function familyHandlers(
  getDb: () => Promise<ShelfmarkDb>,
  wrangling: Wrangling | undefined,
): { [T in FamilyRequests]: (request: RequestOf<T>) => Promise<ReplyValue<T>> } {
  return {
    'families/status': async ({ names }) => {
      const families = wrangling ? await wrangling.families.status(names) : unavailable();
      return { enabled: (await getSettings(await getDb())).learnTagFamilies, families };
    },
    'families/refresh': async ({ name }) => {
      if (!wrangling) return unavailable();
      await wrangling.families.refresh(name);
      return { status: (await wrangling.families.status([name]))[0]! };
    },
    'archive/turn': async () => (wrangling ? wrangling.queue.slot(TURN_MAX_WAIT_MS) : { granted: true }),
    'archive/refused': async ({ status, retryAfter }) => {
      await wrangling?.queue.note(status, retryAfter);
      return null;
    },
  };
}
