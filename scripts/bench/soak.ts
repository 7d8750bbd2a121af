/**
 * A long session in real Chromium, shared by the bench (`npm run bench --
 * soak`) and tests/e2e/soak.test.ts: 500 real listing, work and chapter
 * pages opened one after another in one tab, with 500 rules and 5,000 works
 * of history in the database. It reports
 * - the visits recorded against the visits the pages should have recorded;
 * - JavaScript errors (console.error/assert, uncaught exceptions) in the
 *   extension's content script on those pages, its extension page and its
 *   service worker — the archive pages' own scripts, which fail here
 *   without their libraries, are not counted;
 * - the service worker's JS heap, after a garbage collection, once the
 *   first 50 pages are open and at the end.
 */
import type { CDPSession, Page } from 'playwright-core';
import { readPage } from '../../utils/ao3/page';
import type { PageRecord } from '../../utils/ao3/types';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from '../../utils/backup/format';
import { LATEST_VERSION } from '../../utils/db/migrations';
import type { ReadingRecord, SavedRecord, VisitEntry, WorkFacts, WorkRecord } from '../../utils/db/types';
import { snapshotFromBlurb, snapshotFromWorkPage } from '../../utils/db/work-snapshot';
import { exportBackup, importBackup } from '../../tests/e2e/backup-transfer';
import { launchExtension } from '../../tests/e2e/harness';
import { realPageDocument, realPages } from '../../tests/helpers/real-pages';
import { saveBenchRules } from '../lib/bench-rules';
import { watchErrors, type RuntimeEvents } from '../lib/error-watch';
import { randomSequence } from '../lib/random';
import { round } from '../lib/stats';
import { attachToTarget, type TargetSession } from '../lib/target-session';
import type { BenchSection } from './types';

export const SOAK_PAGES = 500;
const WARMUP_PAGES = 50;
const HISTORY_WORKS = 5_000;
/** Visits reach the database a moment after the page that sent them: how long to wait for the last ones. */
const SETTLE_MS = 10_000;

export interface SoakResult {
  pages: number;
  expectedVisits: number;
  recordedVisits: number;
  consoleErrors: string[];
  /** The service worker's used JS heap, in bytes, after a garbage collection. */
  heapAfterWarmup: number;
  heapAtEnd: number;
  seconds: number;
}

interface SoakPage {
  file: string;
  url: string;
  record: PageRecord;
  /** Opening the page records one visit. */
  recordsVisit: boolean;
}

/**
 * Whether opening the page records a visit, as the content script decides
 * (features/reading-page.ts): a work page with an id and facts records one
 * visit every time it is opened; no visit is ever de-duplicated in time.
 */
function recordsVisit(record: PageRecord): boolean {
  const work = record.work;
  return record.kind === 'work' && work !== null && 'view' in work && work.workId !== null && snapshotFromWorkPage(work) !== null;
}

/** The real listing, work and chapter pages, in the manifest's order. */
function soakPages(): SoakPage[] {
  return realPages().flatMap(({ file, url }) => {
    const record = readPage(realPageDocument(file), url);
    return record.kind === 'listing' || record.kind === 'work' ? [{ file, url, record, recordsVisit: recordsVisit(record) }] : [];
  });
}

/** Every work on the pages' listings, as their blurbs describe them. */
function listedWorks(pages: SoakPage[]): WorkFacts[] {
  const works = new Map<number, WorkFacts>();
  for (const { record } of pages) {
    for (const blurb of record.blurbs) {
      const facts = blurb.type === 'work' ? snapshotFromBlurb(blurb) : null;
      if (facts) works.set(facts.workId, facts);
    }
  }
  return [...works.values()];
}

function fillerWork(workId: number, random: () => number): WorkFacts {
  const posted = 1 + Math.floor(random() * 10);
  return {
    workId,
    title: `Soak Work ${workId}`,
    authors: [{ login: `writer_${workId % 997}`, pseud: `writer_${workId % 997}` }],
    fandoms: [`Fandom Number ${workId % 40} (TV)`],
    rating: 'Teen And Up Audiences',
    tags: { warning: ['No Archive Warnings Apply'], category: ['Gen'], relationship: [], character: [`Character ${workId % 300}`], freeform: ['Fluff', 'Found Family'] },
    language: 'English',
    words: Math.floor(random() * 100_000),
    chapterCount: { posted, expected: random() < 0.5 ? posted : null },
    complete: random() < 0.5,
    chapters: [],
    series: [],
    updated: '2024-05-01',
    updatedAt: null,
    hiddenTags: { warnings: false, freeforms: false },
  };
}

