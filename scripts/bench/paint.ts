/**
 * When the works a reader keeps are painted (issue #15), in real Chromium on
 * pages that arrive over time: the real 21-blurb listing and the 1,000-blurb
 * listing, each with 500 rules, streamed in pieces by a local HTTPS server
 * the browser takes for the archive (tests/e2e/https-archive.ts) — served all
 * at once, a page would show nothing of what paints while it is parsed (see
 * PACING and LARGE_PACING). The
 * same pages, streamed the same way, load in the same kind of browser
 * without the extension (harness.ts `launchBareBrowser`: a persistent
 * profile, as the extension's and every reader's is), each load beside one
 * with it (interleaved: the machine's load falls on both alike). Neither
 * browser intercepts requests: both get every page and asset from that
 * server, so the two differ by the extension alone.
 *
 * Paint times are the frames (requestAnimationFrame, the page's clock) in
 * which each blurb's heading was first visible, from the page's response:
 * `first_work_ms` the first kept work on the small page, `all_works1000_ms`
 * the last kept work on the large one, each against its `…_bare_ms` twin (the
 * same works in the bare browser); the goal is at most 1.1 times. Beside
 * them: frames that painted a work the rules hide, the page's cumulative
 * layout shift with the extension (the bare page's in the note), and the
 * content script's working time (`shelfmark:busy`, work-clock.ts). The
 * small page also loads in a third browser, whose only extension has a
 * content script that does nothing (floor-extension.ts): what any extension
 * running at document_start costs the first paint, whatever it does.
 *
 * The build measured is `SHELFMARK_OUT_DIR` (default `.output`).
 */
import type { Page } from 'playwright-core';
import { buildLargeListing } from '../lib/large-listing';
import { saveBenchRules } from '../lib/bench-rules';
import { againstFloor, floorNote } from '../lib/floor-goal';
import { writeFloorExtension } from '../lib/floor-extension';
import { median, round } from '../lib/stats';
import { realPage, realPageHtml, realPages } from '../../tests/helpers/real-pages';
import { launchBareBrowser, launchExtension, type BareBrowser, type ExtensionSession } from '../../tests/e2e/harness';
import { startHttpsArchive, type Pacing } from '../../tests/e2e/https-archive';
import { FLASH_SAMPLER, type FlashSamples } from '../../tests/e2e/flash-sampler';
import { LAYOUT_SHIFT_WATCH, type LayoutShift } from '../../tests/e2e/layout-shift';
import type { BenchSection } from './types';

const LISTING = 'listing-tag-sherlock-holmes.html';
const LARGE_URL = 'https://archiveofourown.org/tags/Shelfmark%20Paint%20Bench/works';
/** 32 KB every 20 ms (about 13 Mbit/s): the small page (~190 KB) in 6 pieces over ~0.1 s. */
const PACING: Pacing = { chunkBytes: 32 * 1024, delayMs: 20 };
/**
 * 256 KB every 20 ms (about 100 Mbit/s) for the large page (~7 MB): 27 pieces over ~0.5 s. In
 * smaller pieces the browser lays the growing page out again for each, and a load takes a minute
 * on a loaded machine, with or without the extension.
 */
const LARGE_PACING: Pacing = { chunkBytes: 256 * 1024, delayMs: 20 };
/**
 * Loads of the small page apart by tens of milliseconds on a loaded machine, with or without any
 * extension, and its goal is within that: 25 keep the medians within a few.
 */
const SMALL_RUNS = 25;
/**
 * While it parses the large page the browser draws only a couple of dozen frames, and every kept
 * work is usually first painted in the same one: a load's figure is about a second, or, when the
 * browser puts that frame off, several — with or without the extension. Eleven loads keep the
 * median on the common case.
 */
const LARGE_RUNS = 11;
/** At most this many times the bare page's figure. */
const PAINT_GOAL = 1.1;
const SHIFT_GOAL = 0.01;

interface PaintLoad {
  /** Response → first kept work painted. */
  firstMs: number;
  /** Response → every kept work painted. */
  allMs: number;
  /** Frames that painted a work hidden in the end. */
  flashFrames: number;
  layoutShift: number;
  /** The content script's working time (NaN without the extension). */
  busyMs: number;
  /** Response → DOMContentLoaded. */
  dclMs: number;
  /** The works kept (every id'd blurb, on a bare page). */
  kept: string[];
}

/**
 * One load, timed for the works in `kept` (null: the works the page ends up showing).
 * No named helpers inside the page function: tsx would wrap them in a `__name` call the page doesn't have.
 */
