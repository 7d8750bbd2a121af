/**
 * Hide and highlight with the whole extension loaded in real Chromium: a
 * real 20-blurb listing and the 1,000-blurb listing, each with 500 rules
 * (100 wildcards). Timed by the content script's own performance marks
 * against the page's DOMContentLoaded, so the figures are what a reader's
 * page spends: reading the page, classifying every blurb, decorating it.
 */
import type { Page } from 'playwright-core';
import { buildLargeListing } from '../lib/large-listing';
import { saveBenchRules } from '../lib/bench-rules';
import { median, round } from '../lib/stats';
import { realPageHtml, realPages } from '../../tests/helpers/real-pages';
import { launchExtension } from '../../tests/e2e/harness';
import { FLASH_SAMPLER, type FlashSamples } from '../../tests/e2e/flash-sampler';
import type { BenchSection } from './types';

const RUNS = 21;
const LISTING = 'listing-tag-sherlock-holmes.html';

interface LoadTimes {
  classifiedMs: number;
  revealedMs: number;
  flashFrames: number;
  baselineMs: number;
}

/** One page load: marks relative to DOMContentLoaded, and (with the sampler) frames that showed a hidden work. */
async function load(page: Page, url: string, sampleFlashes: boolean): Promise<LoadTimes> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('shelfmark:revealed').length > 0);
  if (sampleFlashes) {
    await page.waitForFunction(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash.frames > 20);
  }
  // No named helpers inside: tsx would wrap them in a `__name` call that the page doesn't have.
  return page.evaluate((sampled) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const classified = performance.getEntriesByName('shelfmark:classified')[0]?.startTime ?? Number.NaN;
    const revealed = performance.getEntriesByName('shelfmark:revealed')[0]?.startTime ?? Number.NaN;
    let flashFrames = 0;
    if (sampled) {
      const samples = (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash;
      for (const li of document.querySelectorAll('li.shelfmark-hidden, li.shelfmark-removed')) flashFrames += samples.visibleFrames[li.id] ?? 0;
    }
    const start = performance.now();
    void document.querySelectorAll('li.blurb').length;
    const baselineMs = performance.now() - start;
    return {
      classifiedMs: classified - nav.domContentLoadedEventStart,
      revealedMs: revealed - nav.domContentLoadedEventStart,
      flashFrames,
      baselineMs,
    };
  }, sampleFlashes);
}

async function loads(page: Page, url: string, sampleFlashes: boolean): Promise<LoadTimes[]> {
  const times: LoadTimes[] = [];
  // One warm-up load: the first visit also compiles the content script.
  await load(page, url, false);
  for (let i = 0; i < RUNS; i++) times.push(await load(page, url, sampleFlashes));
  return times;
}

export async function run(): Promise<BenchSection> {
  const pages = realPages();
  if (pages.length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const session = await launchExtension();
  try {
    const control = await session.extensionPage('popup.html');
    await saveBenchRules(session, control);

    const url = await session.serveRealPage(LISTING);
    const small = await session.context.newPage();
    await small.addInitScript(FLASH_SAMPLER);
    const smallTimes = await loads(small, url, true);
    const hiddenOnSmall = await small.$$eval('li.shelfmark-hidden', (els) => els.length);

    const tagListings = pages.filter((p) => p.main.startsWith('works-index'));
    const large = buildLargeListing(tagListings.map((p) => ({ url: p.url, html: realPageHtml(p.file) })), 1000);
    const largeUrl = 'https://archiveofourown.org/tags/Shelfmark%20Bench/works';
    await session.servePage(largeUrl, large.html);
    const big = await session.context.newPage();
    const bigTimes = await loads(big, largeUrl, false);
    const hiddenOnBig = await big.$$eval('li.shelfmark-hidden', (els) => els.length);

    const pick = (times: LoadTimes[], key: keyof LoadTimes) => round(median(times.map((t) => t[key])));
    const flashFrames = smallTimes.reduce((sum, t) => sum + t.flashFrames, 0);
    return {
      rows: [
        { name: '20-blurb listing, 500 rules: DOMContentLoaded → all classified', value: pick(smallTimes, 'classifiedMs'), unit: 'ms', note: `${hiddenOnSmall} hidden; querySelectorAll ${pick(smallTimes, 'baselineMs')} ms` },
        { name: '20-blurb listing: DOMContentLoaded → blurbs visible', value: pick(smallTimes, 'revealedMs'), unit: 'ms' },
        { name: 'frames painting a work that ends up hidden', value: flashFrames, unit: 'frames', note: `${RUNS} loads` },
        { name: '1,000-blurb listing, 500 rules: DOMContentLoaded → all classified', value: pick(bigTimes, 'classifiedMs'), unit: 'ms', note: `${hiddenOnBig} hidden; querySelectorAll ${pick(bigTimes, 'baselineMs')} ms` },
      ],
      figures: {
        listing_rules_ms: pick(smallTimes, 'classifiedMs'),
        listing1000_rules_ms: pick(bigTimes, 'classifiedMs'),
        reveal_ms: pick(smallTimes, 'revealedMs'),
        flash_frames: flashFrames,
      },
    };
  } finally {
    await session.close();
  }
}
