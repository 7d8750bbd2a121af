/** What the background does for each request, once the request has been checked. */
import { importBackupText, restoreSnapshot } from '../backup/restore';
import { exportBackupText } from '../backup/export';
import { backupFileName } from '../backup/format';
import { listSnapshots } from '../backup/snapshots';
import type { ExportStaging, ImportStaging } from '../backup/transfer-sessions';
import { deleteRule, listRules, putRule, reorderRules } from '../db/rules';
import { removeSaved, setSaved } from '../db/saved';
import type { ShelfmarkDb } from '../db/schema';
import { getSettings, setSettings } from '../db/settings';
import { markChapters, recordVisit, setScrollPosition, storeWorkSnapshots } from '../db/tracking';
import type { Millis } from '../db/types';
import { getWorkStates } from '../db/work-state';
import type { PageReports } from './page-reports';
import type { ReplyValue, RequestOf, RequestType } from './protocol';

export interface BackgroundDeps {
  getDb: () => Promise<ShelfmarkDb>;
  now: () => Millis;
  extensionVersion: string;
  pageReports: PageReports;
  imports: ImportStaging;
  exports: ExportStaging;
}

export interface RequestContext {
  /** The sending tab, for content scripts (and extension pages open in a tab). */
  tabId: number | undefined;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, context: RequestContext) => Promise<ReplyValue<T>> };

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { getDb, now, extensionVersion } = deps;
  const writeContext = () => ({ now: now(), extensionVersion });
  return {
    'visit/record': async ({ work, chapter }) => ({ reading: await recordVisit(await getDb(), work, chapter, now()) }),
    'works/state': async ({ workIds }) => ({ states: await getWorkStates(await getDb(), workIds) }),
    'works/snapshot': async ({ works }) => ({ stored: await storeWorkSnapshots(await getDb(), works, now()) }),
    'reading/mark-chapters': async ({ workId, chapters, read }) => ({
      reading: await markChapters(await getDb(), workId, chapters, read, now()),
    }),
    'reading/position': async ({ workId, chapter, scroll }) => {
      await setScrollPosition(await getDb(), workId, chapter, scroll, now());
      return null;
    },
    'saved/set': async ({ type: _type, ...request }) => ({ saved: await setSaved(await getDb(), request, now()) }),
    'saved/remove': async ({ workId }) => ({ removed: await removeSaved(await getDb(), workId) }),
    'rules/list': async () => ({ rules: await listRules(await getDb()) }),
    'rules/put': async ({ rule }) => ({ rule: await putRule(await getDb(), rule, now()) }),
    'rules/delete': async ({ id }) => ({ removed: await deleteRule(await getDb(), id) }),
    'rules/reorder': async ({ ids }) => ({ rules: await reorderRules(await getDb(), ids, now()) }),
    'settings/get': async () => ({ settings: await getSettings(await getDb()) }),
    'settings/set': async ({ values }) => ({ settings: await setSettings(await getDb(), values, now()) }),
    'backup/export': async () => {
      const exportedAt = now();
      const text = await exportBackupText(await getDb(), exportedAt, extensionVersion);
      return { ...deps.exports.stage(text), fileName: backupFileName(exportedAt) };
    },
    'backup/export-chunk': async ({ exportId, index }) => ({ text: deps.exports.chunk(exportId, index) }),
    'backup/import-begin': async ({ mode, bytes, confirmReplace }) => {
      if (mode === 'replace' && confirmReplace !== true) {
        throw new Error('Replacing all data needs the reader to confirm it (confirmReplace: true).');
      }
      return { importId: deps.imports.begin(mode, bytes) };
    },
    'backup/import-chunk': async ({ importId, index, text }) => ({ receivedChars: deps.imports.add(importId, index, text) }),
    'backup/import-commit': async ({ importId }) => {
      const { mode, text } = deps.imports.take(importId);
      return { summary: await importBackupText(await getDb(), text, mode, writeContext()) };
    },
    'backup/import-abort': async ({ importId }) => {
      deps.imports.abort(importId);
      return null;
    },
    'backups/list': async () => ({ backups: await listSnapshots(await getDb()) }),
    'backups/restore': async ({ id }) => ({ summary: await restoreSnapshot(await getDb(), id, writeContext()) }),
    'page/report': async ({ report }, { tabId }) => {
      if (tabId === undefined) throw new Error('page/report must come from a tab');
      await deps.pageReports.save(tabId, report);
      return null;
    },
    'page/get-report': async ({ tabId }) => ({ report: await deps.pageReports.get(tabId) }),
  };
}
