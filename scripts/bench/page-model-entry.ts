/**
 * Bundled for the browser by the bench (scripts/bench/page-model.ts): times
 * the page model inside the page. Kept in its own bundle because functions
 * passed to page.evaluate are serialised, and tsx's helpers don't survive that.
 */
import { readPage } from '../../utils/ao3/page';
import { median } from '../lib/stats';

export interface PageTimes {
  readMs: number;
  /** The first reading: code not yet compiled, no DOM wrappers yet, as a content script meets every page. */
  firstReadMs: number;
  baselineMs: number;
  blurbs: number;
}

function timePage(url: string, runs: number): PageTimes {
  const read: number[] = [];
  const baseline: number[] = [];
  let blurbs = 0;
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    blurbs = readPage(document, url).blurbs.length;
    read.push(performance.now() - start);
    start = performance.now();
    // The floor: finding the blurbs and nothing else.
    void document.querySelectorAll('li.blurb').length;
    baseline.push(performance.now() - start);
  }
  return { readMs: median(read), firstReadMs: read[0] ?? Number.NaN, baselineMs: median(baseline), blurbs };
}

(globalThis as unknown as { shelfmarkBench: unknown }).shelfmarkBench = { timePage };
