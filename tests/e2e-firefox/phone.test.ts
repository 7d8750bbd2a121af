/**
 * Firefox at a phone's width (390 × 844) on the archive's real layout (its
 * narrow-screen stylesheet in force): a listing and a chapter scroll no
 * sideways; an author's quick-action menu opens within the screen, hides
 * their works, and Undo brings them back; and reading the chapter to
 * its end by scrolling marks it read — read back from the background's
 * IndexedDB and shown in the chapter select.
 *
 * The Library path is tried at this width in Chromium only (tests/e2e/phone.test.ts):
 * Firefox's WebDriver BiDi cannot open moz-extension:// pages (see harness.ts).
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

  it('an author\'s quick-action menu fits the screen, hides their works, and Undo brings them back', async () => {
    const page = await narrow(session, session.serveRealPage(LISTING));
    // An author rule: a tag rule would have the background fetch the tag's page, which this harness can't serve.
    const author = '#work_77598646 a[rel="author"]';
    const login = await page.$eval(author, (el) => el.textContent!.trim());
    const byAuthor = await page.$$eval('li.blurb', (els, wanted) => els.filter((el) => Array.from(el.querySelectorAll('a[rel="author"]'), (a) => a.textContent!.trim()).includes(wanted)).map((el) => el.id).sort(), login);
    expect(byAuthor.length).toBeGreaterThan(0);
    await page.hover(author);
    await page.click(`${author} + .shelfmark-quick-action`);
    const menu = await page.waitForSelector('.shelfmark-menu', { visible: true });
    const box = (await menu!.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator(`.shelfmark-menu-item::-p-text(Hide works by ${login})`).click();
    await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, {}, byAuthor.length);
    expect(await page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort())).toEqual(byAuthor);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator('.shelfmark-toast button::-p-text(Undo)').click();
    await page.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 0);
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
