/**
 * Firefox at a phone's width (390 × 844) on the archive's real layout (its
 * narrow-screen stylesheet in force): a listing and a chapter scroll no
 * sideways, and reading the chapter to its end by scrolling marks it read —
 * read back from the background's IndexedDB and shown in the chapter select.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { describeArchiveSite } from '../helpers/archive-site-suite';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchFirefoxExtension, type FirefoxSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** Chapter 1 of 20 of work 37214506 (as in reading.test.ts). */
const CHAPTER = 'chapter-37214506-92848687.html';
const WIDTH = 390;
const HEIGHT = 844;

async function narrow(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.open(url);
  await page.setViewport({ width: WIDTH, height: HEIGHT });
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeRealPages('Firefox at a phone\'s width', () => describeArchiveSite('on the archive\'s real layout', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefoxExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a listing with Shelfmark\'s controls scrolls no sideways', async () => {
    const page = await narrow(session, session.serveRealPage(LISTING));
    expect(await page.evaluate(() => matchMedia('only screen and (max-width: 42em)').matches)).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('.shelfmark-host-blurb').length > 0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('reads a chapter to its end by scrolling, the window\'s height changing on the way', async () => {
    const page = await narrow(session, session.serveRealPage(CHAPTER));
    await page.waitForFunction(() => document.querySelector('.shelfmark-reading-status')?.textContent === 'No chapters read yet');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Down the chapter in steps, the address bar hiding (a taller viewport) and showing again.
    for (let step = 0; step < 60; step++) {
      const atEnd = await page.evaluate(() => document.querySelector('.shelfmark-chapter-end')!.getBoundingClientRect().top < window.innerHeight);
      if (atEnd) break;
      await page.evaluate(() => window.scrollBy({ top: 500, behavior: 'smooth' }));
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (step % 4 === 0) await page.setViewport({ width: WIDTH, height: step % 8 === 0 ? HEIGHT + 56 : HEIGHT });
    }
    await page.waitForFunction(() => document.querySelector('.shelfmark-reading-status')?.textContent === 'Read 1 of 20 chapters');
    const options = await page.$$eval('#selected_id option', (els) => els.slice(0, 2).map((o) => o.textContent?.slice(0, 4)));
    expect(options).toEqual(['✓ 1.', '➜ 2.']);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('nothing tried to reach the network', () => {
    expect(session.outsideConnections()).toEqual([]);
  });
}));
