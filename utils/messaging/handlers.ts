/** What the background does for each request, once the request has been checked. */
import { importBackupText, restoreSnapshot } from '../backup/restore';
import { exportBackupText } from '../backup/export';
import { backupFileName } from '../backup/format';
import { listSnapshots, type DailySnapshots } from '../backup/snapshots';
import { checkBackupSize } from '../backup/parse';
import { newTransferId, sweepStaleTransfers, type TransferArea } from '../backup/transfer-area';
import { deleteRule, listRules, putRule, reorderRules } from '../db/rules';
import { removeSaved, setSaved } from '../db/saved';
import type { ShelfmarkDb } from '../db/schema';
import { getSettings, setSettings } from '../db/settings';
import { listAlwaysShown, setAlwaysShow } from '../db/always-show';
import { markChapters, recordVisit, setScrollPosition, storeWorkSnapshots } from '../db/tracking';
import type { Millis } from '../db/types';
import { importHistory } from '../db/history-import';
import { addReadingSpeedSample } from '../db/reading-speed';
import { answerWorkStates } from '../db/reading-requests';
import { assertTracking } from '../db/tracking-mode';
import { suggestTags } from '../db/tag-suggestions';
import { libraryHandlers } from '../db/library-handlers';
import type { SyncEngine } from '../sync/engine';
import { syncHandlers } from '../sync/sync-handlers';
import { wipeDatabase } from '../db/wipe';
import { t } from '../i18n';
import { readUtf8 } from '../utf8';
import type { ListingMirror } from './listing-mirror';
import type { PageReports } from './page-reports';
import type { StateFilterMirror } from './state-filter-mirror';
import type { ReplyValue, RequestOf, RequestType } from './protocol';
import { finishWipe } from './recovery';
import { familyHandlers, type Wrangling } from '../wrangling/family-handlers';

export interface BackgroundDeps {
  getDb: () => Promise<ShelfmarkDb>;
  now: () => Millis;
  extensionVersion: string;
  pageReports: PageReports;
  transfers: TransferArea;
  /** The largest backup file accepted, in bytes. */
  maxImportBytes: number;
  /** Taken after replying, on the first message of each day. */
  dailySnapshots?: DailySnapshots;
  /** Where content scripts read the rules from; rewritten before replying to a request that changed them. */
  listingMirror: ListingMirror;
  /** The filter of works that may have a reader state, for content scripts (state-filter-mirror.ts); kept by the router. */
  stateFilter?: StateFilterMirror;
  /** The browser-sync engine (utils/sync/engine.ts): told of every change to synced data. */
  sync?: SyncEngine;
  /** The polite queue to the archive and the tag family learner (absent: families are not learned). */
  wrangling?: Wrangling;
}

