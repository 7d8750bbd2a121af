/**
 * An update keeps the reader's data. The shipped build fills a persistent
 * profile the way a reader would (a real listing, a work page and a chapter
 * page visited, a chapter marked read, a saved work with a note, rules,
 * settings); then a build whose database is one version newer (the test-only
 * step of utils/db/migrations/test-only.ts) is loaded from the same folder,
 * so the browser sees the same extension id, as it does after an update.
 * Every record must still be there, compared through the extension's own
 * export, and the new step must run exactly once, however often the
 * browser starts afterwards.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPage } from '../../utils/ao3/page';
import type { BackupFile } from '../../utils/backup/format';
import { LATEST_VERSION, SCHEMA_VERSION_KEY } from '../../utils/db/migrations';
import { TEST_MIGRATION_RUNS_KEY, testOnlyMigration } from '../../utils/db/migrations/test-only';
import { DB_NAME } from '../../utils/db/schema';
import type { RuleInput } from '../../utils/db/rule-checks';
import { realPage, realPageDocument } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { exportBackup } from './backup-transfer';
import { requestFromPage } from './extension-messages';
import { CHROME_BUILD, launchExtension, type ExtensionSession } from './harness';
import { waitForPageReport } from './page-reports';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LISTING = 'listing-tag-sherlock-holmes.html';
const WORK_PAGE = 'work-23824891-first-chapter.html';
const CHAPTER_PAGE = 'chapter-37214506-92848687.html';
const TEST_STEP = testOnlyMigration(LATEST_VERSION);

const RULES: RuleInput[] = [
  { id: 'update-hide', action: 'hide', match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' }, enabled: true },
  { id: 'update-highlight', action: 'highlight', color: '#5b8def', match: { kind: 'tag', slot: 'freeform', text: 'Slice of Life', mode: 'exact' }, enabled: false },
];

/** Every .js file of a build, as one text. */
function bundleText(build: string): string {
  return readdirSync(build, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(build, file), 'utf8'))
    .join('\n');
}

/** The build with the test-only step, as `npm run build` makes the shipped one. */
function buildWithTestMigration(outDir: string): string {
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], {
    cwd: repoRoot,
    env: { ...process.env, SHELFMARK_OUT_DIR: outDir, SHELFMARK_TEST_MIGRATION: '1' },
    stdio: 'pipe',
  });
  return join(outDir, 'chrome-mv3');
}

/**
 * What the database's meta store says: its version and how often the test-only
 * step ran. Read in the background's own origin; the meta store is the one
 * store every version has, and no message reports these.
 */
async function metaOf(session: ExtensionSession): Promise<{ version: unknown; runs: unknown }> {
  const worker = await session.serviceWorker();
  return worker.evaluate(
    async ({ name, keys }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      try {
        const store = db.transaction('meta').objectStore('meta');
        const read = (key: string) =>
          new Promise<unknown>((done, fail) => {
            const request = store.get(key);
            request.onsuccess = () => done((request.result as { value?: unknown } | undefined)?.value);
            request.onerror = () => fail(request.error);
          });
        return { version: await read(keys.version), runs: await read(keys.runs) };
      } finally {
        db.close();
      }
    },
    { name: DB_NAME, keys: { version: SCHEMA_VERSION_KEY, runs: TEST_MIGRATION_RUNS_KEY } },
  );
}

async function openPage(session: ExtensionSession, file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(await session.serveRealPage(file));
  await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
  return page;
}

async function visitCount(control: Page, workId: number): Promise<number> {
  const { states } = await requestFromPage(control, { type: 'works/state', workIds: [workId] });
  return states[0]?.reading?.visitCount ?? 0;
}

