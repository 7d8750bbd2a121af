/**
 * The options page's Library over 10,000 works (6,000 read, 6,000 saved,
 * 2,000 both), in real Chromium with the extension loaded. The library is
 * imported as a backup file, the way a reader's would be restored. Timings
 * come from the page's own performance marks (components/library/load.ts):
 * `library_render_ms` from the rows arriving to the table laid out (median
 * of several page loads); `library_filter_ms` from a keystroke in the search
 * field or a filter change to the filtered table laid out (median of 30).
 */
import type { Page } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from '../../utils/backup/format';
import { TRANSFER_CACHE, TRANSFER_KEY_PREFIX } from '../../utils/backup/transfer-area';
import { LATEST_VERSION } from '../../utils/db/migrations';
import { SAVED_STATUSES, type ReadingRecord, type SavedRecord, type WorkRecord } from '../../utils/db/types';
import { randomSequence } from '../lib/random';
import { median, round } from '../lib/stats';
import type { BenchSection } from './types';

const WORKS = 10_000;
const LOADS = 7;
const FILTER_RUNS = 30;

const FANDOMS = Array.from({ length: 120 }, (_, i) => `Fandom Number ${i} (TV)`);
const CHARACTERS = Array.from({ length: 800 }, (_, i) => `Character ${i} Surname`);
const FREEFORMS = ['Fluff', 'Angst', 'Hurt/Comfort', 'Slow Burn', 'Alternate Universe - Coffee Shops & Cafés', 'Found Family', 'Enemies to Lovers', 'Canon Compliant', 'Post-Canon', 'Friends to Lovers', 'Happy Ending', 'Humor'];

export function buildLibrary(): BackupFile {
  const random = randomSequence(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = Date.UTC(2025, 0, 1);
  const works: WorkRecord[] = [];
  const reading: ReadingRecord[] = [];
  const saved: SavedRecord[] = [];
  for (let i = 0; i < WORKS; i++) {
    const workId = 2_000_000 + i * 313;
    const posted = 1 + Math.floor(random() * 20);
    const login = `writer_${Math.floor(random() * 3_000)}`;
    works.push({
      workId,
      title: `${pick(['The', 'A', 'Of', 'Under'])} ${pick(['Long', 'Quiet', 'Burning', 'Lost'])} ${pick(['Road', 'Summer', 'Archive', 'Heart'])} ${i}`,
      authors: [{ login, pseud: login }],
      fandoms: random() < 0.2 ? [pick(FANDOMS), pick(FANDOMS)] : [pick(FANDOMS)],
      rating: 'Teen And Up Audiences',
      tags: {
        warning: ['No Archive Warnings Apply'],
        category: ['Gen'],
        relationship: [`${pick(CHARACTERS)}/${pick(CHARACTERS)}`],
        character: [pick(CHARACTERS), pick(CHARACTERS)],
        freeform: Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(FREEFORMS)),
      },
      language: 'English',
      words: Math.floor(random() * 150_000),
      chapterCount: { posted, expected: random() < 0.5 ? posted : null },
      complete: random() < 0.5,
      chapters: Array.from({ length: posted }, (_, c) => ({ id: workId * 100 + c, position: c + 1, title: `Chapter ${c + 1}` })),
      series: [],
      updated: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      updatedAt: null,
      hiddenTags: { warnings: false, freeforms: false },
      firstSeen: now - Math.floor(random() * 1e10),
      lastSeen: now,
    });
    if (i < 6_000) {
      const read = 1 + Math.floor(random() * posted);
      const lastVisit = now - Math.floor(random() * 1e9);
      reading.push({
        workId,
        chapters: Array.from({ length: read }, (_, c) => ({ id: workId * 100 + c, position: c + 1, readAt: lastVisit, scroll: 1, scrollAt: lastVisit })),
        lastChapter: { id: workId * 100 + read - 1, position: read, at: lastVisit },
        visitCount: read,
        firstVisit: lastVisit - 86_400_000,
        lastVisit,
      });
    }
    if (i >= 4_000) {
      const added = now - Math.floor(random() * 1e10);
      saved.push({ workId, status: pick(SAVED_STATUSES), added, changed: added, note: random() < 0.1 ? 'recommended by a friend' : '' });
    }
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    schemaVersion: LATEST_VERSION,
    extensionVersion: 'bench',
    data: { works, reading, visits: [], saved, rules: [], settings: [], families: [] },
  };
}

