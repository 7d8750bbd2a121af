/**
 * "Delete all my data" in real Chromium with the built extension: a lived-in
 * profile (the sample library, an automatic backup, a History import under
 * way), deleted from the Data tab with the keyboard alone. Every store of the
 * database is then empty (but the schema version), storage.local holds only
 * an empty rules mirror, an open listing hides nothing any more, and Undo
 * puts back exactly what the export held before. Also: the pages declare the
 * browser's UI language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BackupFile } from '../../utils/backup/format';
import { TRANSFER_CACHE } from '../../utils/backup/transfer-area';
import { describeRealPages } from '../helpers/real-pages-suite';
import { exportBackup, importBackup } from './backup-transfer';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';
import { importSample, sampleBackupFile, SAMPLE_LISTING } from './sample-library';

const TIMEOUT = { timeout: 15_000 };
const HISTORY_IMPORT_KEY = 'historyImport:readings';

/** Every object store of the extension's database with its record count, read by name from the database itself. */
function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shelfmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readonly');
    const counts = await Promise.all(
      names.map(
        (name) =>
          new Promise<[string, number]>((resolve, reject) => {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => resolve([name, request.result]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return Object.fromEntries(counts);
  });
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);
const hiddenCount = (page: Page) => page.locator('li.blurb.shelfmark-hidden').count();

describeRealPages('deleting all data', () => {
  let session: ExtensionSession;
  let options: Page;
  let listing: Page;
  let before: BackupFile;
  let backups: number;

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.extensionPage('options.html');
    await importSample(options);
    // Replacing the data with the same file keeps an automatic backup of it first.
    await importBackup(options, sampleBackupFile(), 'replace');
    // The sample has no settings; one changed makes the settings store hold something too.
    await requestFromPage(options, { type: 'settings/set', values: { recordPrivateWindows: true } });
    await options.evaluate((key) => chrome.storage.local.set({ [key]: { view: 'readings', nextPage: 4, status: 'paused' } }), HISTORY_IMPORT_KEY);
    listing = await session.openArchivePage(await session.serveRealPage(SAMPLE_LISTING));
    // After the listing, whose blurbs move the sample works' "last seen" forward.
    before = await exportBackup(options);
    backups = (await requestFromPage(options, { type: 'backups/list' })).backups.length;
    await options.bringToFront();
    await options.reload();
    await options.getByRole('tab', { name: 'Data' }).click();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('declares the browser’s UI language on the options page and the popup', async () => {
    const popup = await session.extensionPage('popup.html');
    for (const page of [options, popup]) {
      const { lang, ui } = await page.evaluate(() => ({ lang: document.documentElement.lang, ui: chrome.i18n.getUILanguage() }));
      expect(lang).toBe(ui);
    }
    await popup.close();
  });

  it('starts from a lived-in profile', async () => {
    const counts = await storeCounts(options);
    // Tag families are learned from the archive's tag pages, which this profile never had to fetch.
    expect(Object.entries(counts).filter(([name, n]) => n === 0 && name !== 'tagFamilies')).toEqual([]);
    expect(backups).toBeGreaterThan(0);
    expect(await hiddenCount(listing)).toBeGreaterThan(0);
    expect(Object.keys(await options.evaluate(() => chrome.storage.local.get(null)))).toContain(HISTORY_IMPORT_KEY);
  });

  it('asks first, naming the counts; Escape takes the question back', async () => {
    // From the last control before it, as a keyboard user arrives.
    await options.getByRole('button', { name: /^Restore the backup of/ }).last().focus();
    await options.keyboard.press('Tab');
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Delete all my data…');
    await options.keyboard.press('Enter');

    const question = options.getByRole('alertdialog', { name: 'Delete all your data?' });
    await expect.poll(() => question.isVisible(), TIMEOUT).toBe(true);
    const { data } = before;
    await expect(question.textContent()).resolves.toContain(
      `This deletes ${data.works.length} works, ${data.reading.length} works read, ${data.visits.length} visits, ${data.saved.length} saved works, ${data.rules.length} rules, your settings and ${backups} automatic backup${backups === 1 ? '' : 's'}.`,
    );
    // Focus waits on the choice that deletes nothing.
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Cancel');

    await options.keyboard.press('Escape');
    await expect.poll(() => question.count(), TIMEOUT).toBe(0);
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Delete all my data…');
  });

  it('deletes everything with the keyboard: every store empty, storage.local only an empty mirror and state filter, the listing hides nothing', async () => {
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Cancel');
    await options.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Export a backup first');
    await options.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Delete everything');
    await options.keyboard.press('Enter');

    const undoBar = options.locator('.sm-undo');
    await expect.poll(() => undoBar.textContent(), TIMEOUT).toContain('All your data is deleted');
    await expect(undoBar.textContent()).resolves.toContain('for as long as this page stays open');
    // Focus moved to Undo, the control that replaced the question.
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Undo');

    const counts = await storeCounts(options);
    expect(Object.keys(counts)).toContain('meta');
    expect(Object.entries(counts).filter(([name, n]) => name !== 'meta' && name !== 'sync' && n > 0)).toEqual([]);
    // What stays is this device's own sync bookkeeping (its id and recent writes, which keep it within
    // the browser's write limits), not the reader's data: the synced copy itself was removed.
    expect(counts.sync ?? 0).toBeLessThanOrEqual(1);
    const local = await options.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).sort()).toEqual(['displayPrefs', 'listingConfig', 'stateFilter', 'workNumbers']);
    expect(JSON.parse(local.listingConfig as string)).toMatchObject({ rules: [], alwaysShow: [] });
    // The filter of works with a reader state is empty too: it names no work.
    expect(local.stateFilter).toMatchObject({ count: 0 });
    expect(await options.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TRANSFER_CACHE)).toBe(0);
    expect((await requestFromPage(options, { type: 'backups/list' })).backups).toEqual([]);
    await expect.poll(() => options.getByText('None yet.').isVisible(), TIMEOUT).toBe(true);

    // The open listing follows at once, and so does a fresh load of it.
    await expect.poll(() => hiddenCount(listing), TIMEOUT).toBe(0);
    await listing.reload();
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    expect(await hiddenCount(listing)).toBe(0);
  });

  it('keeps Undo across tabs of the page, and Undo puts back exactly what there was', async () => {
    await options.getByRole('tab', { name: 'Library' }).click();
    await options.getByRole('tab', { name: 'Data' }).click();
    const undo = options.locator('.sm-undo').getByRole('button', { name: 'Undo' });
    await undo.focus();
    await options.keyboard.press('Enter');

    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Undone: your data is back.' }).isVisible(), TIMEOUT).toBe(true);
    expect(await options.locator('.sm-undo').count()).toBe(0);
    await expect.poll(() => focusedText(options), TIMEOUT).toBe('Delete all my data…');
    const after = await exportBackup(options);
    expect(after.data).toEqual(before.data);
    await expect.poll(() => hiddenCount(listing), TIMEOUT).toBeGreaterThan(0);
  });
});