async function waitForVisit(control: Page, workId: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await visitCount(control, workId)) === 0) {
    if (Date.now() > deadline) throw new Error(`no visit recorded for work ${workId}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function workPageId(file: string): number {
  const page = readPage(realPageDocument(file), realPage(file).url);
  const workId = page.work?.workId;
  if (typeof workId !== 'number') throw new Error(`${file} is not a work page`);
  return workId;
}

/** Fills the profile through the extension, as a reader's browsing and choices would. */
async function fillAsAReader(session: ExtensionSession, control: Page): Promise<void> {
  const listed = readPage(realPageDocument(LISTING), realPage(LISTING).url).blurbs.find((b) => b.type === 'work' && b.workId !== null);
  if (!listed?.workId) throw new Error(`${LISTING} has no work blurb`);
  // Saved before the listing is opened, so the listing's snapshot of it is kept.
  await requestFromPage(control, { type: 'saved/set', workId: listed.workId, status: 'to-read', note: 'recommended by a friend — start with ch. 2' });
  const listing = await openPage(session, LISTING);
  await waitForPageReport(session, listing.url());

  for (const file of [WORK_PAGE, CHAPTER_PAGE]) {
    const page = await openPage(session, file);
    await waitForVisit(control, workPageId(file));
    await page.close();
  }
  const workId = workPageId(WORK_PAGE);
  const { states } = await requestFromPage(control, { type: 'works/state', workIds: [workId] });
  const firstChapter = states[0]!.chapters[0]!;
  await requestFromPage(control, { type: 'reading/mark-chapters', workId, chapters: [{ id: firstChapter.id, position: firstChapter.position }], read: true });
  await requestFromPage(control, { type: 'saved/set', workId, status: 'on-hold', note: 'waiting for the next chapter' });

  for (const rule of RULES) await requestFromPage(control, { type: 'rules/put', rule });
  await requestFromPage(control, { type: 'settings/set', values: { badgeStyle: 'compact', hiddenWorks: 'remove', alwaysShow: [listed.workId] } });
  await listing.close();
}

describeRealPages('an update keeps the reader\'s data', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'shelfmark-update-'));
  /** The one folder every build is loaded from, so the extension id never changes. */
  const installed = join(scratch, 'extension');
  const profile = join(scratch, 'profile');
  let nextBuild: string;

  /** Puts `build` in the install folder, its version number raised by `versionSuffix` as an update's is. */
  const install = (build: string, versionSuffix = '') => {
    rmSync(installed, { recursive: true, force: true });
    cpSync(build, installed, { recursive: true });
    const manifestFile = join(installed, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: manifest.version + versionSuffix }));
    // Chromium keeps starting the service worker script it registered for an extension loaded from
    // the command line, whatever changed on disk (an update from a store registers the new one).
    // Dropping the browser's service worker registrations (not the extension's data) makes it read
    // the new files, as after a real update.
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  };

  beforeAll(() => {
    nextBuild = buildWithTestMigration(join(scratch, 'build'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('ships without the test-only step, which the test build adds one version past the newest', () => {
    expect(bundleText(CHROME_BUILD)).not.toContain(TEST_STEP.description);
    expect(bundleText(nextBuild)).toContain(TEST_STEP.description);
    expect(TEST_STEP.version).toBe(LATEST_VERSION + 1);
  });

  it('keeps every record through the update and runs the new step exactly once', async () => {
    install(CHROME_BUILD);
    let session = await launchExtension({ userDataDir: profile, extensionPath: installed });
    const extensionId = session.extensionId;
    let before: BackupFile;
    try {
      const control = await session.extensionPage('popup.html');
      await fillAsAReader(session, control);
      before = await exportBackup(control);
      expect(await metaOf(session)).toEqual({ version: LATEST_VERSION, runs: undefined });
    } finally {
      await session.close();
    }
    // The fill reached every kind of record, so comparing the exports below means something.
    expect(before.schemaVersion).toBe(LATEST_VERSION);
    expect(before.data.visits).toHaveLength(2);
    expect(before.data.works.length).toBeGreaterThanOrEqual(3);
    expect(before.data.reading.some((r) => r.chapters.some((c) => c.readAt !== null))).toBe(true);
    expect(before.data.saved.map((s) => s.note).sort()).toEqual(['recommended by a friend — start with ch. 2', 'waiting for the next chapter']);
    expect(before.data.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(before.data.settings.length).toBeGreaterThanOrEqual(3);

    install(nextBuild, '.1');
    for (const start of ['after the update', 'on the next start']) {
      session = await launchExtension({ userDataDir: profile, extensionPath: installed });
      try {
        expect(session.extensionId, start).toBe(extensionId);
        const control = await session.extensionPage('popup.html');
        const after = await exportBackup(control);
        expect(after.schemaVersion, start).toBe(LATEST_VERSION + 1);
        expect(after.data, start).toEqual(before.data);
        expect(await metaOf(session), start).toEqual({ version: LATEST_VERSION + 1, runs: 1 });
      } finally {
        await session.close();
      }
    }
  });
});
