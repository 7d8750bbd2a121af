/**
 * The options page in real Chromium, with the built extension: a work saved
 * from a real listing appears in the Library; search, filters and sorting;
 * a bulk status change and its undo; History's deletes and undo; and a
 * backup exported, the library cleared, the backup imported: the same
 * library. Screenshots (light and dark) go to $SHELFMARK_SHOTS when set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LibraryRow } from '../../utils/db/library';
import { describeRealPages } from '../helpers/real-pages-suite';
import { clickClosed, closedAttribute, closedCount, closedText, deepFocused, focusClosed, PANEL_HOST } from './closed-shadow';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
const TIMEOUT = { timeout: 10_000 };
const SHOTS = process.env.SHELFMARK_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

const rowTitles = (page: Page) => page.$$eval('.sm-table-body [role="row"] .sm-cell-title a', (els) => els.map((el) => el.textContent));

describeRealPages('the options page', () => {
  let session: ExtensionSession;
  let listing: Page;
  let options: Page;
  let savedTitles: string[];

  beforeAll(async () => {
    session = await launchExtension();
    listing = await session.context.newPage();
    await listing.goto(await session.serveRealPage(LISTING));
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('puts a save control on every work blurb, before the blurbs show', async () => {
    const blurbs = await listing.evaluate(() => document.querySelectorAll('li.work.blurb, li.bookmark.blurb').length);
    expect(blurbs).toBeGreaterThan(10);
    await expect(closedCount(listing, 'li.blurb .heading > .shelfmark-host-blurb', '.shelfmark-save')).resolves.toBe(blurbs);
  });

  it('saves from the listing with one click, and sets status and note from the menu by keyboard', async () => {
    const blurbs = listing.locator('li.work.blurb');
    const [first, second] = (await blurbs.evaluateAll((els) => els.slice(0, 2).map((el) => el.id))).map((id) => `#${id} .shelfmark-host-blurb`) as [string, string];
    savedTitles = [(await blurbs.nth(0).locator('h4.heading a').first().textContent())!.trim(), (await blurbs.nth(1).locator('h4.heading a').first().textContent())!.trim()];

    await clickClosed(listing, first, '.shelfmark-save-main');
    await expect.poll(() => closedText(listing, first, '.shelfmark-save-main'), TIMEOUT).toContain('To read');

    await focusClosed(listing, second, '.shelfmark-save-more');
    await listing.keyboard.press('Enter');
    const panelOpen = () => closedCount(listing, PANEL_HOST, '[role="dialog"]');
    await expect.poll(panelOpen, TIMEOUT).toBe(1);
    await expect(closedAttribute(listing, PANEL_HOST, '[role="dialog"]', 'aria-label')).resolves.toBe(`Save “${savedTitles[1]}”`);
    await clickClosed(listing, PANEL_HOST, 'input[value="reading"]');
    await listing.setViewportSize({ width: 1100, height: 700 });
    await shot(listing, 'listing');
    await expect.poll(() => closedText(listing, second, '.shelfmark-save-main'), TIMEOUT).toContain('Reading');
    await expect(closedAttribute(listing, PANEL_HOST, 'input.shelfmark-save-note', 'aria-label')).resolves.toBe('Note');
    await focusClosed(listing, PANEL_HOST, 'input.shelfmark-save-note');
    await listing.keyboard.type('for the train');
    await listing.keyboard.press('Enter');
    await expect.poll(panelOpen, TIMEOUT).toBe(0);
    // Saying so, where the reader is looking and to screen readers.
    await expect.poll(() => listing.locator('.shelfmark-toast[role="status"]').textContent(), TIMEOUT).toBe(`Note saved for “${savedTitles[1]}”.`);
    // Focus went back to the control that opened the panel.
    await expect(deepFocused(listing)).resolves.toMatchObject({ className: 'shelfmark-save-more' });
  });

  it('shows the saved works in the Library', async () => {
    options = await session.extensionPage('options.html');
    await options.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => rowTitles(options), TIMEOUT).toHaveLength(2);
    expect((await rowTitles(options)).sort()).toEqual([...savedTitles].sort());
    const second = options.locator(`.sm-table-row:has(a:text-is("${savedTitles[1]}"))`);
    await expect(second.getByRole('combobox').inputValue()).resolves.toBe('reading');
    await expect(second.locator('.sm-note-mark').getAttribute('title')).resolves.toBe('for the train');
    // Works, authors and fandoms came from the listing's blurbs.
    await expect(second.locator('.sm-cell-fandoms').textContent()).resolves.not.toBe('—');
    // The column of last visits is named for what it holds: a work only opened was not read.
    await expect(options.getByRole('columnheader', { name: 'Last opened' }).count()).resolves.toBe(1);
  });

  it('searches, filters and sorts', async () => {
    // A reading list as from a spreadsheet, through the same message the Data screen uses.
    const items = Array.from({ length: 40 }, (_, i) => ({ workId: 900_000 + i, title: `${String.fromCharCode(65 + (i % 26))} imported work ${i}` }));
    await requestFromPage(options, { type: 'saved/import', items });
    await options.reload();
    await expect.poll(() => options.locator('.sm-library-count').textContent(), TIMEOUT).toBe('42 works');

    await options.getByLabel('Search', { exact: true }).fill('H imported work 7');
    await expect.poll(() => rowTitles(options), TIMEOUT).toEqual(['H imported work 7']);
    await options.getByLabel('Search', { exact: true }).fill('imported work');
    await expect.poll(() => options.locator('.sm-library-count').textContent(), TIMEOUT).toBe('40 of 42 works');

    await options.getByLabel('Search', { exact: true }).fill('');
    await options.getByLabel('Status', { exact: true }).selectOption('reading');
    await expect.poll(() => rowTitles(options), TIMEOUT).toEqual([savedTitles[1]]);
    await options.getByLabel('Status', { exact: true }).selectOption('any');

    await options.getByRole('button', { name: 'Title' }).click();
    const ascending = await rowTitles(options);
    expect(ascending[0]).toBe('A imported work 0');
    await expect(options.getByRole('columnheader', { name: 'Title' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await options.getByRole('button', { name: 'Title' }).click();
    await expect.poll(async () => (await rowTitles(options))[0], TIMEOUT).not.toBe('A imported work 0');
    await expect(options.getByRole('columnheader', { name: 'Title' }).getAttribute('aria-sort')).resolves.toBe('descending');
    // Only the rows in view are in the document.
    expect((await rowTitles(options)).length).toBeLessThan(42);
    await options.getByRole('button', { name: 'Title' }).click();
    await shot(options, 'library');
  });

  it('changes the status of several works at once, and undoes it', async () => {
    await options.getByRole('checkbox', { name: 'Select “A imported work 0”' }).check();
    await options.getByRole('checkbox', { name: 'Select “A imported work 26”' }).check();
    await options.getByLabel('Status for the selected works').selectOption('finished');
    await options.getByRole('button', { name: 'Set status' }).click();
    const statusOf = (title: string) => options.getByRole('combobox', { name: `Status of “${title}”` }).inputValue();
    await expect.poll(() => statusOf('A imported work 0'), TIMEOUT).toBe('finished');
    await expect(statusOf('A imported work 26')).resolves.toBe('finished');
    await expect(statusOf('B imported work 1')).resolves.toBe('to-read');
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => statusOf('A imported work 0'), TIMEOUT).toBe('to-read');
    await expect(statusOf('A imported work 26')).resolves.toBe('to-read');
  });

  it('exports everything, and importing the file after clearing the library gives the same library', async () => {
    const before = (await requestFromPage(options, { type: 'library/list' })).rows;
    await options.getByRole('tab', { name: 'Data' }).click();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export everything' }).click()]);
    const path = await download.path();
    const file = readFileSync(path, 'utf8');
    expect(JSON.parse(file).format).toBe('shelfmark-backup');
    await shot(options, 'data');

    await requestFromPage(options, { type: 'saved/bulk', workIds: before.map((r: LibraryRow) => r.workId), status: null });
    expect((await requestFromPage(options, { type: 'library/list' })).rows).toEqual([]);

    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByRole('button', { name: 'Choose a backup file…' }).click()]);
    await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => options.locator('.sm-summary').textContent(), TIMEOUT).toContain('Merged');
    const after = (await requestFromPage(options, { type: 'library/list' })).rows;
    const byId = (rows: LibraryRow[]) => [...rows].sort((a, b) => a.workId - b.workId);
    expect(byId(after)).toEqual(byId(before));
  });

  it('imports a reading list from CSV, naming the lines it cannot use', async () => {
    const csv = 'Title,URL\r\n"Tea, Biscuits",https://archiveofourown.org/works/7777001\r\nNo link,\r\nElsewhere,https://example.com/works/5\r\n';
    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByRole('button', { name: 'Choose a CSV file…' }).click()]);
    await chooser.setFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const group = options.getByRole('group', { name: 'Reading list to import' });
    await expect.poll(() => group.textContent(), TIMEOUT).toContain('Line 3: no work URL on this line');
    await expect(group.textContent()).resolves.toContain('Line 4: not a work on the archive');
    await group.getByRole('button', { name: 'Save the 1 work without those lines' }).click();
    await expect.poll(async () => (await requestFromPage(options, { type: 'library/list' })).rows.some((r: LibraryRow) => r.workId === 7_777_001 && r.title === 'Tea, Biscuits' && r.status === 'to-read'), TIMEOUT).toBe(true);
  });

  it('refuses a reading list that is not UTF-8, naming the first bad byte', async () => {
    // "Café" saved by a spreadsheet in Windows-1252: é is the single byte 0xE9, at offset 14.
    const bytes = Buffer.from('Title,URL\r\nCaf\xe9,https://archiveofourown.org/works/7777002\r\n', 'latin1');
    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByRole('button', { name: 'Choose a CSV file…' }).click()]);
    await chooser.setFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: bytes });
    await expect.poll(() => options.getByRole('alert').textContent(), TIMEOUT).toContain('The reading list couldn’t be read: This file isn’t UTF-8 text: the byte at offset 14 (0xE9)');
    await expect(options.getByRole('group', { name: 'Reading list to import' }).count()).resolves.toBe(0);
    await options.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('says why “Choose a backup file…” waits in replace mode, and refuses in words a replace that skips the tick', async () => {
    await options.getByLabel('Replace everything here').check();
    const choose = options.getByRole('button', { name: 'Choose a backup file…' });
    await expect(choose.isDisabled()).resolves.toBe(true);
    const description = () => choose.evaluate((el) => (el.getAttribute('aria-describedby') ? document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? '' : null));
    await expect(description()).resolves.toBe('To choose a file, first tick the box above: replacing deletes everything in this browser before the file’s data goes in.');
    await expect(options.getByText('To choose a file, first tick the box above').isVisible()).resolves.toBe(true);

    // A file that reaches the file field anyway (dropped on it, or an assistive tool): refused before anything is read.
    const before = (await requestFromPage(options, { type: 'library/list' })).rows;
    await options.getByLabel('Backup file to import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.textContent(), TIMEOUT).toContain('Replacing all your data needs its confirmation box ticked first');
    await expect(alert.textContent()).resolves.not.toMatch(/confirmReplace|true/);
    expect((await requestFromPage(options, { type: 'library/list' })).rows).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();

    await options.getByLabel('Replace all my data with the file’s', { exact: false }).check();
    await expect(choose.isDisabled()).resolves.toBe(false);
    await expect(description()).resolves.toBe(null);
    await options.getByLabel('Merge with what’s here').check();
  });

  it('lists the history by day, deletes a visit with undo, and deletes everything after asking', async () => {
    const day = Date.UTC(2025, 2, 3, 12);
    const visits = [
      { workId: 900_001, chapterId: null, position: null, at: day },
      { workId: 900_002, chapterId: null, position: null, at: day + 60_000 },
      { workId: 900_003, chapterId: 55, position: 2, at: day + 86_400_000 },
    ];
    const backup = {
      format: 'shelfmark-backup',
      formatVersion: 1,
      exportedAt: day,
      schemaVersion: 2,
      extensionVersion: 'test',
      data: { works: [], reading: [], visits, saved: [], rules: [], settings: [] },
    };
    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByRole('button', { name: 'Choose a backup file…' }).click()]);
    await chooser.setFiles({ name: 'visits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await expect.poll(() => options.locator('.sm-summary').textContent(), TIMEOUT).toContain('3 new visits');

    await options.getByRole('tab', { name: 'History' }).click();
    const entries = options.locator('.sm-history-entry');
    await expect.poll(() => entries.count(), TIMEOUT).toBe(3);
    await expect(options.locator('.sm-history-day').count()).resolves.toBe(2);
    await expect(entries.first().textContent()).resolves.toContain('D imported work 3');
    await expect(entries.first().textContent()).resolves.toContain('chapter 2');
    await shot(options, 'history');

    await options.getByRole('button', { name: /Delete the visit to “B imported work 1”/ }).click();
    await expect.poll(() => entries.count(), TIMEOUT).toBe(2);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entries.count(), TIMEOUT).toBe(3);

    await options.getByLabel('Search your history').fill('work 2');
    await expect.poll(() => entries.count(), TIMEOUT).toBe(1);
    await options.getByLabel('Search your history').fill('');
    await expect.poll(() => entries.count(), TIMEOUT).toBe(3);

    await options.getByRole('button', { name: 'Delete all history…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => options.getByText('No visits yet.', { exact: false }).isVisible(), TIMEOUT).toBe(true);
    // Even the whole history comes back with Undo.
    await expect(options.getByRole('status').filter({ hasText: 'your whole history' }).isVisible()).resolves.toBe(true);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entries.count(), TIMEOUT).toBe(3);
    await expect(entries.first().textContent()).resolves.toContain('D imported work 3');
  });

  it('saves from a work page with Alt+Shift+S', async () => {
    const page = await session.context.newPage();
    await page.goto(await session.serveRealPage('work-323217-oneshot.html'));
    await page.waitForFunction(() => document.querySelector('.shelfmark-host-work') !== null, null, TIMEOUT);
    await page.keyboard.press('Alt+Shift+KeyS');
    await expect.poll(() => closedText(page, '.shelfmark-host-work', '.shelfmark-save-main'), TIMEOUT).toContain('To read');
    expect((await requestFromPage(options, { type: 'library/list' })).rows.some((r: LibraryRow) => r.workId === 323_217 && r.status === 'to-read')).toBe(true);
    await page.close();
  });

  it('follows the theme setting', async () => {
    await options.getByRole('tab', { name: 'Settings' }).click();
    await options.getByLabel('Dark').check();
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme), TIMEOUT).toBe('dark');
    await expect.poll(() => options.evaluate(() => getComputedStyle(document.body).backgroundColor), TIMEOUT).toBe('rgb(28, 27, 26)');
    await shot(options, 'settings');
    await options.getByLabel('Follow the system').check();
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme ?? null), TIMEOUT).toBeNull();
  });
});
