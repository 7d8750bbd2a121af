/**
 * The background's message entry point: drops messages from anyone but this
 * extension's pages and content scripts, checks the request, applies the
 * private-window rule, runs the handler and checks its reply.
 */
import { getSettings } from '../db/settings';
import { checkReply, checkRequest, withoutBadEntries } from './checks';
import { type BackgroundDeps, createHandlers, type RequestContext } from './handlers';
import { MIRRORED_REQUESTS } from './listing-mirror';
import { SYNCED_REQUESTS } from '../sync/sync-requests';
import { stateEffectOf } from './state-effects';
import {
  type AnyRequest,
  EXTENSION_PAGE_ERROR,
  EXTENSION_PAGE_REQUESTS,
  PRIVATE_WINDOW_ERROR,
  RECORDING_REQUESTS,
  type Reply,
  type RequestType,
} from './protocol';
import { isExtensionPage, isTrustedSender, type OwnIdentity, type SenderInfo } from './sender';

export interface RouterDeps extends BackgroundDeps {
  identity: OwnIdentity;
}

/** Returns a promise of the reply, or undefined for messages to ignore (no reply at all). */
export type MessageHandler = (message: unknown, sender: SenderInfo) => Promise<Reply<RequestType>> | undefined;

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createMessageHandler(deps: RouterDeps): MessageHandler {
  const handlers = createHandlers(deps);

  async function handle(request: AnyRequest, sender: SenderInfo): Promise<Reply<RequestType>> {
    if (EXTENSION_PAGE_REQUESTS.has(request.type) && !isExtensionPage(sender, deps.identity)) {
      return { ok: false, error: EXTENSION_PAGE_ERROR };
    }
    if (sender.tab?.incognito && RECORDING_REQUESTS.has(request.type)) {
      const settings = await getSettings(await deps.getDb());
      if (!settings.recordPrivateWindows) return { ok: false, error: PRIVATE_WINDOW_ERROR };
    }
    const handler = handlers[request.type] as (request: AnyRequest, context: RequestContext) => Promise<unknown>;
    const value = await withStateFilter(request, () => handler(request, { tabId: sender.tab?.id, incognito: Boolean(sender.tab?.incognito) }));
    const problem = checkReply(request.type, value);
    if (problem) return { ok: false, error: `internal error: the background built an invalid reply (${problem})` };
    if (MIRRORED_REQUESTS.has(request.type)) {
      // The change is stored either way; a stale mirror only delays it reaching open tabs (the next start rebuilds it).
      await deps.listingMirror.refresh().catch((error: unknown) => {
        console.warn('Shelfmark: could not update the rules for open tabs.', error);
      });
      // A new exact tag rule (editor, quick action, import, restore) or learning turned on: learn what it needs.
      deps.wrangling?.families.sync().catch((error: unknown) => {
        console.warn('Shelfmark: could not start learning tag families.', error);
      });
    }
    if (SYNCED_REQUESTS.has(request.type)) {
      // Marked in the database and sent within a minute; a failure here only delays it (the next change marks it again).
      await deps.sync?.noteLocalChange().catch((error: unknown) => {
        console.warn('Shelfmark: could not mark a change for browser sync.', error);
      });
    }
    return { ok: true, value } as Reply<RequestType>;
  }

  /**
   * Runs a request with the filter of works that may have a state kept true: the works it may give
   * a state are added before it runs; around a write of many works the filter is withdrawn and built again.
   */
  async function withStateFilter<R>(request: AnyRequest, run: () => Promise<R>): Promise<R> {
    const filter = deps.stateFilter;
    const effect = stateEffectOf(request);
    if (!filter || (effect !== 'rebuild' && effect.length === 0)) return run();
    if (effect !== 'rebuild') {
      await filter.add(effect);
      return run();
    }
    await filter.withdraw();
    try {
      return await run();
    } finally {
      await filter.rebuild();
    }
  }

  return (message, sender) => {
    if (!isTrustedSender(sender, deps.identity)) return undefined;
    const request = withoutBadEntries(message);
    const problem = checkRequest(request);
    if (problem) return Promise.resolve({ ok: false, error: `invalid request: ${problem}` });
    return handle(request as AnyRequest, sender)
      .catch((error: unknown): Reply<RequestType> => ({ ok: false, error: errorMessage(error) }))
      .finally(() => {
        void deps.dailySnapshots?.runIfDue();
      });
  };
}
