/**
 * Storage speed in real Chromium with the extension loaded, over a library of
 * 100,000 works, 100,000 reading records and 300,000 visits. The library is
 * written the way a reader's would be restored: a backup file imported the
 * way the options page imports one, so the bench needs no test-only code in
 * the extension. Per-message figures are medians of repeated round trips
 * timed inside an extension page.
 */
import type { Page, Worker } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from '../../utils/backup/format';
import { parseBackupText } from '../../utils/backup/parse';
import { TRANSFER_CACHE, TRANSFER_KEY_PREFIX } from '../../utils/backup/transfer-area';
import { LATEST_VERSION } from '../../utils/db/migrations';
import { DATA_STORES, DB_NAME } from '../../utils/db/schema';
import type { ReadingRecord, StoredWork, VisitBucket, VisitEntry, WorkRecord } from '../../utils/db/types';
import { VISIT_BUCKET_SIZE } from '../../utils/db/visit-log';
import { againstFloor, floorNote } from '../lib/floor-goal';
import { randomSequence } from '../lib/random';
import { median, round } from '../lib/stats';
import type { BenchSection } from './types';

const WORKS = 100_000;
const READING = 100_000;
const VISITS = 300_000;
const RUNS = 30;
/** Exports timed, each beside a run of its floor: the median of three holds on a loaded machine where one doesn't. */
const EXPORT_ROUNDS = 3;
/** Imports into an emptied database, each beside a run of its floor, for the same reason. */
const IMPORT_ROUNDS = 3;

const FANDOMS = Array.from({ length: 300 }, (_, i) => `Fandom Number ${i} (TV)`);
const CHARACTERS = Array.from({ length: 2_000 }, (_, i) => `Character ${i} Surname`);
const FREEFORMS = ['Fluff', 'Angst', 'Hurt/Comfort', 'Slow Burn', 'Alternate Universe - Coffee Shops & Cafés', 'Found Family', 'Enemies to Lovers', 'Canon Compliant', 'Post-Canon', 'Friends to Lovers', 'Happy Ending', 'Humor', 'Romance', 'Drama', 'Whump'];

/** A library like a heavy reader's: archive-sized ids, several tags of every kind, chapter lists for works read. */
export function buildLibrary(): BackupFile {
  const random = randomSequence(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = Date.UTC(2025, 0, 1);
  const works: WorkRecord[] = [];
  const reading: ReadingRecord[] = [];
  for (let i = 0; i < WORKS; i++) {
    const workId = 1_000_000 + i * 571;
    const posted = 1 + Math.floor(random() * 12);
    const read = i < READING;
    const login = `writer_${Math.floor(random() * 30_000)}`;
    works.push({
      workId,
      title: `${pick(['The', 'A', 'Of', 'Under'])} ${pick(['Long', 'Quiet', 'Burning', 'Lost'])} ${pick(['Road', 'Summer', 'Archive', 'Heart'])} ${i}`,
      authors: [{ login, pseud: login }],
      fandoms: random() < 0.2 ? [pick(FANDOMS), pick(FANDOMS)] : [pick(FANDOMS)],
      rating: pick(['General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit', 'Not Rated']),
      tags: {
        warning: ['No Archive Warnings Apply'],
        category: [pick(['M/M', 'F/F', 'F/M', 'Gen', 'Multi'])],
        relationship: [`${pick(CHARACTERS)}/${pick(CHARACTERS)}`],
        character: [pick(CHARACTERS), pick(CHARACTERS), pick(CHARACTERS)],
        freeform: Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(FREEFORMS)),
      },
      language: 'English',
      words: Math.floor(random() * 150_000),
      chapterCount: { posted, expected: random() < 0.5 ? posted : null },
      complete: random() < 0.5,
      chapters: read ? Array.from({ length: Math.min(posted, 3) }, (_, c) => ({ id: workId * 10 + c, position: c + 1, title: `Chapter ${c + 1}` })) : [],
      series: [],
      updated: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      updatedAt: null,
      hiddenTags: { warnings: false, freeforms: false },
      firstSeen: now - Math.floor(random() * 1e10),
      lastSeen: now,
    });
    if (read) {
      const lastVisit = now - Math.floor(random() * 1e9);
      reading.push({
        workId,
        chapters: [{ id: workId * 10, position: 1, readAt: lastVisit, scroll: 1, scrollAt: lastVisit }],
        lastChapter: { id: workId * 10, position: 1, at: lastVisit },
        visitCount: 3,
        firstVisit: lastVisit - 86_400_000,
        lastVisit,
      });
    }
  }
  const visits: VisitEntry[] = [];
  for (let i = 0; i < VISITS; i++) {
    const workId = works[i % READING]!.workId;
    visits.push({ workId, chapterId: workId * 10, position: 1, at: now - (VISITS - i) * 60_000 });
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    schemaVersion: LATEST_VERSION,
    extensionVersion: 'bench',
    data: { works, reading, visits, saved: [], rules: [], settings: [], families: [] },
  };
}

