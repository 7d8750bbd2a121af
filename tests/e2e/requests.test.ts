/**
 * "Shelfmark never fetches work pages in the background and sends nothing
 * anywhere." The harness records every request of the browser (request-log.ts)
 * and its close() fails any suite in which Shelfmark requested a work page or
 * anything outside the archive. Here: that the recording sees the background's,
 * the extension pages' and the content script's requests and that close()
 * does fail on them; and a reader's ordinary session over real pages — rules,
 * reading history, listings, work pages, a chapter read to its end, the popup
 * and the options page — during which Shelfmark requests nothing at all.
 * (History import's requests are checked, page by page, in history-import.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchExtension, type ExtensionSession } from './harness';
import { forbiddenRequests } from './request-log';
import { importSample, SAMPLE_LISTING } from './sample-library';

const TIMEOUT = { timeout: 10_000 };

async function fetchFrom(target: Page | { evaluate: Page['evaluate'] }, url: string): Promise<string> {
  return target.evaluate(async (u) => {
    try {
      return String((await fetch(u)).status);
    } catch {
      return 'failed';
    }
  }, url);
}

it('records who made each request, and close() fails on a work page or a request outside the archive', async () => {
  const session = await launchExtension();
  const listing = 'https://archiveofourown.org/tags/Example/works';
  await session.servePage(listing, '<!doctype html><html><body><p>A page</p></body></html>');
  const page = await session.openArchivePage(listing);
  // What the content script's fetch looks like: a script on the archive page fetching.
  await fetchFrom(page, '/works/1');
  const popup = await session.extensionPage('popup.html');
  await fetchFrom(popup, 'https://archiveofourown.org/works/2/chapters/3?view_adult=true');
  const worker = await session.serviceWorker();
  await fetchFrom(worker, 'https://example.com/beacon');
  await fetchFrom(worker, 'https://archiveofourown.org/users/someone/readings');

  const mine = session.extensionRequests().map(({ url, source }) => [source, url]);
  expect(mine).toEqual([
    ['archive-page', 'https://archiveofourown.org/works/1'],
    ['extension-page', 'https://archiveofourown.org/works/2/chapters/3?view_adult=true'],
    ['background', 'https://example.com/beacon'],
    ['background', 'https://archiveofourown.org/users/someone/readings'],
  ]);
  // The test's own navigation is recorded, but it isn't Shelfmark's.
  expect(session.requests.filter((r) => r.navigation).map((r) => r.url)).toEqual([listing]);
  expect(forbiddenRequests(session.requests)).toEqual([
    'archive-page requested the work page https://archiveofourown.org/works/1',
    'extension-page requested the work page https://archiveofourown.org/works/2/chapters/3?view_adult=true',
    'background requested https://example.com/beacon, outside the archive',
  ]);
  await expect(session.close()).rejects.toThrow(/promises never to make:\n.*works\/1\n/);
});

describeRealPages('a reading session', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    const options = await session.extensionPage('options.html');
    await importSample(options);
    await options.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('makes Shelfmark request nothing: listings, work pages, a chapter read, the popup, the options page', async () => {
    const listingUrl = await session.serveRealPage(SAMPLE_LISTING);
    const listing = await session.openArchivePage(listingUrl);
    await expect.poll(() => listing.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBeGreaterThan(0);
    // Quick actions on a tag link.
    await listing.locator('li.blurb:not(.shelfmark-hidden) a.tag').first().hover();

    for (const file of ['listing-tag-sherlock-holmes.html', 'series-1728802.html', 'bookmarks-user.html', 'readings-history.html', 'work-323217-oneshot.html', 'navigate-43703871.html', 'chapter-logged-in.html']) {
      const page = await session.openArchivePage(await session.serveRealPage(file));
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      await page.close();
    }

    const popup = await session.popupFor(listingUrl);
    await expect.poll(() => popup.getByRole('region', { name: 'This page' }).textContent(), TIMEOUT).toMatch(/\d+ hidden/);
    await popup.close();
    for (const tab of ['library', 'history', 'rules']) {
      const options = await session.extensionPage(`options.html#${tab}`);
      await options.waitForLoadState('networkidle');
      await options.close();
    }
    await listing.close();

    // Pages were opened (the test's navigations), and Shelfmark itself asked for nothing.
    expect(session.requests.filter((r) => r.navigation).length).toBeGreaterThanOrEqual(8);
    // Tag pages are the one thing Shelfmark fetches by itself here: the background learning the families of
    // the rules' tags (tag-families.test.ts checks which pages and how often). Nothing else.
    const tagPage = (url: string) => /^https:\/\/archiveofourown\.org\/tags\/[^/?#]+$/.test(url);
    expect(session.extensionRequests().filter((r) => !(r.source === 'background' && r.method === 'GET' && tagPage(r.url)))).toEqual([]);
  });
});