async function load(page: Page, url: string, withExtension: boolean, kept: string[] | null): Promise<PaintLoad> {
  // Nothing of Playwright's may run in the page before it has loaded: its first evaluation in a new
  // document sends the page its own ~300 KB script, and the browser delivers that message ahead of
  // the extension's storage replies, holding the rules back for tens of milliseconds (a trace shows
  // the reply queued behind it) — a delay no reader's browser has. The load event comes without it.
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  // Then the gate's opening (at most about a second after DOMContentLoaded: the fail-safe), and a
  // few more frames for the sampler, after the last change.
  await page.evaluate(async (ext) => {
    while (ext && performance.getEntriesByName('shelfmark:revealed').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, withExtension);
  return page.evaluate((keptIds) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const samples = (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash;
    const blurbs = Array.from(document.querySelectorAll('li.blurb')).filter((li) => li.id);
    const hidden = new Set(Array.from(document.querySelectorAll('li.blurb.shelfmark-hidden, li.blurb.shelfmark-removed'), (li) => li.id));
    const ids = keptIds ?? blurbs.filter((li) => !hidden.has(li.id)).map((li) => li.id);
    const painted = ids.map((id) => samples.firstVisibleAt[id] ?? Number.NaN);
    let flashFrames = 0;
    for (const id of hidden) flashFrames += samples.visibleFrames[id] ?? 0;
    const stretches = performance.getEntriesByName('shelfmark:busy');
    return {
      firstMs: Math.min(...painted) - nav.responseStart,
      // A kept work never painted makes this NaN: Math.max passes it on.
      allMs: Math.max(...painted) - nav.responseStart,
      flashFrames,
      layoutShift: (window as unknown as { __shelfmarkLayoutShift: LayoutShift }).__shelfmarkLayoutShift.value,
      busyMs: stretches.length > 0 ? stretches.reduce((sum, s) => sum + s.duration, 0) : Number.NaN,
      dclMs: nav.domContentLoadedEventStart - nav.responseStart,
      kept: ids,
    };
  }, kept);
}

async function samplingPage(open: () => Promise<Page>): Promise<Page> {
  const page = await open();
  await page.addInitScript(FLASH_SAMPLER);
  await page.addInitScript(LAYOUT_SHIFT_WATCH);
  return page;
}

interface Loads {
  ext: PaintLoad[];
  bare: PaintLoad[];
  /** With the do-nothing extension (floor-extension.ts), when it was loaded too. */
  floor: PaintLoad[];
}

/** `runs` loads of `url`, each with the extension, then without (then with `floor`'s); one warm-up of each first. */
async function interleaved(withExt: Page, bare: Page, url: string, runs: number, floor?: Page): Promise<Loads> {
  const warm = await load(withExt, url, true, null);
  await load(bare, url, false, warm.kept);
  if (floor) await load(floor, url, false, warm.kept);
  const times: Loads = { ext: [], bare: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    const ext = await load(withExt, url, true, null);
    times.ext.push(ext);
    times.bare.push(await load(bare, url, false, ext.kept));
    if (floor) times.floor.push(await load(floor, url, false, ext.kept));
  }
  return times;
}

export async function run(): Promise<BenchSection> {
  if (realPages().length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const tagListings = realPages().filter((p) => p.main.startsWith('works-index'));
  const large = buildLargeListing(tagListings.map((p) => ({ url: p.url, html: realPageHtml(p.file) })), 1000);
  const smallUrl = realPage(LISTING).url;

  const archive = await startHttpsArchive();
  archive.servePage(smallUrl, realPageHtml(LISTING), PACING);
  archive.servePage(LARGE_URL, large.html, LARGE_PACING);
  // Unrouted, as the bare browser: the two loads differ by the extension alone (harness.ts, `direct`).
  const session = await launchExtension({ archive, direct: true });
  const floorExtension = writeFloorExtension();
  let bare: BareBrowser | null = null;
  let floor: ExtensionSession | null = null;
  let small: Loads;
  let big: Loads;
  try {
    const control = await session.extensionPage('popup.html');
    await saveBenchRules(session, control);
    bare = await launchBareBrowser(archive);
    floor = await launchExtension({ archive, direct: true, extensionPath: floorExtension.path });
    const { context: bareContext } = bare;
    const { context: floorContext } = floor;
    small = await interleaved(
      await samplingPage(() => session.context.newPage()),
      await samplingPage(() => bareContext.newPage()),
      smallUrl,
      SMALL_RUNS,
      await samplingPage(() => floorContext.newPage()),
    );
    big = await interleaved(await samplingPage(() => session.context.newPage()), await samplingPage(() => bareContext.newPage()), LARGE_URL, LARGE_RUNS);
  } finally {
    await floor?.close();
    floorExtension.remove();
    await bare?.close();
    await session.close();
    await archive.close();
  }

  const pick = (times: PaintLoad[], key: 'firstMs' | 'allMs' | 'layoutShift' | 'busyMs' | 'dclMs', decimals = 1) => round(median(times.map((t) => t[key])), decimals);
  const first = pick(small.ext, 'firstMs');
  const firstBare = pick(small.bare, 'firstMs');
  const firstFloor = pick(small.floor, 'firstMs');
  const all = pick(big.ext, 'allMs');
  const allBare = pick(big.bare, 'allMs');
  const firstGoal = againstFloor(first, firstBare, PAINT_GOAL);
  const floorRatio = againstFloor(firstFloor, firstBare).ratio;
  // What Shelfmark adds to what any document_start extension costs (its gate, reads and classifying).
  const overFloor = againstFloor(first, firstFloor).ratio;
  const allGoal = againstFloor(all, allBare, PAINT_GOAL);
  const flashSmall = small.ext.reduce((sum, t) => sum + t.flashFrames, 0);
  const flashBig = big.ext.reduce((sum, t) => sum + t.flashFrames, 0);
  // The worst load's shift, not the median: one load that jumps is one a reader sees.
  const shift = round(Math.max(...small.ext.map((t) => t.layoutShift), ...big.ext.map((t) => t.layoutShift)), 4);
  const shiftBare = round(Math.max(...small.bare.map((t) => t.layoutShift), ...big.bare.map((t) => t.layoutShift)), 4);
  const holds = (ok: boolean) => (ok ? 'holds' : 'NOT HELD');
  const pacing = (p: Pacing) => `streamed ${p.chunkBytes / 1024} KB every ${p.delayMs} ms`;
  return {
    rows: [
      { name: '21-blurb listing, 500 rules: response → first kept work painted', value: first, unit: 'ms', note: `without the extension ${firstBare} ms; ${floorNote(firstGoal, 'first_work_ms', 'first_work_bare_ms', PAINT_GOAL)}; ${pacing(PACING)}; ${SMALL_RUNS} loads` },
      {
        name: '21-blurb listing: response → first work painted, with a do-nothing document_start content script',
        value: firstFloor,
        unit: 'ms',
        note: `the floor of any such extension: ${floorRatio} × without the extension; Shelfmark's figure is ${overFloor} × this floor`,
      },
      { name: '21-blurb listing: response → DOMContentLoaded', value: pick(small.ext, 'dclMs'), unit: 'ms', note: `without the extension ${pick(small.bare, 'dclMs')} ms` },
      { name: '21-blurb listing: content script working time', value: pick(small.ext, 'busyMs'), unit: 'ms' },
      { name: '1,000-blurb listing, 500 rules: response → every kept work painted', value: all, unit: 'ms', note: `without the extension ${allBare} ms; ${floorNote(allGoal, 'all_works1000_ms', 'all_works1000_bare_ms', PAINT_GOAL)}; ${pacing(LARGE_PACING)}; ${LARGE_RUNS} loads` },
      { name: '1,000-blurb listing: response → first kept work painted', value: pick(big.ext, 'firstMs'), unit: 'ms', note: `without the extension ${pick(big.bare, 'firstMs')} ms` },
      { name: '1,000-blurb listing: response → DOMContentLoaded', value: pick(big.ext, 'dclMs'), unit: 'ms', note: `without the extension ${pick(big.bare, 'dclMs')} ms` },
      { name: '1,000-blurb listing: content script working time', value: pick(big.ext, 'busyMs'), unit: 'ms' },
      { name: 'frames painting a work that ends up hidden (both pages)', value: flashSmall + flashBig, unit: 'frames', note: `${flashSmall} + ${flashBig}; goal 0: ${holds(flashSmall + flashBig === 0)}` },
      { name: 'cumulative layout shift, worst load (both pages)', value: shift, unit: '', note: `without the extension ${shiftBare}; goal ≤ ${SHIFT_GOAL}: ${holds(shift <= SHIFT_GOAL)}` },
    ],
    figures: {
      first_work_ms: first,
      first_work_bare_ms: firstBare,
      first_work_ratio: firstGoal.ratio,
      first_work_floor_ms: firstFloor,
      first_work_floor_ratio: floorRatio,
      all_works1000_ms: all,
      all_works1000_bare_ms: allBare,
      all_works1000_ratio: allGoal.ratio,
      paint_flash_frames: flashSmall,
      paint1000_flash_frames: flashBig,
      layout_shift: shift,
      layout_shift_bare: shiftBare,
      paint_busy_ms: pick(small.ext, 'busyMs'),
      paint1000_busy_ms: pick(big.ext, 'busyMs'),
    },
  };
}
