/**
 * Page model speed in real Chromium: reading every real listing page, and a
 * 1,000-blurb listing built from real blurbs, beside one bare
 * `querySelectorAll` pass over the same page.
 */
import { chromium, type Page } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath, routeArchive, servedKey } from '../lib/chromium';
import { bundleForBrowser } from '../lib/browser-bundle';
import { buildLargeListing } from '../lib/large-listing';
import { median, round } from '../lib/stats';
import { realPageHtml, realPages } from '../../tests/helpers/real-pages';
import type { BenchSection } from './types';
import type { PageTimes } from './page-model-entry';

const RUNS = 25;

/** The pages whose `#main` is a listing of blurbs. */
const LISTING_MAINS = ['works-index', 'tags-show', 'series-show', 'bookmarks-index', 'readings-index', 'users-show'];

async function timePage(page: Page, url: string): Promise<PageTimes> {
  return page.evaluate(
    ([url, runs]) =>
      (globalThis as unknown as { shelfmarkBench: { timePage(url: string, runs: number): PageTimes } }).shelfmarkBench.timePage(
        url,
        runs,
      ),
    [url, RUNS] as const,
  );
}

export async function run(): Promise<BenchSection> {
  const pages = realPages();
  if (pages.length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const listings = pages.filter((p) => LISTING_MAINS.some((main) => p.main.split(' ').includes(main)));
  const tagListings = pages.filter((p) => p.main.startsWith('works-index'));
  const bundle = await bundleForBrowser(join(dirname(fileURLToPath(import.meta.url)), 'page-model-entry.ts'));

  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });
  try {
    const context = await browser.newContext();
    const served = await routeArchive(context);
    const page = await context.newPage();

    const rows: BenchSection['rows'] = [];
    const perPage: number[] = [];
    for (const listing of listings) {
      served.set(servedKey(listing.url), { html: realPageHtml(listing.file), status: 200 });
      await page.goto(listing.url, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: bundle });
      const times = await timePage(page, listing.url);
      perPage.push(times.readMs);
      rows.push({
        name: `read ${listing.file}`,
        value: round(times.readMs),
        unit: 'ms',
        note: `${times.blurbs} blurbs; querySelectorAll ${round(times.baselineMs)} ms`,
      });
    }

    const large = buildLargeListing(
      tagListings.map((p) => ({ url: p.url, html: realPageHtml(p.file) })),
      1000,
    );
    served.set(servedKey(large.url), { html: large.html, status: 200 });
    await page.goto(large.url, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: bundle });
    const big = await timePage(page, large.url);
    rows.push({ name: 'read 1,000-blurb listing', value: round(big.readMs), unit: 'ms', note: `${big.blurbs} blurbs` });
    rows.push({ name: 'read 1,000-blurb listing, first time', value: round(big.firstReadMs), unit: 'ms', note: 'cold code, no wrappers yet' });
    rows.push({ name: 'querySelectorAll on the 1,000-blurb listing', value: round(big.baselineMs), unit: 'ms' });

    return {
      rows,
      figures: {
        listing_median_ms: round(median(perPage)),
        listing_max_ms: round(Math.max(...perPage)),
        listing1000_ms: round(big.readMs),
        listing1000_first_ms: round(big.firstReadMs),
        baseline1000_ms: round(big.baselineMs),
      },
    };
  } finally {
    await browser.close();
  }
}
