/**
 * Hiding works in Firefox: a rule saved from a real listing's quick-action
 * menu hides the matching works at once, and after a reload they are hidden
 * from the first paint with placeholders naming the rule.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { FLASH_SAMPLER, type FlashSamples } from '../e2e/flash-sampler';
import { launchFirefoxExtension, waitForClassified, type FirefoxSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
const AUTHOR = 'EdosianOrchids901';
/** The seven works by that author on that page, checked by hand (as in tests/e2e/listing-rules.test.ts). */
const BY_AUTHOR = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];

const hiddenIds = (page: Page) => page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
const visible = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));

describeRealPages('Firefox: a rule hides works on a real listing', () => {
  let session: FirefoxSession;
  let url: string;

  beforeAll(async () => {
    session = await launchFirefoxExtension();
    url = session.serveRealPage(LISTING);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('saves a rule from the quick-action menu; the listing hides the works, also after a reload and without a flash', async () => {
    const page = await session.open(url);
    expect(await hiddenIds(page)).toEqual([]);
    expect(await page.$$eval('li.blurb', (els) => els.length)).toBe(21);

    // Pointing at the author's link offers the actions; the menu saves the rule through the background.
    await page.hover('#work_77598646 a[rel="author"]');
    await page.waitForSelector('#work_77598646 a[rel="author"] + .shelfmark-quick-action', { visible: true });
    await page.click('#work_77598646 a[rel="author"] + .shelfmark-quick-action');
    await page.locator(`.shelfmark-menu-item::-p-text(Hide works by ${AUTHOR})`).click();
    await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, {}, BY_AUTHOR.length);
    expect(await hiddenIds(page)).toEqual([...BY_AUTHOR].sort());
    expect(await page.$eval('.shelfmark-toast', (el) => el.textContent)).toContain(AUTHOR);

    // Reloaded, the page is classified from the saved rules at document_start, before anything is painted.
    await page.evaluateOnNewDocument(FLASH_SAMPLER);
    await page.reload();
    await waitForClassified(page);
    await page.waitForFunction(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash.frames > 30);
    expect(await hiddenIds(page)).toEqual([...BY_AUTHOR].sort());
    const samples = await page.evaluate(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash);
    expect(BY_AUTHOR.map((id) => samples.visibleFrames[id] ?? 0)).toEqual(BY_AUTHOR.map(() => 0));
    // The sampler does see works that stay shown.
    expect(samples.visibleFrames.work_77862241).toBeGreaterThan(0);

    // Each hidden work is a placeholder giving the reason; its content is not shown (the add-on's CSS applies).
    expect(await page.$eval('#work_77598646 .shelfmark-placeholder', (el) => el.textContent)).toContain(AUTHOR);
    // Seven in a row: the first holds the one line standing for them all.
    expect(await visible(page, '#work_77598646 > .shelfmark-fold')).toBe(true);
    expect(await visible(page, '#work_77598646 h4.heading')).toBe(false);
    expect(await visible(page, '#work_77862241 h4.heading')).toBe(true);
    expect(await page.$eval('.shelfmark-summary', (el) => el.textContent)).toMatch(/7 of 21 works hidden/);
    await page.close();
  });

  it('draws badges and Save controls in closed roots: a host on every work blurb, one fixed box (its styles apply)', async () => {
    const page = await session.open(url);
    const hosts = await page.evaluate(() => {
      // The shown ones: the first test's rule hides some, and a hidden blurb's heading has no box.
      const works = Array.from(document.querySelectorAll('li.work.blurb:not(.shelfmark-hidden)'));
      return works.map((blurb) => {
        const host = blurb.querySelector('.heading > .shelfmark-host-blurb');
        const rect = host?.getBoundingClientRect();
        return host ? { open: host.shadowRoot !== null, text: host.textContent, box: `${rect!.width}×${rect!.height}` } : null;
      });
    });
    expect(hosts.length).toBeGreaterThan(10);
    // Without its shadow styles the empty span would have no width.
    expect(parseFloat(hosts[0]!.box)).toBeGreaterThan(100);
    expect(hosts).toEqual(hosts.map(() => ({ open: false, text: '', box: hosts[0]!.box })));
    await page.close();
  });

  it('nothing tried to reach the network', () => {
    expect(session.outsideConnections()).toEqual([]);
  });
});