export interface RequestContext {
  /** The sending tab, for content scripts (and extension pages open in a tab). */
  tabId: number | undefined;
  /** Sent from a private (incognito) window. */
  incognito?: boolean;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, context: RequestContext) => Promise<ReplyValue<T>> };

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { getDb, now, extensionVersion } = deps;
  const writeContext = () => ({ now: now(), extensionVersion });
  return {
    'visit/record': async ({ work, chapter }) => {
      const db = await getDb();
      await assertTracking(db);
      return { reading: await recordVisit(db, work, chapter, now()) };
    },
    'works/state': async ({ workIds, snapshot }, { incognito }) => {
      const { states, tracking } = await answerWorkStates(await getDb(), workIds, snapshot, incognito ?? false, now());
      return { states, tracking };
    },
    'works/snapshot': async ({ works }) => ({ stored: await storeWorkSnapshots(await getDb(), works, now()) }),
    'reading/mark-chapters': async ({ workId, chapters, read }) => ({
      reading: await markChapters(await getDb(), workId, chapters, read, now()),
    }),
    'reading/position': async ({ workId, chapter, scroll }) => {
      await assertTracking(await getDb());
      await setScrollPosition(await getDb(), workId, chapter, scroll, now());
      return null;
    },
    'reading/speed-sample': async ({ words, activeMs }) => {
      const db = await getDb();
      await assertTracking(db);
      return { added: (await addReadingSpeedSample(db, words, activeMs, now())).added };
    },
    'saved/set': async ({ type: _type, ...request }) => ({ saved: await setSaved(await getDb(), request, now()) }),
    'saved/remove': async ({ workId }) => ({ removed: await removeSaved(await getDb(), workId) }),
    'history/import': async ({ entries }) => ({ summary: await importHistory(await getDb(), entries, now()) }),
    'rules/list': async () => ({ rules: await listRules(await getDb()) }),
    'rules/put': async ({ rule }) => ({ rule: await putRule(await getDb(), rule, now()) }),
    'rules/delete': async ({ id }) => ({ removed: await deleteRule(await getDb(), id) }),
    'rules/reorder': async ({ ids }) => ({ rules: await reorderRules(await getDb(), ids, now()) }),
    'settings/get': async () => ({ settings: await getSettings(await getDb()) }),
    'settings/set': async ({ values }) => ({ settings: await setSettings(await getDb(), values, now()) }),
    'alwaysShow/set': async ({ workId, show }) => ({ alwaysShow: [...(await setAlwaysShow(await getDb(), workId, show, now())).alwaysShow] }),
    'alwaysShow/list': async () => ({ works: await listAlwaysShown(await getDb()) }),
    'backup/export': async () => {
      const exportedAt = now();
      await sweepStaleTransfers(deps.transfers, exportedAt);
      const text = await exportBackupText(await getDb(), exportedAt, extensionVersion);
      const transferId = newTransferId(exportedAt);
      await deps.transfers.put(transferId, text);
      return { transferId, chars: text.length, fileName: backupFileName(exportedAt) };
    },
    'backup/import': async ({ transferId, mode, confirmReplace }) => {
      try {
        if (mode === 'replace' && confirmReplace !== true) {
          throw new Error(t('importReplaceNotConfirmed'));
        }
        const file = await deps.transfers.get(transferId);
        if (!file) throw new Error(t('importFileGone'));
        // Refused from its size alone, before reading it.
        const tooBig = checkBackupSize(file.size, deps.maxImportBytes);
        if (tooBig) throw new Error(tooBig);
        const text = await readUtf8(file);
        // The exact byte size was checked just above: counting the text's UTF-8 bytes again would only cost time.
        return { summary: await importBackupText(await getDb(), text, mode, writeContext(), { maxBytes: Number.POSITIVE_INFINITY }) };
      } finally {
        await deps.transfers.remove(transferId);
        await sweepStaleTransfers(deps.transfers, now());
      }
    },
    'backups/list': async () => ({ backups: await listSnapshots(await getDb()) }),
    'backups/restore': async ({ id }) => ({ summary: await restoreSnapshot(await getDb(), id, writeContext()) }),
    'page/report': async ({ report }, { tabId }) => {
      if (tabId === undefined) throw new Error('page/report must come from a tab');
      await deps.pageReports.save(tabId, report);
      return null;
    },
    'page/get-report': async ({ tabId }) => ({ report: await deps.pageReports.get(tabId) }),
    ...libraryHandlers(getDb, now),
    'tags/suggest': async ({ type: _type, ...query }) => ({ tags: await suggestTags(await getDb(), query) }),
    'data/wipe': async () => {
      // A daily backup under way read the data before the wipe: it must land before it, not after.
      await deps.dailySnapshots?.runIfDue();
      deps.wrangling?.families.forget();
      await wipeDatabase(await getDb());
      // storage.local, the (now empty) rules mirror that open archive tabs follow, the transfers;
      // a worker stopped before the end finishes these at its next start.
      await finishWipe(deps);
      // And Shelfmark's copy in the browser's sync, which would otherwise bring everything back.
      await deps.sync?.removeAreaData().catch((error: unknown) => console.warn('Shelfmark: could not remove the data from browser sync.', error));
      return null;
    },
    ...syncHandlers(getDb, now, deps.sync),
    ...familyHandlers(getDb, deps.wrangling),
  };
}