interface PageGlobals {
  /** The library's text, handed to the page in pieces (a page.evaluate argument has its own limits). */
  pieces: string[];
  /** Sends a request and returns its value, throwing the background's error. */
  call: (message: unknown) => Promise<{ transferId: string; chars: number }>;
}

const PIECE_CHARS = 8 * 1024 * 1024;

// Installed as source text: functions the bench passes to page.evaluate must not declare named
// helpers, which the TypeScript loader would wrap in a helper the page doesn't have.
const PAGE_HELPERS = `globalThis.pieces = [];
globalThis.call = async (message) => {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply || !reply.ok) throw new Error(reply ? reply.error : 'no reply');
  return reply.value;
};`;

const transfer = { cache: TRANSFER_CACHE, prefix: TRANSFER_KEY_PREFIX };

/**
 * Imports the library as the options page does once the reader chose the file: hand the file over
 * through the transfer area, then one `backup/import`. The time to hand it over, and to import it.
 */
async function timeImport(page: Page): Promise<{ handOverMs: number; commitMs: number }> {
  return page.evaluate(async (transfer) => {
    const g = globalThis as unknown as PageGlobals;
    const file = new Blob(g.pieces, { type: 'application/json' });
    const transferId = `${Date.now()}-${crypto.randomUUID()}`;
    const started = performance.now();
    await (await caches.open(transfer.cache)).put(transfer.prefix + transferId, new Response(file));
    const handedOver = performance.now();
    await g.call({ type: 'backup/import', transferId, mode: 'merge' });
    return { handOverMs: handedOver - started, commitMs: performance.now() - handedOver };
  }, transfer);
}

/** Round trips of `messages`, timed one at a time in the page. */
async function timeMessages(page: Page, messages: unknown[]): Promise<number[]> {
  return page.evaluate(async (messages) => {
    const times: number[] = [];
    for (const message of messages) {
      const started = performance.now();
      await (globalThis as unknown as PageGlobals).call(message);
      times.push(performance.now() - started);
    }
    return times;
  }, messages);
}

/** Exports as the options page does: `backup/export`, then the file taken from the transfer area, ready to download. */
async function timeExport(page: Page): Promise<{ buildMs: number; fetchMs: number; chars: number; bytes: number }> {
  return page.evaluate(async (transfer) => {
    const g = globalThis as unknown as PageGlobals;
    const started = performance.now();
    const { transferId, chars } = await g.call({ type: 'backup/export' });
    const built = performance.now();
    const cache = await caches.open(transfer.cache);
    const file = await (await cache.match(transfer.prefix + transferId))!.blob();
    await cache.delete(transfer.prefix + transferId);
    return { buildMs: built - started, fetchMs: performance.now() - built, chars, bytes: file.size };
  }, transfer);
}

/**
 * The browser's own floor for the import's writes: the records the import writes into an empty
 * database (the works, each with its reading inside as the works store keeps them, and the visit
 * log's buckets), put with the bare IndexedDB API in one transaction, into a scratch database with
 * the same stores and indexes, deleted afterwards.
 */
const BARE_PUTS = `(async ({ works, buckets }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('shelfmark-bench-floor', 1);
    open.onupgradeneeded = () => {
      const works = open.result.createObjectStore('works', { keyPath: 'workId' });
      works.createIndex('lastVisit', 'reading.lastVisit');
      works.createIndex('savedStatus', 'saved.status');
      works.createIndex('savedAdded', 'saved.added');
      works.createIndex('savedChanged', 'saved.changed');
      open.result.createObjectStore('visits', { keyPath: 'seq' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['works', 'visits'], 'readwrite', { durability: 'strict' });
    for (const record of works) tx.objectStore('works').put(record);
    for (const bucket of buckets) tx.objectStore('visits').put(bucket);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const elapsed = performance.now() - started;
  db.close();
  await new Promise((resolve) => { indexedDB.deleteDatabase('shelfmark-bench-floor').onsuccess = resolve; });
  return elapsed;
})`;

/**
 * The browser's own floor for the export: every record of the data stores read with bare IndexedDB
 * in one read transaction (a getAll per store), then serialised with one JSON.stringify into a Blob,
 * no extension code. It runs where the real export runs, in the extension's service worker, and
 * reads the extension's own database, opened read-only beside the worker's connection: the same
 * records in the same on-disk state the export reads. A scratch copy would sit in the same origin's
 * backing store anyway, but fresh from a 135 MB write the browser is still compacting, which slows
 * (or warms) the reads that follow it. The records are serialised as stored (each work with its
 * reading inside, the visits in their buckets): the same data, within a few percent of the file's size.
 */
