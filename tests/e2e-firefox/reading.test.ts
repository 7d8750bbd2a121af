/**
 * Reading tracking in Firefox: reaching the end of a real chapter marks it
 * read, and the mark is still there when the page is loaded again — read back
 * from the background's IndexedDB, as the reader sees it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchFirefoxExtension, waitForClassified, type FirefoxSession } from './harness';

/** Chapter 1 of 20 of work 37214506 (as in tests/e2e/reading.test.ts). */
const CHAPTER = 'chapter-37214506-92848687.html';

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent);

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction((s, t) => document.querySelector(s)?.textContent === t, {}, selector, text);
}

describeRealPages('Firefox: reading a chapter is recorded', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefoxExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks the chapter read at the end of its text, and the mark survives a reload', async () => {
    const page = await session.open(session.serveRealPage(CHAPTER));
    // The status comes from the background's answer about this work.
    await waitForText(page, '.shelfmark-reading-status', 'No chapters read yet');
    expect(await textOf(page, '.shelfmark-chapter-toggle')).toBe('Mark read');

    await page.evaluate(() => document.querySelector('#chapters div.userstuff')!.scrollIntoView({ block: 'end' }));
    await waitForText(page, '.shelfmark-reading-status', 'Read 1 of 20 chapters');
    expect(await textOf(page, '.shelfmark-chapter-toggle')).toBe('✓ Read');

    await page.reload();
    await waitForClassified(page);
    await waitForText(page, '.shelfmark-reading-status', 'Read 1 of 20 chapters');
    expect(await textOf(page, '.shelfmark-chapter-toggle')).toBe('✓ Read');
    const options = await page.$$eval('#selected_id option', (els) => els.slice(0, 2).map((o) => o.textContent?.slice(0, 4)));
    expect(options).toEqual(['✓ 1.', '➜ 2.']);
    await page.close();
  });

  it('nothing tried to reach the network', () => {
    expect(session.outsideConnections()).toEqual([]);
  });
});
