import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MAX_BACKUP_BYTES } from '../utils/backup/format';
import { createDailySnapshots } from '../utils/backup/snapshots';
import { cacheTransferArea } from '../utils/backup/transfer-area';
import { createDbConnection } from '../utils/db/open';
import { createListingMirror } from '../utils/messaging/listing-mirror';
import { createPageReports } from '../utils/messaging/page-reports';
import { extensionVersion, ownIdentity, senderInfo } from '../utils/messaging/platform';
import { recoverAtStart } from '../utils/messaging/recovery';
import { createMessageHandler } from '../utils/messaging/router';

export default defineBackground(() => {
  // Listeners are registered synchronously here so a worker woken by a message never misses it.
  const connection = createDbConnection();
  const getDb = () => connection.get();
  const now = () => Date.now();
  const version = extensionVersion();
  const pageReports = createPageReports(browser.storage.session);
  const listingMirror = createListingMirror(getDb, browser.storage.local);
  const transfers = cacheTransferArea();
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
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, senderInfo(sender)));
  browser.tabs.onRemoved.addListener((tabId) => {
    void pageReports.forget(tabId);
  });
  // Every start, not only install and update: the worker may have been stopped between a change to
  // the database and the writes outside it that follow (the rules mirror, a wipe's clearing).
  recoverAtStart({ getDb, listingMirror, transfers }).catch((error: unknown) => {
    console.warn('Shelfmark: could not bring the rules for open tabs up to date.', error);
  });
});