const BARE_EXPORT = `(async ({ name, stores }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  const data = await new Promise((resolve, reject) => {
    const tx = db.transaction(stores, 'readonly');
    const data = {};
    for (const store of stores) tx.objectStore(store).getAll().onsuccess = (event) => { data[store] = event.target.result; };
    tx.oncomplete = () => resolve(data);
    tx.onerror = () => reject(tx.error);
  });
  const read = performance.now();
  const file = new Blob([JSON.stringify({ format: 'bare', data })], { type: 'application/json' });
  const done = performance.now();
  db.close();
  return { readMs: read - started, serialiseMs: done - read, bytes: file.size };
})`;

interface BareExport {
  readMs: number;
  serialiseMs: number;
  bytes: number;
}

async function timeBareExport(worker: Worker): Promise<BareExport> {
  return worker.evaluate(`${BARE_EXPORT}(${JSON.stringify({ name: DB_NAME, stores: DATA_STORES })})`) as Promise<BareExport>;
}

async function timeBarePuts(page: Page): Promise<number> {
  return page.evaluate(`${BARE_PUTS}(JSON.parse(globalThis.floorData))`) as Promise<number>;
}

/** The visit log as an empty database's log holds it after the import: buckets of VISIT_BUCKET_SIZE entries, numbered from 1. */
function storedBuckets(library: BackupFile): VisitBucket[] {
  const buckets: VisitBucket[] = [];
  for (let i = 0; i < library.data.visits.length; i += VISIT_BUCKET_SIZE) {
    buckets.push({ seq: buckets.length + 1, entries: library.data.visits.slice(i, i + VISIT_BUCKET_SIZE) });
  }
  return buckets;
}

/** The library's works as the works store holds them: each with its reading record inside. */
function storedWorks(library: BackupFile): StoredWork[] {
  const readingById = new Map(library.data.reading.map((r) => [r.workId, r]));
  return library.data.works.map((work) => {
    const reading = readingById.get(work.workId);
    return reading ? { ...work, reading } : work;
  });
}

