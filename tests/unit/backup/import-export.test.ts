import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackupFile, ImportRefused } from '../../../utils/backup/client';
import { readBackupData } from '../../../utils/db/data-transfer';
import { recordVisit } from '../../../utils/db/tracking';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import { DAY, T0, work } from '../db/fixtures';
import { testBackground, type TestBackground } from '../messaging/background';
import { exportText, fillLibrary, spoiled } from './files';

const file = (text: string) => new Blob([text], { type: 'application/json' });

async function populated(firstId?: number): Promise<{ bg: TestBackground; db: ShelfmarkDb }> {
  const bg = testBackground({ exportChunkChars: 1_000 });
  const db = await bg.db();
  await fillLibrary(db, firstId);
  return { bg, db };
}

/** Sends an import straight to the background, skipping the options page's own checks. */
async function rawImport(bg: TestBackground, text: string, mode: 'merge' | 'replace' = 'merge') {
  const begin = await bg.send({ type: 'backup/import-begin', mode, bytes: text.length, confirmReplace: true });
  if (!begin?.ok) return begin;
  const { importId } = begin.value as { importId: string };
  const chunk = await bg.send({ type: 'backup/import-chunk', importId, index: 0, text });
  if (!chunk?.ok) return chunk;
  return bg.send({ type: 'backup/import-commit', importId });
}

describe('export and import', () => {
  it('round-trips everything through chunked messages into an empty database', async () => {
    const { bg: source, db: sourceDb } = await populated();
    const { text, fileName } = await exportBackup(source.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined }));
    expect(fileName).toMatch(/^shelfmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(text.length).toBeGreaterThan(10_000); // so it really went in many 1,000-character chunks
    expect(text).toBe(await exportText(sourceDb).then((t) => t.replace(/"exportedAt":\d+/, JSON.parse(text).exportedAt ? `"exportedAt":${JSON.parse(text).exportedAt}` : '')));

    const target = testBackground();
    const summary = await importBackupFile(file(text), 'merge', { send: target.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined }), chunkChars: 777 });
    expect(summary).toMatchObject({ mode: 'merge', received: { works: 31, reading: 13, visits: 13, saved: 2, rules: 1, settings: 1 }, visitsAdded: 13, undoBackupId: null });
    expect(await readBackupData(await target.db())).toEqual(await readBackupData(sourceDb));
  });

  it('merges: union, the newer record wins, visits are not doubled', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(2_000_000);
    // Local data newer than the file for one work, older for the saved status.
    await recordVisit(db, work({ words: 99_999, updatedAt: work().updatedAt! + 1_000 }), null, T0 + 30 * DAY);
    const before = await readBackupData(db);

    const send = bg.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined });
    const first = await importBackupFile(file(text), 'merge', { send });
    const after = await readBackupData(db);
    expect(after.works).toHaveLength(31 + 30);
    expect(after.works.find((w) => w.workId === work().workId)?.words).toBe(99_999);
    const reading = after.reading.find((r) => r.workId === work().workId)!;
    expect(reading.visitCount).toBe(2);
    expect(reading.lastVisit).toBe(T0 + 30 * DAY);
    expect(reading.chapters.some((c) => c.id === 301 && c.readAt !== null)).toBe(true);
    expect(after.visits.length).toBe(before.visits.length + first.visitsAdded);
    expect(first.undoBackupId).not.toBeNull();

    const second = await importBackupFile(file(text), 'merge', { send });
    expect(second.visitsAdded).toBe(0);
    expect(await readBackupData(db)).toEqual(after);
  });

  it('replaces only when confirmed, leaving exactly the file\'s data', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(3_000_000);
    const send = bg.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined });
    const before = await readBackupData(db);
    await expect(importBackupFile(file(text), 'replace', { send })).rejects.toThrow(/needs the reader to confirm/);
    expect(await readBackupData(db)).toEqual(before);
    const summary = await importBackupFile(file(text), 'replace', { send, confirmReplace: true });
    expect(summary.mode).toBe('replace');
    expect(await readBackupData(db)).toEqual(await readBackupData(sourceDb));
    // Undoable: the data from before is in the automatic backup the import took.
    expect(await bg.send({ type: 'backups/restore', id: summary.undoBackupId, confirm: true })).toMatchObject({ ok: true });
    expect(await readBackupData(db)).toEqual(before);
  });
});

