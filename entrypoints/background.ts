import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MAX_BACKUP_BYTES } from '../utils/backup/format';
import { createDailySnapshots } from '../utils/backup/snapshots';
import { ExportStaging, ImportStaging } from '../utils/backup/transfer-sessions';
import { createDbConnection } from '../utils/db/open';
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
    imports: new ImportStaging(now, MAX_BACKUP_BYTES),
    exports: new ExportStaging(now),
    dailySnapshots: createDailySnapshots(getDb, now, version),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, senderInfo(sender)));
  browser.tabs.onRemoved.addListener((tabId) => {
    void pageReports.forget(tabId);
  });
});
