/**
 * Hide and highlight with the whole extension loaded in real Chromium: a
 * real 20-blurb listing and the 1,000-blurb listing, each with 500 rules
 * (100 wildcards). Timed by the content script's own performance marks
 * against the page's DOMContentLoaded, so the figures are what a reader's
 * page spends: reading the page, classifying every blurb, decorating it.
 *
 * The content script classifies blurbs while the page is still parsed, so
 * beside "DOMContentLoaded → classified" stands its whole working time on the
 * page, document_start to done (the `shelfmark:busy` measures, work-clock.ts),
 * and the page's own parse and first paint, against the same pages loaded in
 * a browser without the extension: work moved before DOMContentLoaded is
 * neither hidden nor free. Then both pages again once the rules' tags have
 * learned families of 50,000 names in all, stored in the extension's database
 * as the learner would and mirrored for content scripts
 * (`listing_rules_families_ms`, `listing1000_rules_families_ms`).
 *
 * The build measured is `SHELFMARK_OUT_DIR` (default `.output`), as in the
 * real-browser tests.
 */
import type { Page } from 'playwright-core';
import { buildLargeListing } from '../lib/large-listing';
import { benchFamilies, benchRules, FAMILY_NAMES, saveBenchFamilies, saveBenchRules } from '../lib/bench-rules';
import { routeArchive, servedKey } from '../lib/chromium';
import { median, round } from '../lib/stats';
import { realPageHtml, realPages } from '../../tests/helpers/real-pages';
import { CHROME_BUILD, launchBareBrowser, launchExtension } from '../../tests/e2e/harness';
import { FLASH_SAMPLER, type FlashSamples } from '../../tests/e2e/flash-sampler';
import type { BenchSection } from './types';

const RUNS = 21;
/** Loads of each page in the browser without the extension: only its parse and paint are compared. */
const BARE_RUNS = 11;
const LISTING = 'listing-tag-sherlock-holmes.html';
const LARGE_URL = 'https://archiveofourown.org/tags/Shelfmark%20Bench/works';

/** The page's own timings, from its response: the part an extension could delay. */
interface PageTimes {
  /** Response → DOMContentLoaded. */
  parseMs: number;
  /** Response → first contentful paint. */
  paintMs: number;
}

interface LoadTimes extends PageTimes {
  classifiedMs: number;
  revealedMs: number;
  flashFrames: number;
  baselineMs: number;
  /** The content script's working time on the page, document_start → done. */
  busyMs: number;
  /** The part of `busyMs` spent before DOMContentLoaded. */
  busyBeforeDclMs: number;
}

/** Reads the page's own timings. No named helpers inside: tsx would wrap them in a `__name` call that the page doesn't have. */
function pageTimes(page: Page): Promise<PageTimes> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { parseMs: nav.domContentLoadedEventStart - nav.responseStart, paintMs: paint - nav.responseStart };
  });
}

/** One page load: marks relative to DOMContentLoaded, and (with the sampler) frames that showed a hidden work. */
async function load(page: Page, url: string, sampleFlashes: boolean): Promise<LoadTimes> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('shelfmark:revealed').length > 0);
  if (sampleFlashes) {
    await page.waitForFunction(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash.frames > 20);
  }
  const times = await page.evaluate((sampled) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const dcl = nav.domContentLoadedEventStart;
    const classified = performance.getEntriesByName('shelfmark:classified')[0]?.startTime ?? Number.NaN;
    const revealed = performance.getEntriesByName('shelfmark:revealed')[0]?.startTime ?? Number.NaN;
    let busyMs = 0;
    let busyBeforeDclMs = 0;
    for (const stretch of performance.getEntriesByName('shelfmark:busy')) {
      busyMs += stretch.duration;
      busyBeforeDclMs += Math.max(0, Math.min(stretch.startTime + stretch.duration, dcl) - stretch.startTime);
    }
    let flashFrames = 0;
    if (sampled) {
      const samples = (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash;
      for (const li of document.querySelectorAll('li.shelfmark-hidden, li.shelfmark-removed')) flashFrames += samples.visibleFrames[li.id] ?? 0;
    }
    const start = performance.now();
    void document.querySelectorAll('li.blurb').length;
    const baselineMs = performance.now() - start;
    return {
      classifiedMs: classified - dcl,
      revealedMs: revealed - dcl,
      flashFrames,
      baselineMs,
      // No measures at all: a build without the work clock, whose working time is unknown.
      busyMs: performance.getEntriesByName('shelfmark:busy').length > 0 ? busyMs : Number.NaN,
      busyBeforeDclMs,
    };
  }, sampleFlashes);
  return { ...times, ...(await pageTimes(page)) };
}