describe('refused imports leave the data untouched', () => {
  const cases: Array<[string, (valid: string) => string, RegExp]> = [
    ['not JSON', () => 'works,title\n1,The Long Way Round', /not JSON/],
    ['another format version', (v) => spoiled(v, (f) => (f.formatVersion = 3)), /format version 3, newer/],
    ['wrong types', (v) => spoiled(v, (f) => (f.data.visits![2]!.at = '2024-05-01')), /wrong value at backup.data.visits\[2\].at/],
    ['truncated', (v) => v.slice(0, v.length - 300), /truncated/],
  ];
  for (const [name, make, message] of cases) {
    it(`${name}: refused by the options page and by the background`, async () => {
      const { db: sourceDb } = await populated();
      const bad = make(await exportText(sourceDb));
      const { bg, db } = await populated(4_000_000);
      const before = await readBackupData(db);
      const send = bg.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined });
      await expect(importBackupFile(file(bad), 'merge', { send })).rejects.toThrow(message);
      await expect(importBackupFile(file(bad), 'merge', { send })).rejects.toBeInstanceOf(ImportRefused);
      for (const mode of ['merge', 'replace'] as const) {
        expect(await rawImport(bg, bad, mode)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      }
      expect(await readBackupData(db)).toEqual(before);
      expect(await db.count('backups')).toBe(0);
    });
  }

  it('over the size limit: refused from its size alone, before and while sending', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(5_000_000);
    const before = await readBackupData(db);
    const send = bg.sendAs({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: undefined });
    // A 250 MB file, as far as its size says; it is never read.
    const huge = { size: 250_000_000, text: () => Promise.reject(new Error('read a file it should have refused')) } as unknown as Blob;
    await expect(importBackupFile(huge, 'merge', { send })).rejects.toThrow('This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.');
    expect(await bg.send({ type: 'backup/import-begin', mode: 'merge', bytes: 250_000_000 })).toEqual({ ok: false, error: 'This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.' });
    // A sender that under-declares is stopped by what it sends (limit injected small).
    const small = testBackground({ maxImportBytes: text.length - 10 });
    await fillLibrary(await small.db(), 6_000_000);
    const smallBefore = await readBackupData(await small.db());
    expect(await rawImport(small, text)).toMatchObject({ ok: false, error: expect.stringMatching(/refuses backups over/) });
    expect(await readBackupData(await small.db())).toEqual(smallBefore);
    expect(await readBackupData(db)).toEqual(before);
  });

  it('out-of-order or unknown chunks are refused', async () => {
    const bg = testBackground();
    const begin = await bg.send({ type: 'backup/import-begin', mode: 'merge', bytes: 10 });
    const { importId } = (begin as { value: { importId: string } }).value;
    expect(await bg.send({ type: 'backup/import-chunk', importId, index: 1, text: 'x' })).toEqual({ ok: false, error: 'import chunk 1 arrived, expected chunk 0' });
    expect(await bg.send({ type: 'backup/import-commit', importId: 'nope' })).toEqual({ ok: false, error: 'this import is unknown or expired; start it again' });
  });
});

describe('a write failing part way through an import', () => {
  const realPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = realPut;
  });

  /** Makes the `n`th put from now fail as `fail` says. */
  function failPut(n: number, fail: (store: IDBObjectStore) => never | void) {
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === n) fail(this);
      return realPut.apply(this, args);
    };
  }

  for (const [name, fail] of [
    ['a put throws (quota exceeded)', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }],
    ['the browser aborts the transaction', (store: IDBObjectStore) => store.transaction.abort()],
  ] as const) {
    it(`${name}: nothing partial is left`, async () => {
      const { db: sourceDb } = await populated();
      const text = await exportText(sourceDb);
      const { bg, db } = await populated(7_000_000);
      const before = await readBackupData(db);
      // Past the snapshot's few writes, in the middle of the import's.
      failPut(20, fail);
      const reply = await rawImport(bg, text, 'replace');
      IDBObjectStore.prototype.put = realPut;
      expect(reply).toMatchObject({ ok: false });
      expect(await readBackupData(db)).toEqual(before);
    });
  }
});
