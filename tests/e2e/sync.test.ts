/**
 * Browser sync between two real Chromium profiles. Headless Chromium keeps
 * `chrome.storage.sync` (with Chrome's quotas) but syncs nothing, so the test
 * plays the browser's sync: it reads one profile's sync items from its service
 * worker and sets them in the other's, which fires that profile's change
 * events as a delivery from Google's servers would.
 */
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupData, ReadingRecord, WorkRecord } from '../../utils/db/types';
import type { RuleInput } from '../../utils/db/rule-checks';
import type { SyncStatus } from '../../utils/sync/engine';
import { importBackup } from './backup-transfer';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';
import { until } from './until';
import { describeRealPages } from '../helpers/real-pages-suite';

/** A real listing with seven works by one author (EdosianOrchids901). */
const LISTING = 'listing-tag-sherlock-holmes.html';

interface Profile {
  session: ExtensionSession;
  page: Page;
}

const open: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((session) => session.close()));
});

async function profile(): Promise<Profile> {
  const session = await launchExtension();
  open.push(session);
  return { session, page: await session.extensionPage('options.html') };
}

const syncItems = async (worker: Worker): Promise<Record<string, unknown>> => worker.evaluate(() => chrome.storage.sync.get(null));

/** What the browser's sync does: the sender's items replace the receiver's, firing its change events. */
async function deliver(from: Profile, to: Profile): Promise<void> {
  const items = await syncItems(await from.session.serviceWorker());
  await (await to.session.serviceWorker()).evaluate(async (incoming) => {
    const stale = Object.keys(await chrome.storage.sync.get(null)).filter((key) => !(key in incoming));
    if (stale.length > 0) await chrome.storage.sync.remove(stale);
    await chrome.storage.sync.set(incoming);
  }, items);
}

const status = async (p: Profile): Promise<SyncStatus> => (await requestFromPage(p.page, { type: 'sync/status' })).status;

/** Waits until the profile has sent everything it has (its change marked, coalesced and written). */
async function settled(p: Profile): Promise<SyncStatus> {
  return until(() => status(p), (s) => !s.pending && s.everSynced && s.problem === null, 'sync to send its changes', 60_000);
}

const rule = (id: string, overrides: Partial<RuleInput> = {}): RuleInput => ({
  id,
  action: 'hide',
  match: { kind: 'tag', slot: 'freeform', text: `Tag ${id}`, mode: 'exact' },
  enabled: true,
  ...overrides,
});

async function rules(p: Profile) {
  return (await requestFromPage(p.page, { type: 'rules/list' })).rules.map(({ id, enabled, label, order }) => ({ id, enabled, label: label ?? null, order }));
}

async function library(p: Profile) {
  return (await requestFromPage(p.page, { type: 'library/list' })).rows
    .map(({ workId, status: saved, note, read, title }) => ({ workId, saved, note, read, title }))
    .sort((a, b) => a.workId - b.workId);
}

const chapters = (positions: number[]) => positions.map((position) => ({ id: 1000 + position, position }));