async function importLibrary(page: Page, text: string): Promise<void> {
  await page.evaluate(
    async ({ text, cache, prefix }) => {
      const transferId = `${Date.now()}-${crypto.randomUUID()}`;
      await (await caches.open(cache)).put(prefix + transferId, new Response(text));
      const reply = await chrome.runtime.sendMessage({ type: 'backup/import', transferId, mode: 'merge' });
      if (!reply?.ok) throw new Error(reply ? reply.error : 'no reply');
    },
    { text, cache: TRANSFER_CACHE, prefix: TRANSFER_KEY_PREFIX },
  );
}

/** One page load: the options page's own measure of rows-in → table laid out, and the whole open. */
async function timeLoad(page: Page): Promise<{ renderMs: number; openMs: number; rows: number }> {
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('sm-library-render').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    renderMs: performance.getEntriesByName('sm-library-render')[0]!.duration,
    openMs: performance.getEntriesByName('sm-library-rendered')[0]!.startTime,
    rows: Number((document.querySelector('.sm-library-count')?.textContent ?? '').replace(/\D/g, '')),
  }));
}

const QUERIES = ['road', 'quiet', 'writer_12', 'slow burn', 'fandom number 7', 'lost summer', 'character 3', 'found', 'heart 99', 'café', 'a', 'the long', 'enemies', 'hurt', 'x', 'archive 1', 'humor', 'post-canon', 'burning', 'writer'];

async function timeFilter(page: Page): Promise<number[]> {
  const times: number[] = [];
  const search = page.getByLabel('Search', { exact: true });
  const status = page.getByLabel('Status', { exact: true });
  const measured = () => page.evaluate(() => performance.getEntriesByName('sm-library-filter').length);
  for (let i = 0; i < FILTER_RUNS; i++) {
    const before = await measured();
    if (i % 5 === 4) await status.selectOption(i % 10 === 4 ? 'to-read' : 'any');
    else await search.fill(QUERIES[i % QUERIES.length]!);
    await page.waitForFunction((n) => performance.getEntriesByName('sm-library-filter').length > n, before);
    times.push(await page.evaluate(() => performance.getEntriesByName('sm-library-filter').at(-1)!.duration));
  }
  return times;
}

export async function run(): Promise<BenchSection> {
  const build = process.env.SHELFMARK_BUILD;
  const session = await launchExtension(build ? { extensionPath: build } : {});
  try {
    const page = await session.extensionPage('options.html');
    await page.setViewportSize({ width: 1440, height: 900 });
    await importLibrary(page, JSON.stringify(buildLibrary()));
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await timeLoad(page));
    if (loads[0]!.rows !== WORKS) throw new Error(`the Library shows ${loads[0]!.rows} works, not ${WORKS}`);
    const renderMs = median(loads.slice(1).map((l) => l.renderMs));
    const openMs = median(loads.slice(1).map((l) => l.openMs));
    const domRows = await page.evaluate(() => document.querySelectorAll('.sm-table-body [role="row"]').length);
    const filterMs = median(await timeFilter(page));
    return {
      rows: [
        { name: 'library first render (10,000 works)', value: round(renderMs, 1), unit: 'ms', note: `rows received → table laid out, median of ${LOADS - 1} loads; ${domRows} rows in the document; target ≤ 150` },
        { name: 'library search / filter update', value: round(filterMs, 1), unit: 'ms', note: `input → filtered table laid out, median of ${FILTER_RUNS}; target ≤ 50` },
        { name: 'options page open → library shown', value: round(openMs, 0), unit: 'ms', note: 'navigation start → table laid out, including library/list' },
      ],
      figures: { library_render_ms: round(renderMs, 1), library_filter_ms: round(filterMs, 1) },
    };
  } finally {
    await session.close();
  }
}