export async function run(): Promise<BenchSection> {
  const build = process.env.SHELFMARK_BUILD;
  const session = await launchExtension(build ? { extensionPath: build } : {});
  try {
    const page = await session.extensionPage('popup.html');
    await page.evaluate(PAGE_HELPERS);
    const library = buildLibrary();
    const text = JSON.stringify(library);
    const checkStarted = performance.now();
    const parsed = parseBackupText(text);
    const checkMs = performance.now() - checkStarted;
    if (!parsed.ok) throw new Error(`the bench library is not a valid backup: ${parsed.error}`);
    for (let i = 0; i < text.length; i += PIECE_CHARS) {
      await page.evaluate((piece) => (globalThis as unknown as PageGlobals).pieces.push(piece), text.slice(i, i + PIECE_CHARS));
    }
    const floorText = JSON.stringify({ works: storedWorks(library), buckets: storedBuckets(library) });
    await page.evaluate(() => ((globalThis as unknown as { floorData: string }).floorData = ''));
    for (let i = 0; i < floorText.length; i += PIECE_CHARS) {
      await page.evaluate((piece) => ((globalThis as unknown as { floorData: string }).floorData += piece), floorText.slice(i, i + PIECE_CHARS));
    }
    // Each import into an emptied database beside a run of its floor, taking turns at going first;
    // the last import's data stays for the exports and round trips below.
    const imports: Array<Awaited<ReturnType<typeof timeImport>>> = [];
    const bareImports: number[] = [];
    for (let turn = 0; turn < IMPORT_ROUNDS; turn++) {
      if (turn % 2 === 1) bareImports.push(await timeBarePuts(page));
      await page.evaluate(() => (globalThis as unknown as PageGlobals).call({ type: 'data/wipe', confirm: true }));
      imports.push(await timeImport(page));
      if (turn % 2 === 0) bareImports.push(await timeBarePuts(page));
    }
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals & { floorData: string };
      g.pieces = [];
      g.floorData = '';
    });
    const importMs = median(imports.map((i) => i.handOverMs + i.commitMs));
    const bareMs = median(bareImports);

    const random = randomSequence(7);
    const readIds = library.data.reading.map((r) => r.workId);
    const listing = () => Array.from({ length: 20 }, () => readIds[Math.floor(random() * readIds.length)]!);
    const stateMessages = Array.from({ length: RUNS + 5 }, () => ({ type: 'works/state', workIds: listing() }));
    const visitMessages = Array.from({ length: RUNS + 5 }, (_, i) => {
      const { firstSeen: _f, lastSeen: _l, ...facts } = library.data.works[Math.floor(random() * WORKS)]!;
      return { type: 'visit/record', work: facts, chapter: { id: null, position: 1 + (i % 3) } };
    });
    // Each export beside a run of its floor, taking turns at going first, so both see the same
    // machine: the first rounds still share it with the compaction of the import's write.
    const worker = await session.serviceWorker();
    const exports: Array<Awaited<ReturnType<typeof timeExport>>> = [];
    const bareExports: BareExport[] = [];
    for (let turn = 0; turn < EXPORT_ROUNDS; turn++) {
      if (turn % 2 === 1) bareExports.push(await timeBareExport(worker));
      exports.push(await timeExport(page));
      if (turn % 2 === 0) bareExports.push(await timeBareExport(worker));
    }
    // Timed after the exports, not right after the import: for some seconds after a 135 MB write the
    // browser compacts its storage, and single round trips then take anything from 2 to 30 ms.
    // The first few warm the worker and the database's caches.
    const stateMs = median((await timeMessages(page, stateMessages)).slice(5));
    const visitMs = median((await timeMessages(page, visitMessages)).slice(5));
    const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const dbMb = estimate / 1_000_000;
    const exportMs = median(exports.map((e) => e.buildMs + e.fetchMs));
    const bareExportMs = median(bareExports.map((e) => e.readMs + e.serialiseMs));
    const importFigures = { import100k_ms: round(importMs, 0), import100k_bare_ms: round(bareMs, 0) };
    const exportFigures = { export100k_ms: round(exportMs, 0), export100k_bare_ms: round(bareExportMs, 0) };
    const importGoal = againstFloor(importFigures.import100k_ms, importFigures.import100k_bare_ms);
    const exportGoal = againstFloor(exportFigures.export100k_ms, exportFigures.export100k_bare_ms);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    const ms = (values: number[]) => `${round(median(values), 0).toLocaleString('en-US')} ms`;

    const library100k = `${WORKS.toLocaleString('en-US')} works, ${READING.toLocaleString('en-US')} reading, ${VISITS.toLocaleString('en-US')} visits`;
    return {
      rows: [
        { name: 'state of 20 works (works/state)', value: round(stateMs), unit: 'ms', note: `median of ${RUNS} round trips; target ≤ 5` },
        { name: 'record a visit (visit/record)', value: round(visitMs), unit: 'ms', note: `median of ${RUNS} round trips; target ≤ 3` },
        { name: 'export all', value: exportFigures.export100k_ms, unit: 'ms', note: `median of ${EXPORT_ROUNDS}; ${library100k}, ${mb(exports[0]!.bytes)} file; target ≤ 5,000` },
        { name: '  of which building the file', value: round(median(exports.map((e) => e.buildMs)), 0), unit: 'ms', note: 'read in one transaction, serialise, put in the transfer area' },
        { name: 'bare IndexedDB: read and serialise the same data', value: exportFigures.export100k_bare_ms, unit: 'ms', note: `median of ${EXPORT_ROUNDS}, in the service worker, no extension code: reading ${ms(bareExports.map((e) => e.readMs))}, JSON.stringify into a Blob ${ms(bareExports.map((e) => e.serialiseMs))}, ${mb(bareExports[0]!.bytes)}` },
        { name: 'export against its floor', value: exportGoal.ratio, unit: '×', note: floorNote(exportGoal, 'export100k_ms', 'export100k_bare_ms') },
        { name: 'import all (merge into empty)', value: importFigures.import100k_ms, unit: 'ms', note: `median of ${IMPORT_ROUNDS}, each into an emptied database; file handed over → committed; target ≤ 10,000` },
        { name: '  of which the background\'s import', value: round(median(imports.map((i) => i.commitMs)), 0), unit: 'ms', note: 'read, parse, check, write in one transaction' },
        { name: `bare IndexedDB: the same ${WORKS.toLocaleString('en-US')} works and the visit log`, value: importFigures.import100k_bare_ms, unit: 'ms', note: `median of ${IMPORT_ROUNDS}; works with their reading inside and the visits in their buckets, one transaction, no extension code: the browser's floor for the import's writes` },
        { name: 'import against its floor', value: importGoal.ratio, unit: '×', note: floorNote(importGoal, 'import100k_ms', 'import100k_bare_ms') },
        { name: 'check the file before sending', value: round(checkMs, 0), unit: 'ms', note: 'the options page\'s own parse and check (here in Node)' },
        { name: 'database on disk', value: round(dbMb, 1), unit: 'MB', note: 'navigator.storage.estimate() usage' },
      ],
      figures: {
        state20_ms: round(stateMs),
        visit_ms: round(visitMs),
        ...exportFigures,
        export100k_ratio: exportGoal.ratio,
        ...importFigures,
        import100k_ratio: importGoal.ratio,
        db_mb: round(dbMb, 1),
      },
    };
  } finally {
    await session.close();
  }
}