/** A backup holding 5,000 works of history: every listed work first, one visit and a reading record each, every tenth saved. */
function historyBackup(listed: WorkFacts[]): BackupFile {
  const random = randomSequence(500);
  const exportedAt = Date.UTC(2025, 0, 1);
  const facts = [...listed.slice(0, HISTORY_WORKS)];
  for (let workId = 90_000_000; facts.length < HISTORY_WORKS; workId++) facts.push(fillerWork(workId, random));
  const works: WorkRecord[] = [];
  const reading: ReadingRecord[] = [];
  const visits: VisitEntry[] = [];
  const saved: SavedRecord[] = [];
  facts.forEach((work, i) => {
    const at = exportedAt - (HISTORY_WORKS - i) * 3_600_000;
    works.push({ ...work, firstSeen: at, lastSeen: at });
    reading.push({ workId: work.workId, chapters: [{ id: null, position: 1, readAt: i % 3 === 0 ? at : null, scroll: 0.5, scrollAt: at }], lastChapter: { id: null, position: 1, at }, visitCount: 1, firstVisit: at, lastVisit: at });
    visits.push({ workId: work.workId, chapterId: null, position: 1, at });
    if (i % 10 === 0) saved.push({ workId: work.workId, status: 'to-read', added: at, changed: at, note: '' });
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    schemaVersion: LATEST_VERSION,
    extensionVersion: 'soak',
    data: { works, reading, visits, saved, rules: [], settings: [], families: [] },
  };
}

/** A Playwright CDP session seen as the RuntimeEvents the error watch needs. */
function runtimeEventsOf(session: CDPSession): RuntimeEvents {
  return {
    send: (method) => session.send(method),
    on: (event, listener) => session.on(event as 'Runtime.consoleAPICalled', listener as never),
  };
}

async function heapUsed(worker: TargetSession): Promise<number> {
  await worker.send('HeapProfiler.collectGarbage');
  // A heap snapshot's own collection is the thorough one: after `collectGarbage` alone, megabytes of
  // garbage (from the tag family learner's fetches, which run all through the soak) were still counted,
  // and freed by taking a snapshot. The snapshot itself is thrown away.
  await worker.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const { usedSize } = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

/** Opens the page and waits until the content script is done with it. */
async function openPage(tab: Page, page: SoakPage): Promise<void> {
  await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
  await tab.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
  // The reading bar is filled in the same task that sends the visit (empty, it is only the place kept for it).
  if (page.recordsVisit) await tab.waitForSelector('.shelfmark-reading-bar:not(:empty)', { state: 'attached', timeout: 10_000 });
}

async function visitsLogged(control: Page): Promise<number> {
  return (await exportBackup(control)).data.visits.length;
}

/** The visits logged once `expected` are there, or once SETTLE_MS passed without them. */
async function settledVisits(control: Page, expected: number): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const logged = await visitsLogged(control);
    if (logged >= expected || Date.now() > deadline) return logged;
    await new Promise((done) => setTimeout(done, 250));
  }
}

export async function runSoak(pageCount: number = SOAK_PAGES): Promise<SoakResult> {
  const pages = soakPages();
  if (pages.length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
  const started = performance.now();
  // Bare pages, without the archive's own scripts: what this soaks is the extension, over 500 loads.
  const session = await launchExtension({ site: false });
  try {
    const errors: string[] = [];
    const control = await session.extensionPage('popup.html');
    const controlCdp = await session.context.newCDPSession(control);
    await watchErrors(runtimeEventsOf(controlCdp), 'extension page', errors);
    const origin = `chrome-extension://${session.extensionId}`;
    const worker = await attachToTarget(controlCdp, (t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`));
    await watchErrors(worker, 'service worker', errors);

    await importBackup(control, JSON.stringify(historyBackup(listedWorks(pages))), 'merge');
    await saveBenchRules(session, control);
    const visitsBefore = await visitsLogged(control);

    for (const page of pages) await session.serveRealPage(page.file);
    const tab = await session.context.newPage();
    const tabCdp = await session.context.newCDPSession(tab);
    // On archive pages only the content script's world is the extension's.
    await watchErrors(runtimeEventsOf(tabCdp), 'archive page', errors, (context) => context.origin === origin);
    // The archive's scripts, styles and images would come back empty: refusing them in the browser
    // spares two dozen trips through the test's router on every page. The pages themselves still go through it.
    await tabCdp.send('Network.enable');
    await tabCdp.send('Network.setBlockedURLs', { urls: ['*/javascripts/*', '*/stylesheets/*', '*/images/*', '*.css', '*.png', '*.gif', '*.jpg'] });

    let expectedVisits = 0;
    let heapAfterWarmup = Number.NaN;
    for (let i = 0; i < pageCount; i++) {
      const page = pages[i % pages.length]!;
      await openPage(tab, page);
      if (page.recordsVisit) expectedVisits++;
      if (i + 1 === WARMUP_PAGES) heapAfterWarmup = await heapUsed(worker);
    }
    const heapAtEnd = await heapUsed(worker);
    const recordedVisits = (await settledVisits(control, visitsBefore + expectedVisits)) - visitsBefore;
    return { pages: pageCount, expectedVisits, recordedVisits, consoleErrors: errors, heapAfterWarmup, heapAtEnd, seconds: (performance.now() - started) / 1000 };
  } finally {
    await session.close();
  }
}

/** How much the heap grew from the first 50 pages to the end, in percent (negative: it shrank). */
export function heapGrowthPct(result: SoakResult): number {
  return round(((result.heapAtEnd - result.heapAfterWarmup) / result.heapAfterWarmup) * 100, 1);
}

export function soakFigures(result: SoakResult): Record<string, number> {
  return {
    soak_pages: result.pages,
    soak_visits_missing: result.expectedVisits - result.recordedVisits,
    soak_console_errors: result.consoleErrors.length,
    soak_heap_growth_pct: heapGrowthPct(result),
  };
}

export function soakRows(result: SoakResult): BenchSection['rows'] {
  const kb = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en-US');
  return [
    { name: 'pages opened', value: result.pages, unit: 'pages', note: `${round(result.seconds, 1)} s in all` },
    { name: 'visits missing', value: result.expectedVisits - result.recordedVisits, unit: 'visits', note: `${result.recordedVisits} of ${result.expectedVisits} recorded` },
    { name: 'console errors', value: result.consoleErrors.length, unit: 'errors' },
    { name: 'background heap growth', value: heapGrowthPct(result), unit: '%', note: `${kb(result.heapAfterWarmup)} KB after ${WARMUP_PAGES} pages, ${kb(result.heapAtEnd)} KB at the end` },
  ];
}

export async function run(): Promise<BenchSection> {
  const result = await runSoak();
  for (const error of result.consoleErrors) console.error(error);
  return { rows: soakRows(result), figures: soakFigures(result) };
}