describe('browser sync between two profiles', () => {
  it('ends with the same rules, saved list and progress after edits on both sides, and carries a deletion', async () => {
    const [a, b] = await Promise.all([profile(), profile()]);
    await requestFromPage(a.page, { type: 'rules/put', rule: rule('shared') });
    await requestFromPage(a.page, { type: 'saved/set', workId: 77, status: 'to-read' });
    await requestFromPage(a.page, { type: 'reading/mark-chapters', workId: 77, chapters: chapters([1]), read: true });
    await settled(a);
    await deliver(a, b);
    await until(() => rules(b), (r) => r.some((x) => x.id === 'shared'), 'the rule to reach the second profile');
    await settled(b);

    // Both edit before either hears from the other.
    await requestFromPage(a.page, { type: 'rules/put', rule: rule('shared', { label: 'from a', order: 0 }) });
    await requestFromPage(a.page, { type: 'rules/put', rule: rule('a-only') });
    await requestFromPage(a.page, { type: 'reading/mark-chapters', workId: 77, chapters: chapters([2]), read: true });
    await requestFromPage(b.page, { type: 'rules/put', rule: rule('shared', { label: 'from b', enabled: false, order: 0 }) });
    await requestFromPage(b.page, { type: 'rules/put', rule: rule('b-only') });
    await requestFromPage(b.page, { type: 'saved/set', workId: 77, status: 'reading', note: 'note from b' });
    await requestFromPage(b.page, { type: 'reading/mark-chapters', workId: 77, chapters: chapters([3]), read: true });
    await Promise.all([settled(a), settled(b)]);

    await deliver(a, b);
    await until(() => rules(b), (r) => r.some((x) => x.id === 'a-only'), "a's rule to reach b");
    const sentBefore = (await status(b)).lastSent;
    await until(() => status(b), (s) => s.lastSent !== sentBefore && !s.pending, 'b to send the merge', 60_000);
    await deliver(b, a);
    await until(() => rules(a), (r) => r.some((x) => x.id === 'b-only'), "b's rule to reach a");
    await until(() => library(a), (rows) => rows.find((r) => r.workId === 77)?.read === 3, 'chapters read on both sides to be united');

    expect(await rules(a)).toEqual(await rules(b));
    expect(await library(a)).toEqual(await library(b));
    // b edited the shared rule last.
    expect((await rules(a)).find((r) => r.id === 'shared')).toMatchObject({ label: 'from b', enabled: false });
    expect((await library(a)).find((r) => r.workId === 77)).toMatchObject({ saved: 'reading', note: 'note from b', read: 3 });

    // A deletion on a reaches b.
    await settled(a);
    await requestFromPage(a.page, { type: 'rules/delete', id: 'a-only' });
    await settled(a);
    await deliver(a, b);
    await until(() => rules(b), (r) => !r.some((x) => x.id === 'a-only'), 'the deletion to reach b');
    expect((await rules(b)).map((r) => r.id).sort()).toEqual(['b-only', 'shared']);
  });

  it('merges a profile joining with data of its own, wiping nothing on either side', async () => {
    const [a, fresh] = await Promise.all([profile(), profile()]);
    await requestFromPage(a.page, { type: 'rules/put', rule: rule('old-rule') });
    await requestFromPage(a.page, { type: 'saved/set', workId: 1, status: 'finished' });
    await settled(a);
    // The new profile has data of its own before it ever synced.
    await requestFromPage(fresh.page, { type: 'settings/set', values: { syncEnabled: false } });
    await requestFromPage(fresh.page, { type: 'rules/put', rule: rule('new-rule') });
    await requestFromPage(fresh.page, { type: 'saved/set', workId: 2, status: 'to-read' });
    await deliver(a, fresh);
    await requestFromPage(fresh.page, { type: 'settings/set', values: { syncEnabled: true } });
    await until(() => rules(fresh), (r) => r.length === 2, 'the joining profile to merge');
    await settled(fresh);
    await deliver(fresh, a);
    await until(() => rules(a), (r) => r.length === 2, 'the first profile to merge');
    for (const p of [a, fresh]) {
      expect((await rules(p)).map((r) => r.id).sort()).toEqual(['new-rule', 'old-rule']);
      expect((await library(p)).map((r) => [r.workId, r.saved])).toEqual([[1, 'finished'], [2, 'to-read']]);
    }
  });

  it('syncs a 10,000-work library with 500 rules within the limits, saying what stays on this device', { timeout: 300_000 }, async () => {
    const a = await profile();
    await importBackup(a.page, JSON.stringify({ format: 'shelfmark-backup', formatVersion: 1, exportedAt: Date.now(), schemaVersion: 4, extensionVersion: 'test', data: bigLibrary() }), 'merge');
    const s = await settled(a);
    const bytes = await (await a.session.serviceWorker()).evaluate(() => chrome.storage.sync.getBytesInUse(null));
    expect(bytes).toBeLessThanOrEqual(102_400);
    // The engine's own count (limits.ts: itemBytes) is within a few bytes of the browser's (Chromium counts a
    // handful more); its budget (SYNC_BUDGET.totalBytes) leaves 2,400 bytes under the quota for that.
    expect(Math.abs(s.bytes - bytes)).toBeLessThan(100);
    expect(s.synced).toMatchObject({ rules: 500 });
    expect(s.leftOut!.progress).toBeGreaterThan(0);
    expect(s.synced!.progress + s.leftOut!.progress).toBe(10_000);
    // The options page says exactly what stays here.
    await a.page.getByRole('tab', { name: 'Settings' }).click();
    const leftOut = a.page.getByTestId('sync-left-out');
    await expect.poll(() => leftOut.textContent()).toContain(`Reading progress of ${s.leftOut!.progress.toLocaleString('en-US')} older works is not synced`);
    await expect.poll(() => a.page.getByTestId('sync-usage').textContent()).toMatch(/of 100 KB/);
  });

  it('stays under the write limits through 200 rapid changes, and sends the last one', async () => {
    const a = await profile();
    const worker = await a.session.serviceWorker();
    // Counts the engine's writes as the browser's quota does (set and remove each count one).
    await worker.evaluate(() => {
      const area = chrome.storage.sync as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { __writes?: number[] };
      area.__writes = [];
      for (const name of ['set', 'remove', 'clear']) {
        const original = area[name]!.bind(area);
        area[name] = (...args: unknown[]) => {
          area.__writes!.push(Date.now());
          return original(...args);
        };
      }
    });
    for (let i = 0; i < 200; i++) {
      await requestFromPage(a.page, { type: 'saved/set', workId: 1 + (i % 25), status: i % 2 ? 'reading' : 'to-read', note: `click ${i}` });
    }
    const s = await settled(a);
    expect(s.problem).toBeNull();
    const writes = await worker.evaluate(() => (chrome.storage.sync as unknown as { __writes: number[] }).__writes);
    const perMinute = Math.max(...writes.map((at) => writes.filter((b) => b > at - 60_000 && b <= at).length));
    expect(perMinute).toBeLessThanOrEqual(60);
    expect(writes.length).toBeLessThan(20);
    const b = await profile();
    await deliver(a, b);
    await until(() => library(b), (rows) => rows.find((r) => r.workId === 25)?.note === 'click 199', 'the last change to arrive');
  });
});

