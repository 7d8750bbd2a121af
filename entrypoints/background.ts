import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MAX_BACKUP_BYTES } from '../utils/backup/format';
import { createDailySnapshots } from '../utils/backup/snapshots';
import { cacheTransferArea } from '../utils/backup/transfer-area';
import { createDbConnection } from '../utils/db/open';
import { writeListingMirror } from '../utils/messaging/listing-mirror';
import { createPageReports } from '../utils/messaging/page-reports';
import { extensionVersion, ownIdentity, senderInfo } from '../utils/messaging/platform';
import { createMessageHandler } from '../utils/messaging/router';

export default defineBackground(() => {
  // Listeners are registered synchronously here so a worker woken by a message never misses it.
  const connection = createDbConnection();
  const getDb = () => connection.get();
  const now = () => Date.now();
  const version = extensionVersion();
  const pageReports = createPageReports(browser.storage.session);
  const handle = createMessageHandler({
    getDb,
    now,
    extensionVersion: version,
    identity: ownIdentity(),
    pageReports,
    transfers: cacheTransferArea(),
    maxImportBytes: MAX_BACKUP_BYTES,
    dailySnapshots: createDailySnapshots(getDb, now, version),
    listingMirror: browser.storage.local,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, senderInfo(sender)));
  browser.tabs.onRemoved.addListener((tabId) => {
    void pageReports.forget(tabId);
  });
  // Installed or updated: content scripts must find the rules from their first page on.
  browser.runtime.onInstalled.addListener(() => {
    void getDb().then((db) => writeListingMirror(db, browser.storage.local));
  });
});
