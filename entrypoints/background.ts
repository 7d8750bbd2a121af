import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MAX_BACKUP_BYTES } from '../utils/backup/format';
import { createDailySnapshots } from '../utils/backup/snapshots';
import { cacheTransferArea } from '../utils/backup/transfer-area';
import { createDbConnection } from '../utils/db/open';
import { createListingMirror } from '../utils/messaging/listing-mirror';
import { createPageReports } from '../utils/messaging/page-reports';
import { browserSyncsExtensionData, extensionVersion, ownIdentity, senderInfo } from '../utils/messaging/platform';
import { recoverAtStart } from '../utils/messaging/recovery';
import { createMessageHandler } from '../utils/messaging/router';
import { createStateFilterMirror } from '../utils/messaging/state-filter-mirror';
import { createSyncEngine } from '../utils/sync/engine';
import { ArchiveHost } from '../utils/wrangling/archive-host';
import { createWrangling, mirroredFamilies } from '../utils/wrangling/background-wrangling';
import { createTagPageParser } from '../utils/wrangling/tag-page-parser';

export default defineBackground(() => {
  // Listeners are registered synchronously here so a worker woken by a message never misses it.
  const connection = createDbConnection();
  const getDb = () => connection.get();
  const now = () => Date.now();
  const version = extensionVersion();
  const pageReports = createPageReports(browser.storage.session);
  const listingMirror = createListingMirror(getDb, browser.storage.local, mirroredFamilies);
  const stateFilter = createStateFilterMirror(getDb, browser.storage.local);
  // Tag families: learned from the archive's tag pages through the one polite queue (utils/wrangling).
  const archiveHost = new ArchiveHost(browser.storage.session);
  const wrangling = createWrangling({ getDb, now, session: browser.storage.session, host: archiveHost, parser: createTagPageParser(), mirror: () => listingMirror });
  const transfers = cacheTransferArea();
  const syncAvailable = browserSyncsExtensionData().catch(() => true);
  const sync = createSyncEngine({
    getDb,
    now,
    area: browser.storage.sync ?? null,
    available: () => syncAvailable,
    beforeWorkWrites: (workIds) => stateFilter.add(workIds),
    // Rules and settings from another device reach open archive tabs like a change made here.
    afterApply: () => listingMirror.refresh(),
  });
  const handle = createMessageHandler({
    getDb,
    now,
    extensionVersion: version,
    identity: ownIdentity(),
    pageReports,
    transfers,
    maxImportBytes: MAX_BACKUP_BYTES,
    dailySnapshots: createDailySnapshots(getDb, now, version),
    listingMirror,
    stateFilter,
    sync,
    wrangling,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Tag pages come from the archive's host the reader's tabs use.
    if (sender.tab) archiveHost.note(sender.url);
    return handle(message, senderInfo(sender));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void pageReports.forget(tabId);
  });
  // Another device's write arriving through the browser's sync (and this device's own, which the engine recognises).
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') sync.noteAreaChange(changes);
  });
  sync.start();
  // Every start, not only install and update: the worker may have been stopped between a change to
  // the database and the writes outside it that follow (the rules mirror, a wipe's clearing).
  recoverAtStart({ getDb, listingMirror, transfers, stateFilter })
    .catch((error: unknown) => {
      console.warn('Shelfmark: could not bring the rules for open tabs up to date.', error);
    })
    // Families missing or older than 30 days are learned while the extension is in use: at each start, and on each rules change.
    .then(() => wrangling.families.sync())
    .catch((error: unknown) => {
      console.warn('Shelfmark: could not start learning tag families.', error);
    });
});