describeRealPages('browser sync and open archive tabs', () => {
  it('applies a rule made on another computer to an open listing, without a reload', async () => {
    const [a, b] = await Promise.all([profile(), profile()]);
    const tab = await b.session.openArchivePage(await b.session.serveRealPage(LISTING));
    expect(await tab.locator('li.blurb.shelfmark-hidden').count()).toBe(0);

    await requestFromPage(a.page, { type: 'rules/put', rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true } });
    await settled(a);
    await deliver(a, b);

    // The seven works by that author on the page, hidden where the reader left the tab open.
    await tab.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 7, null, { timeout: 30_000 });
    await expect(tab.locator('.shelfmark-summary').textContent()).resolves.toMatch(/7 of 21 works hidden/);
  });
});

/** 10,000 works read (every third saved) and 500 rules, as a backup file's data. */
function bigLibrary(): BackupData {
  const now = Date.now();
  const works: WorkRecord[] = [];
  const reading: ReadingRecord[] = [];
  const saved: BackupData['saved'] = [];
  for (let i = 0; i < 10_000; i++) {
    const workId = 30_000_000 + i * 13;
    const at = now - i * 3_600_000;
    works.push({
      workId, title: `Library Work ${i}`, authors: [{ login: `author${i % 300}`, pseud: `author${i % 300}` }], fandoms: ['Original Work'], rating: 'General Audiences',
      tags: { warning: [], category: [], relationship: [], character: [], freeform: [] }, language: 'English', words: 1000 + i, chapterCount: { posted: 5, expected: 5 }, complete: true,
      chapters: [], series: [], updated: '2025-01-01', updatedAt: null, hiddenTags: { warnings: false, freeforms: false }, firstSeen: at - 86_400_000, lastSeen: at,
    });
    const read = 1 + (i % 5);
    reading.push({
      workId, chapters: Array.from({ length: read }, (_, c) => ({ id: null, position: c + 1, readAt: at - (read - c) * 600_000, scroll: null, scrollAt: null })),
      lastChapter: { id: null, position: read, at }, visitCount: read, firstVisit: at - 86_400_000, lastVisit: at,
    });
    if (i % 3 === 0) saved.push({ workId, status: 'reading', added: at - 86_400_000, changed: at, note: '' });
  }
  const rules = Array.from({ length: 500 }, (_, i) => ({ ...rule(`r${i}`, { order: i }), createdAt: now, updatedAt: now }));
  return { works, reading, visits: [], saved, rules, settings: [], families: [] };
}
