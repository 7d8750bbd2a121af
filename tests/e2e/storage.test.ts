/**
 * The database and its messages in real Chromium with the extension loaded:
 * the critical cases of the unit suite (fake-indexeddb is not the browser),
 * concurrent tabs, the worker being stopped between writes, and an import
 * failing part way through.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_CACHE, TRANSFER_KEY_PREFIX } from '../../utils/backup/transfer-area';
import type { WorkFacts } from '../../utils/db/types';
import type { Reply, RequestType } from '../../utils/messaging/protocol';
import { launchExtension, type ExtensionSession } from './harness';

/** `SHELFMARK_BUILD` points at another build of the extension (default: .output/chrome-mv3). */
const extensionPath = process.env.SHELFMARK_BUILD;
const launch = () => launchExtension(extensionPath ? { extensionPath } : {});

type AnyReply = Reply<RequestType> & { value?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function send(page: Page, message: unknown): Promise<AnyReply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<AnyReply>, message);
}

async function value(page: Page, message: unknown) {
  const reply = await send(page, message);
  if (!reply.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)} failed: ${reply.error}`);
  return reply.value;
}

function work(workId: number, overrides: Partial<WorkFacts> = {}): WorkFacts {
  return {
    workId,
    title: `A Study in Scarlet Ribbons ${workId}`,
    authors: [{ login: 'bakerstreet', pseud: 'bakerstreet' }],
    fandoms: ['Sherlock (TV)'],
    rating: 'General Audiences',
    tags: { warning: ['No Archive Warnings Apply'], category: ['Gen'], relationship: [], character: ['Sherlock Holmes', 'John Watson'], freeform: ['Case Fic'] },
    language: 'English',
    words: 4_200,
    chapterCount: { posted: 2, expected: 2 },
    complete: true,
    chapters: [{ id: workId * 10 + 1, position: 1, title: 'The Client' }, { id: workId * 10 + 2, position: 2, title: 'The Solution' }],
    series: [],
    updated: '2024-02-02',
    updatedAt: null,
    hiddenTags: { warnings: false, freeforms: false },
    ...overrides,
  };
}

const transfer = { cache: TRANSFER_CACHE, prefix: TRANSFER_KEY_PREFIX };

/** Every record, as an export has it, taken from the transfer area as the options page does. */
async function exportAll(page: Page): Promise<string> {
  const { transferId } = await value(page, { type: 'backup/export' });
  return page.evaluate(async ({ transferId, transfer }) => {
    const cache = await caches.open(transfer.cache);
    const response = await cache.match(transfer.prefix + transferId);
    await cache.delete(transfer.prefix + transferId);
    return response!.text();
  }, { transferId, transfer });
}

const dataOf = (text: string) => JSON.parse(text).data;

/** Puts a file in the transfer area and imports it, as the options page does (skipping its own checks). */
async function importText(page: Page, text: string, mode: 'merge' | 'replace'): Promise<AnyReply> {
  const transferId = `${Date.now()}-${crypto.randomUUID()}`;
  await page.evaluate(async ({ transferId, text, transfer }) => {
    await (await caches.open(transfer.cache)).put(transfer.prefix + transferId, new Response(new Blob([text])));
  }, { transferId, text, transfer });
  return send(page, { type: 'backup/import', transferId, mode, confirmReplace: true });
}

/** Transfers left in the area (the background removes each once imported). */
async function transfersLeft(page: Page): Promise<number> {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TRANSFER_CACHE);
}

describe('storage in real Chromium', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    page = await session.extensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records visits and answers a listing\'s state in one message', async () => {
    await value(page, { type: 'visit/record', work: work(101), chapter: { id: 1011, position: 1 } });
    await value(page, { type: 'visit/record', work: work(101), chapter: { id: 1012, position: 2 } });
    await value(page, { type: 'saved/set', workId: 102, status: 'to-read', note: 'from the rec list', work: work(102) });
    await value(page, { type: 'reading/mark-chapters', workId: 101, chapters: [{ id: 1011, position: 1 }], read: true });
    const { states } = await value(page, { type: 'works/state', workIds: [101, 102, 103] });
    expect(states).toMatchObject([
      { workId: 101, reading: { visitCount: 2, lastChapter: { id: 1011 } }, saved: null },
      { workId: 102, reading: null, saved: { status: 'to-read', note: 'from the rec list' } },
      { workId: 103, reading: null, saved: null },
    ]);
    expect(await value(page, { type: 'saved/remove', workId: 102 })).toEqual({ removed: true });
  });

  it('keeps rules, settings and the page report', async () => {
    const rule = { id: 'hide-mcd', action: 'hide', match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' }, enabled: true };
    await value(page, { type: 'rules/put', rule });
    expect((await value(page, { type: 'rules/list' })).rules).toMatchObject([rule]);
    expect(await value(page, { type: 'settings/set', values: { recordPrivateWindows: true } })).toMatchObject({ settings: { recordPrivateWindows: true } });
    const mirrored = await page.evaluate(async () => (await chrome.storage.local.get('listingConfig')).listingConfig);
    expect(JSON.parse(mirrored as string)).toMatchObject({ rules: [rule], paused: false });
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
    const report = { url: 'https://archiveofourown.org/works', kind: 'listing', listingKind: 'works', blurbs: [{ type: 'work', workId: 101, title: 'A' }], hidden: 0 };
    await value(page, { type: 'page/report', report });
    expect(await value(page, { type: 'page/get-report', tabId })).toEqual({ report });
    expect(await send(page, { type: 'saved/remove', workId: '101' })).toEqual({ ok: false, error: 'invalid request: request.workId: expected an integer, got "101"' });
  });

  it('exports, refuses every bad file leaving the data untouched, and imports back', async () => {
    const text = await exportAll(page);
    expect(dataOf(text).works.map((w: WorkFacts) => w.workId)).toEqual([101, 102]);
    const bad: Array<[string, string, RegExp]> = [
      ['not JSON', 'Title,Author\nA Study,bakerstreet', /not JSON/],
      ['another version', text.replace(/"formatVersion":\d+/, '"formatVersion":9'), /format version 9, newer/],
      ['wrong types', text.replace('"words":4200', '"words":"4200"'), /backup.data.works\[0\].words: expected an integer/],
      ['truncated', text.slice(0, -200), /truncated/],
    ];
    for (const [name, file, message] of bad) {
      for (const mode of ['merge', 'replace'] as const) {
        const reply = await importText(page, file, mode);
        expect(reply.ok, name).toBe(false);
        expect(reply.ok ? '' : reply.error, name).toMatch(message);
      }
    }
    // 250 MB, built from one repeated megabyte: the background refuses it from its size, unread.
    const hugeId = `${Date.now()}-${crypto.randomUUID()}`;
    await page.evaluate(async ({ hugeId, transfer }) => {
      const megabyte = new Uint8Array(1_000_000).fill(32);
      await (await caches.open(transfer.cache)).put(transfer.prefix + hugeId, new Response(new Blob(Array(250).fill(megabyte))));
    }, { hugeId, transfer });
    expect(await send(page, { type: 'backup/import', transferId: hugeId, mode: 'merge' })).toEqual({
      ok: false,
      error: 'This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.',
    });
    expect(await transfersLeft(page)).toBe(0);
    expect(dataOf(await exportAll(page))).toEqual(dataOf(text));

    const replaced = await importText(page, text, 'replace');
    expect(replaced).toMatchObject({ ok: true, value: { summary: { mode: 'replace', received: { works: 2, visits: 2 } } } });
    expect(dataOf(await exportAll(page))).toEqual(dataOf(text));
    const merged = await importText(page, text, 'merge');
    expect(merged).toMatchObject({ ok: true, value: { summary: { visitsAdded: 0 } } });
    expect(dataOf(await exportAll(page))).toEqual(dataOf(text));
    const { backups } = await value(page, { type: 'backups/list' });
    expect(backups.map((b: { reason: string }) => b.reason)).toEqual(expect.arrayContaining(['before-import']));
  });

  it('leaves nothing partial when a write fails part way through an import', async () => {
    const before = await exportAll(page);
    const bigger = JSON.parse(before);
    bigger.data.works = Array.from({ length: 300 }, (_, i) => ({ ...work(5_000 + i), firstSeen: 1, lastSeen: 2 }));
    for (const failure of ['quota', 'abort'] as const) {
      const worker = await session.serviceWorker();
      await worker.evaluate((failure) => {
        const realPut = IDBObjectStore.prototype.put;
        let calls = 0;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof realPut>) {
          // Well past the automatic backup's writes, in the middle of the import's.
          if (++calls === 150) {
            if (failure === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            this.transaction.abort();
          }
          return realPut.apply(this, args);
        };
        (globalThis as unknown as { restorePut: () => void }).restorePut = () => {
          IDBObjectStore.prototype.put = realPut;
        };
      }, failure);
      const reply = await importText(page, JSON.stringify(bigger), 'replace');
      await worker.evaluate(() => (globalThis as unknown as { restorePut: () => void }).restorePut());
      expect(reply.ok, failure).toBe(false);
      expect(reply.ok ? '' : reply.error, failure).toMatch(failure === 'quota' ? /quota/i : /abort|transaction/i);
      expect(dataOf(await exportAll(page))).toEqual(dataOf(before));
    }
  });

  it('records exactly 500 visits from 10 tabs sending 50 each at once', async () => {
    const fresh = await launch();
    try {
      const tabs = await Promise.all(Array.from({ length: 10 }, () => fresh.extensionPage('popup.html')));
      const works = Array.from({ length: 10 }, (_, i) => work(9_000 + i));
      const replies = await Promise.all(
        tabs.map((tab, t) =>
          tab.evaluate(
            ({ works, t }) =>
              Promise.all(
                Array.from({ length: 50 }, (_, v) =>
                  chrome.runtime.sendMessage({ type: 'visit/record', work: works[(t + v) % works.length], chapter: { id: null, position: 1 + (v % 2) } }),
                ),
              ),
            { works, t },
          ),
        ),
      );
      expect(replies.flat().filter((r) => (r as AnyReply).ok)).toHaveLength(500);
      const data = dataOf(await exportAll(tabs[0]!));
      expect(data.visits).toHaveLength(500);
      const { states } = await value(tabs[0]!, { type: 'works/state', workIds: works.map((w) => w.workId) });
      expect(states.map((s: { reading: { visitCount: number } }) => s.reading.visitCount)).toEqual(Array(10).fill(50));
      for (const w of works) expect(data.visits.filter((v: { workId: number }) => v.workId === w.workId)).toHaveLength(50);
    } finally {
      await fresh.close();
    }
  });

  it('keeps every write when the worker is stopped between writes, and wakes on the next message', async () => {
    const fresh = await launch();
    try {
      const tab = await fresh.extensionPage('popup.html');
      const tabId = await tab.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
      const cdp = await fresh.context.newCDPSession(await fresh.context.newPage());
      await cdp.send('ServiceWorker.enable');
      const report = { url: 'https://archiveofourown.org/works/7000', kind: 'work', listingKind: null, blurbs: [] };
      for (let round = 0; round < 3; round++) {
        const worker = await fresh.serviceWorker();
        await worker.evaluate(() => ((globalThis as unknown as { marker: string }).marker = 'before stop'));
        await value(tab, { type: 'visit/record', work: work(7_000 + round), chapter: { id: null, position: 1 } });
        await value(tab, { type: 'saved/set', workId: 7_000 + round, status: 'reading' });
        if (round === 0) await value(tab, { type: 'page/report', report });
        await cdp.send('ServiceWorker.stopAllWorkers');
        // The next message wakes a new worker (its globals are fresh) that finds every earlier write.
        const { states } = await value(tab, { type: 'works/state', workIds: [7_000, 7_001, 7_002] });
        expect(states.slice(0, round + 1)).toMatchObject(
          Array.from({ length: round + 1 }, (_, i) => ({ workId: 7_000 + i, reading: { visitCount: 1 }, saved: { status: 'reading' } })),
        );
        const woken = await fresh.serviceWorker();
        expect(await woken.evaluate(() => (globalThis as unknown as { marker?: string }).marker)).toBeUndefined();
        expect(await value(tab, { type: 'page/get-report', tabId })).toEqual({ report });
      }
      expect(dataOf(await exportAll(tab)).visits).toHaveLength(3);

      // The worker keeps the settings in memory: a new worker must still honour what was set before.
      for (const trackingPaused of [true, false]) {
        await value(tab, { type: 'settings/set', values: { trackingPaused } });
        await cdp.send('ServiceWorker.stopAllWorkers');
        const reply = await send(tab, { type: 'visit/record', work: work(7_000), chapter: null });
        expect(reply, `trackingPaused: ${trackingPaused}`).toEqual(trackingPaused ? { ok: false, error: 'tracking paused' } : expect.objectContaining({ ok: true }));
      }
    } finally {
      await fresh.close();
    }
  });
});
