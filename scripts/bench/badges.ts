/**
 * Reading badges and rules together, with the whole extension loaded in real
 * Chromium, on a real 20-blurb listing where every work has history (a mix of
 * partly read, caught up with new chapters, finished, and only visited) and
 * 500 rules. Timed by the content script's own performance marks: from the
 * background's state reply arriving (`shelfmark:state`) to every badge drawn
 * (`shelfmark:badges`). Beside it, from the same reply to the gate opening
 * (`shelfmark:revealed`): the bench's rules include rules on the reader's own
 * data, so every work here waited for the reply and is judged again after
 * the badges are drawn.
 *
 * The badges follow the state request, and #13 asks that drawing them cost
 * far less than that request: on a shared machine both slow down together,
 * so beside the absolute figure stands their ratio in the same load
 * (`badges_state_ratio`: badges drawn ÷ states asked → answer handled).
 */
import type { Page } from 'playwright-core';
import { readPage } from '../../utils/ao3/page';
import type { WorkBlurb } from '../../utils/ao3/types';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import { saveBenchRules } from '../lib/bench-rules';
import { parseArchiveHtml } from '../lib/html';
import { median, round } from '../lib/stats';
import { realPage, realPageHtml, realPages } from '../../tests/helpers/real-pages';
import { launchExtension } from '../../tests/e2e/harness';
import { closedCount } from '../../tests/e2e/closed-shadow';
import { requestFromPage } from '../../tests/e2e/extension-messages';
import type { BenchSection } from './types';

const RUNS = 21;
const LISTING = 'listing-tag-sherlock-holmes.html';

interface LoadTimes {
  badgesMs: number;
  /** States asked (`shelfmark:state-asked`) → answer handled. */
  requestMs: number;
  revealMs: number;
  stateMs: number;
  classifiedMs: number;
  badges: number;
}

async function load(page: Page, url: string): Promise<LoadTimes> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('shelfmark:badges').length > 0 && performance.getEntriesByName('shelfmark:revealed').length > 0);
  // No named helpers inside: tsx would wrap them in a `__name` call that the page doesn't have.
  const times = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const asked = performance.getEntriesByName('shelfmark:state-asked')[0]?.startTime ?? Number.NaN;
    const state = performance.getEntriesByName('shelfmark:state')[0]?.startTime ?? Number.NaN;
    const badges = performance.getEntriesByName('shelfmark:badges')[0]?.startTime ?? Number.NaN;
    const classified = performance.getEntriesByName('shelfmark:classified')[0]?.startTime ?? Number.NaN;
    const revealed = performance.getEntriesByName('shelfmark:revealed')[0]?.startTime ?? Number.NaN;
    return {
      badgesMs: badges - state,
      requestMs: state - asked,
      revealMs: revealed - state,
      stateMs: state - nav.domContentLoadedEventStart,
      classifiedMs: classified - nav.domContentLoadedEventStart,
    };
  });
  // The badges are in closed shadow roots, out of the page's reach: counted through DevTools.
  return { ...times, badges: await closedCount(page, '.shelfmark-host-blurb', '.shelfmark-badge') };
}

/** History for every work on the listing: each fourth work in each of four shapes. */
async function fillHistory(control: Page, blurbs: WorkBlurb[]): Promise<void> {
  for (const [i, blurb] of blurbs.entries()) {
    const facts = snapshotFromBlurb(blurb)!;
    const posted = blurb.chapters?.posted ?? 1;
    // Chapter ids as a work page would have listed them (the blurb names only the newest).
    const chapters = Array.from({ length: Math.max(1, posted - (i % 4 === 1 ? 1 : 0)) }, (_, k) => ({ id: 900_000_000 + facts.workId % 1_000_000 * 100 + k + 1, position: k + 1, title: `Chapter ${k + 1}` }));
    await requestFromPage(control, { type: 'visit/record', work: { ...facts, chapters }, chapter: { id: chapters[0]!.id, position: 1 } });
    const shape = i % 4;
    const read = shape === 0 ? chapters.slice(0, Math.ceil(chapters.length / 2)) : shape === 1 || shape === 2 ? chapters : [];
    if (read.length > 0) await requestFromPage(control, { type: 'reading/mark-chapters', workId: facts.workId, chapters: read.map(({ id, position }) => ({ id, position })), read: true });
  }
}

export async function run(): Promise<BenchSection> {
  if (realPages().length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const session = await launchExtension();
  try {
    const control = await session.extensionPage('popup.html');
    await saveBenchRules(session, control);

    const { url } = realPage(LISTING);
    const record = readPage(parseArchiveHtml(realPageHtml(LISTING)), url);
    const works = record.blurbs.filter((b): b is WorkBlurb => b.type === 'work' && b.workId !== null);
    await fillHistory(control, works);

    await session.serveRealPage(LISTING);
    const page = await session.context.newPage();
    await load(page, url);
    const times: LoadTimes[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await load(page, url));
    const badgesMs = round(median(times.map((t) => t.badgesMs)));
    const drawn = Math.min(...times.map((t) => t.badges));
    const requestMs = round(median(times.map((t) => t.requestMs)));
    const ratio = round(median(times.map((t) => t.badgesMs / t.requestMs)));
    return {
      rows: [
        { name: `${works.length}-blurb listing, every work with history, 500 rules: state reply → badges drawn`, value: badgesMs, unit: 'ms', note: `median of ${RUNS} loads; ${drawn} badges; target ≤ 3` },
        { name: 'states asked → reply handled (the request the badges follow)', value: requestMs, unit: 'ms', note: `badges ÷ request, per load: ${ratio} (target ≤ 0.1)` },
        { name: 'state reply → works shown (the works that waited for it judged again)', value: round(median(times.map((t) => t.revealMs))), unit: 'ms', note: 'every work on the page has history and waits' },
        { name: 'DOMContentLoaded → state reply handled (works/state with snapshots)', value: round(median(times.map((t) => t.stateMs))), unit: 'ms', note: `rules pass done at ${round(median(times.map((t) => t.classifiedMs)))} ms` },
      ],
      figures: { badges_ms: badgesMs, state_request_ms: requestMs, badges_state_ratio: ratio, state_reveal_ms: round(median(times.map((t) => t.revealMs))) },
    };
  } finally {
    await session.close();
  }
}
