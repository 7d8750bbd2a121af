/**
 * Importing the archive's History and Marked for Later from the real pages,
 * served page by page through routes (one page answering 429 first): the
 * right records, pause and resume across a reload, and no duplicate visits
 * when imported twice. What the extension requested comes from the harness's
 * record of every request: exactly the readings pages it should, each at
 * least 3 seconds after the one before (the real pace, measured: the walk's
 * clock is the content script's own).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { WorkState } from '../../utils/db/work-state';
import { realPage, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { blurbHost, closedCount, closedText } from './closed-shadow';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';

const MARKED = 'readings-marked-for-later.html';
const HISTORY = 'readings-history.html';
/** Noon UTC of an archive date, as the import stores it. */
const day = (date: string) => Date.parse(`${date}T12:00:00Z`);
const TIMEOUT = { timeout: 10_000 };

/** The real Marked for Later page with its pagination cut to three pages. */
function withThreePages(html: string): string {
  const pagination = '<ol class="pagination actions pagy" role="navigation"><li class="previous"><span class="disabled">← Previous</span></li><li><a class="current" aria-current="page">1</a></li><li><a href="?show=to-read&page=2">2</a></li><li><a href="?show=to-read&page=3">3</a></li><li class="next"><a rel="next" href="?show=to-read&page=2">Next →</a></li></ol>';
  const out = html.replace(/<ol class="pagination[\s\S]*?<\/ol>/g, pagination);
  if (out === html) throw new Error('no pagination to replace');
  return out;
}

async function states(control: Page, workIds: number[]): Promise<WorkState[]> {
  return (await requestFromPage(control, { type: 'works/state', workIds })).states;
}

describeRealPages('importing the archive History', () => {
  let session: ExtensionSession;
  let control: Page;
  const base = realPage(MARKED).url;
  const page1 = withThreePages(realPageHtml(MARKED));
  // Page 2 holds the History page's works (other works, other dates); page 3 repeats page 1.
  const page2 = realPageHtml(HISTORY);
  /** The status the route answered each walk request with. */
  const statuses: number[] = [];
  let refusePage2 = true;
  const pageUrl = (n: number) => `${base}&page=${n}`;
  /** Every request Shelfmark made, as [page asked for, status answered]. */
  const walked = () => session.extensionRequests().map((r, i) => [r.url, statuses[i]]);

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
    await session.servePage(base, page1);
    await session.context.route(/\/users\/coracutiehale\/readings\?show=to-read&page=\d+$/, async (route: Route) => {
      const n = Number(new URL(route.request().url()).searchParams.get('page'));
      let status = 200;
      let body = n === 2 ? page2 : page1;
      if (n === 2 && refusePage2) {
        refusePage2 = false;
        status = 429;
        body = 'Retry later';
      }
      statuses.push(status);
      await route.fulfill({ status, contentType: 'text/html; charset=utf-8', body, headers: status === 429 ? { 'Retry-After': '5' } : {} });
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the open page: visits, last visited, Marked for Later as "to read"; the page shows them at once', async () => {
    const page = await session.context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    const importPage = page.locator('.shelfmark-import-page');
    await expect(importPage.textContent()).resolves.toBe('Import these 20 works');
    await expect(page.locator('.shelfmark-import-all').textContent()).resolves.toBe('Import all of Marked for Later (3 pages)');
    await expect(closedText(page, blurbHost(39437460), '.shelfmark-save-main')).resolves.toBe('Save');
    await expect(closedCount(page, '.shelfmark-host-blurb', '.shelfmark-badge')).resolves.toBe(0);
    await importPage.click();
    await page.waitForFunction(() => /Imported 20 works/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''));
    const [first, second] = await states(control, [39437460, 39076476]);
    expect(first).toMatchObject({ reading: { visitCount: 14, lastVisit: day('2026-03-01') }, saved: { status: 'to-read' } });
    expect(second).toMatchObject({ reading: { visitCount: 2, lastVisit: day('2026-02-27') }, saved: { status: 'to-read' } });
    expect(session.extensionRequests()).toEqual([]);

    // Without a reload: the badges and Save controls show the import, and nothing is offered twice.
    await expect.poll(() => closedText(page, blurbHost(39437460), '.shelfmark-save-main'), TIMEOUT).toContain('To read');
    await expect(closedCount(page, '.shelfmark-host-blurb', '.shelfmark-badge')).resolves.toBe(20);
    await expect.poll(() => importPage.isVisible(), TIMEOUT).toBe(false);
    await expect(page.locator('.shelfmark-import-page-done').textContent()).resolves.toBe('Every work on this page is in Shelfmark.');
    // Nor after a reload.
    await page.reload();
    await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    await expect(importPage.isVisible()).resolves.toBe(false);
    await expect(page.locator('.shelfmark-import-page-done').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('walks the pages one every 3 seconds, stops at a 429, pauses, and resumes after a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(base);
    const button = page.locator('.shelfmark-import-all');
    const status = page.locator('.shelfmark-history-import [role=status]');
    await button.click();
    // Page 1 is the open page; page 2 answers 429.
    await page.waitForFunction(() => /Stopped/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''));
    await expect(status.textContent()).resolves.toMatch(/429 Too Many Requests\) at page 2 \(it asks to wait 5 seconds\).*continues from page 2/);
    await expect(button.textContent()).resolves.toBe('Resume from page 2');
    expect(walked()).toEqual([[pageUrl(2), 429]]);

    // Resume: page 2 again, not before the 5 s the archive asked for (the one queue to the archive honours it), then pause before page 3.
    await button.click();
    await page.waitForFunction(() => /Importing page 3/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''));
    await button.click();
    await page.waitForFunction(() => /^Paused/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''));
    expect(walked()).toEqual([[pageUrl(2), 429], [pageUrl(2), 200]]);
    const history = await states(control, [18812038, 110953, 1557332]);
    expect(history).toMatchObject([
      { reading: { visitCount: 7, lastVisit: day('2026-03-15') }, saved: { status: 'to-read' } },
      { reading: { visitCount: 2, lastVisit: day('2026-03-15') }, saved: null },
      { reading: { visitCount: 2 }, saved: null },
    ]);

    // A reload (or a browser restart) finds the walk where it stopped.
    await page.reload();
    await expect(page.locator('.shelfmark-import-all').textContent()).resolves.toBe('Resume from page 3');
    await page.locator('.shelfmark-import-all').click();
    await page.waitForFunction(() => /^Done/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''), null, { timeout: 15_000 });
    await expect(page.locator('.shelfmark-history-import [role=status]').textContent()).resolves.toMatch(/3 pages of 3, 49 works imported/);
    expect(walked()).toEqual([[pageUrl(2), 429], [pageUrl(2), 200], [pageUrl(3), 200]]);
    await page.close();
  });

  it('imports twice without duplicating visits or moving anything', async () => {
    const ids = [39437460, 39076476, 18812038, 110953, 1557332];
    const before = await states(control, ids);
    const page = await session.context.newPage();
    await page.goto(base);
    const button = page.locator('.shelfmark-import-all');
    await expect(button.textContent()).resolves.toBe('Import again (3 pages)');
    await button.click();
    await page.waitForFunction(() => /^Done/.test(document.querySelector('.shelfmark-history-import [role=status]')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await states(control, ids)).toEqual(before);
    const visits = await control.evaluate(async () => {
      const open = indexedDB.open('shelfmark');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const count = db.transaction('visits').objectStore('visits').count();
      return new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)));
    });
    expect(visits).toBe(0);
    // Page 1 is the open page again; pages 2 and 3 are fetched again.
    expect(walked().slice(3)).toEqual([[pageUrl(2), 200], [pageUrl(3), 200]]);
    await page.close();
  });

  it('fetched each page from the content script, at least 3 seconds after the one before', () => {
    const requests = session.extensionRequests();
    expect(requests).toHaveLength(5);
    for (const request of requests) expect(request).toMatchObject({ source: 'archive-page', method: 'GET', resourceType: 'fetch' });
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    console.log(`History import: gaps between page fetches ${gaps.map((g) => `${(g / 1000).toFixed(2)} s`).join(', ')}`);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(3000);
  });
});