async function loads(page: Page, url: string, sampleFlashes: boolean): Promise<LoadTimes[]> {
  const times: LoadTimes[] = [];
  // One warm-up load: the first visit also compiles the content script.
  await load(page, url, false);
  for (let i = 0; i < RUNS; i++) times.push(await load(page, url, sampleFlashes));
  return times;
}

/** The same pages in the same kind of browser without the extension (harness.ts `launchBareBrowser`). */
async function bareLoads(pages: Array<{ url: string; html: string }>): Promise<PageTimes[][]> {
  const browser = await launchBareBrowser();
  try {
    const { context } = browser;
    const served = await routeArchive(context);
    for (const { url, html } of pages) served.set(servedKey(url), { html, status: 200 });
    const tab = await context.newPage();
    const all: PageTimes[][] = [];
    for (const { url } of pages) {
      const times: PageTimes[] = [];
      for (let i = 0; i <= BARE_RUNS; i++) {
        await tab.goto(url);
        await tab.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
        // The first load warms up, as with the extension.
        if (i > 0) times.push(await pageTimes(tab));
      }
      all.push(times);
    }
    return all;
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchSection> {
  const pages = realPages();
  if (pages.length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const smallHtml = realPageHtml(LISTING);
  const tagListings = pages.filter((p) => p.main.startsWith('works-index'));
  const large = buildLargeListing(tagListings.map((p) => ({ url: p.url, html: realPageHtml(p.file) })), 1000);

  // As the bare loads beside it: the archive's assets served empty.
  const session = await launchExtension({ site: false });
  let smallTimes: LoadTimes[];
  let bigTimes: LoadTimes[];
  let hiddenOnSmall: number;
  let hiddenOnBig: number;
  let familySmallTimes: LoadTimes[];
  let familyBigTimes: LoadTimes[];
  let url: string;
  try {
    const control = await session.extensionPage('popup.html');
    await saveBenchRules(session, control);

    url = await session.serveRealPage(LISTING);
    const small = await session.context.newPage();
    await small.addInitScript(FLASH_SAMPLER);
    smallTimes = await loads(small, url, true);
    hiddenOnSmall = await small.$$eval('li.shelfmark-hidden', (els) => els.length);

    await session.servePage(LARGE_URL, large.html);
    const big = await session.context.newPage();
    bigTimes = await loads(big, LARGE_URL, false);
    hiddenOnBig = await big.$$eval('li.shelfmark-hidden', (els) => els.length);

    // The same pages once the exact rules' tags have families of 50,000 names in all (issue #14).
    await saveBenchFamilies(session, control, benchFamilies(benchRules(), FAMILY_NAMES));
    familySmallTimes = await loads(small, url, true);
    familyBigTimes = await loads(big, LARGE_URL, false);
  } finally {
    await session.close();
  }
  const [smallBare = [], bigBare = []] = await bareLoads([
    { url, html: smallHtml },
    { url: LARGE_URL, html: large.html },
  ]);

  const pick = <T>(times: T[], key: keyof T) => round(median(times.map((t) => t[key] as number)));
  const flashFrames = [...smallTimes, ...familySmallTimes].reduce((sum, t) => sum + t.flashFrames, 0);
  const familiesNote = `the same 500 rules, their families ${FAMILY_NAMES.toLocaleString('en-US')} names in the mirror`;
  const busyNote = (times: LoadTimes[]) => `${pick(times, 'busyBeforeDclMs')} ms of it before DOMContentLoaded`;
  const parseNote = (times: LoadTimes[], bare: PageTimes[]) =>
    `without the extension ${pick(bare, 'parseMs')} ms; first paint ${pick(times, 'paintMs')} ms, without ${pick(bare, 'paintMs')} ms`;
  return {
    rows: [
      { name: '20-blurb listing, 500 rules: DOMContentLoaded → all classified', value: pick(smallTimes, 'classifiedMs'), unit: 'ms', note: `${hiddenOnSmall} hidden; querySelectorAll ${pick(smallTimes, 'baselineMs')} ms; build ${CHROME_BUILD}` },
      { name: '20-blurb listing: content script working time, document_start → done', value: pick(smallTimes, 'busyMs'), unit: 'ms', note: busyNote(smallTimes) },
      { name: '20-blurb listing: DOMContentLoaded → blurbs visible', value: pick(smallTimes, 'revealedMs'), unit: 'ms' },
      { name: '20-blurb listing: page response → DOMContentLoaded', value: pick(smallTimes, 'parseMs'), unit: 'ms', note: parseNote(smallTimes, smallBare) },
      { name: '20-blurb listing, 500 rules with tag families: DOMContentLoaded → all classified', value: pick(familySmallTimes, 'classifiedMs'), unit: 'ms', note: `${familiesNote}; working time ${pick(familySmallTimes, 'busyMs')} ms` },
      { name: 'frames painting a work that ends up hidden', value: flashFrames, unit: 'frames', note: `${RUNS} loads without families, ${RUNS} with` },
      { name: '1,000-blurb listing, 500 rules: DOMContentLoaded → all classified', value: pick(bigTimes, 'classifiedMs'), unit: 'ms', note: `${hiddenOnBig} hidden; querySelectorAll ${pick(bigTimes, 'baselineMs')} ms` },
      { name: '1,000-blurb listing: content script working time, document_start → done', value: pick(bigTimes, 'busyMs'), unit: 'ms', note: busyNote(bigTimes) },
      { name: '1,000-blurb listing: page response → DOMContentLoaded', value: pick(bigTimes, 'parseMs'), unit: 'ms', note: parseNote(bigTimes, bigBare) },
      { name: '1,000-blurb listing, 500 rules with tag families: DOMContentLoaded → all classified', value: pick(familyBigTimes, 'classifiedMs'), unit: 'ms', note: `${familiesNote}; working time ${pick(familyBigTimes, 'busyMs')} ms` },
    ],
    figures: {
      listing_rules_ms: pick(smallTimes, 'classifiedMs'),
      listing1000_rules_ms: pick(bigTimes, 'classifiedMs'),
      listing_rules_families_ms: pick(familySmallTimes, 'classifiedMs'),
      listing1000_rules_families_ms: pick(familyBigTimes, 'classifiedMs'),
      reveal_ms: pick(smallTimes, 'revealedMs'),
      flash_frames: flashFrames,
      listing_busy_ms: pick(smallTimes, 'busyMs'),
      listing1000_busy_ms: pick(bigTimes, 'busyMs'),
      listing_dcl_ms: pick(smallTimes, 'parseMs'),
      listing_dcl_bare_ms: pick(smallBare, 'parseMs'),
      listing1000_dcl_ms: pick(bigTimes, 'parseMs'),
      listing1000_dcl_bare_ms: pick(bigBare, 'parseMs'),
      listing_fcp_ms: pick(smallTimes, 'paintMs'),
      listing_fcp_bare_ms: pick(smallBare, 'paintMs'),
    },
  };
}
