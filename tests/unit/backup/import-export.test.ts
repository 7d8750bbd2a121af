import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackupFile, ImportRefused } from '../../../utils/backup/client';
import { newTransferId } from '../../../utils/backup/transfer-area';
import { readBackupData } from '../../../utils/db/data-transfer';
import { recordVisit } from '../../../utils/db/tracking';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import { DAY, T0, work } from '../db/fixtures';
import { archiveTab, optionsPage, testBackground, type TestBackground } from '../messaging/background';
import { exportText, fillLibrary, spoiled } from './files';

const file = (text: string) => new Blob([text], { type: 'application/json' });

async function populated(firstId?: number): Promise<{ bg: TestBackground; db: ShelfmarkDb }> {
  const bg = testBackground();
  const db = await bg.db();
  await fillLibrary(db, firstId);
  return { bg, db };
}

/** What the reader reads when a replace comes without its confirmation. */
const NOT_CONFIRMED = 'Replacing all your data needs its confirmation box ticked first: tick “Replace all my data with the file’s”, then choose the file again.';
const unreadable = (): never => {
  throw new Error('read a file it should have refused');
};

const optionsOf = (bg: TestBackground) => ({ send: bg.sendAs(optionsPage), transfers: bg.transfers });

/** Hands a file straight to the background, skipping the options page's own checks. */
async function rawImport(bg: TestBackground, body: Blob | string, mode: 'merge' | 'replace' = 'merge') {
  const transferId = newTransferId(bg.clock.now);
  await bg.transfers.put(transferId, body);
  return bg.send({ type: 'backup/import', transferId, mode, confirmReplace: true });
}

describe('export and import', () => {
  it('round-trips everything through the transfer area into an empty database', async () => {
    const { bg: source, db: sourceDb } = await populated();
    const { file: exported, fileName } = await exportBackup(optionsOf(source));
    expect(fileName).toMatch(/^shelfmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await exported.text()).data).toEqual(JSON.parse(await exportText(sourceDb)).data);
    expect(source.transfers.files.size).toBe(0);

    const target = testBackground();
    const summary = await importBackupFile(exported, 'merge', optionsOf(target));
    expect(summary).toMatchObject({ mode: 'merge', received: { works: 31, reading: 13, visits: 13, saved: 2, rules: 1, settings: 1 }, visitsAdded: 13, undoBackupId: null });
    expect(await readBackupData(await target.db())).toEqual(await readBackupData(sourceDb));
    expect(target.transfers.files.size).toBe(0);
  });

  it('merges: union, the newer record wins, visits are not doubled', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(2_000_000);
    // Local data newer than the file for one work.
    await recordVisit(db, work({ words: 99_999, updatedAt: work().updatedAt! + 1_000 }), null, T0 + 30 * DAY);
    const before = await readBackupData(db);

    const first = await importBackupFile(file(text), 'merge', optionsOf(bg));
    const after = await readBackupData(db);
    expect(after.works).toHaveLength(31 + 30);
    expect(after.works.find((w) => w.workId === work().workId)?.words).toBe(99_999);
    const reading = after.reading.find((r) => r.workId === work().workId)!;
    expect(reading.visitCount).toBe(2);
    expect(reading.lastVisit).toBe(T0 + 30 * DAY);
    expect(reading.chapters.some((c) => c.id === 301 && c.readAt !== null)).toBe(true);
    expect(after.visits.length).toBe(before.visits.length + first.visitsAdded);
    expect(first.undoBackupId).not.toBeNull();

    const second = await importBackupFile(file(text), 'merge', optionsOf(bg));
    expect(second.visitsAdded).toBe(0);
    expect(await readBackupData(db)).toEqual(after);
  });

  it('replaces only when confirmed, leaving exactly the file\'s data, and can be undone', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(3_000_000);
    const before = await readBackupData(db);
    await expect(importBackupFile(file(text), 'replace', optionsOf(bg))).rejects.toThrow(NOT_CONFIRMED);
    expect(await readBackupData(db)).toEqual(before);
    const summary = await importBackupFile(file(text), 'replace', { ...optionsOf(bg), confirmReplace: true });
    expect(summary.mode).toBe('replace');
    expect(await readBackupData(db)).toEqual(await readBackupData(sourceDb));
    expect(await bg.send({ type: 'backups/restore', id: summary.undoBackupId, confirm: true })).toMatchObject({ ok: true });
    expect(await readBackupData(db)).toEqual(before);
  });

  it('refuses a replace without the confirmation in words, before reading the file, on both sides', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(3_500_000);
    const before = await readBackupData(db);
    const unread = { size: 10, stream: () => unreadable(), arrayBuffer: unreadable, text: unreadable } as unknown as Blob;
    await expect(importBackupFile(unread, 'replace', optionsOf(bg))).rejects.toThrow(NOT_CONFIRMED);
    await expect(importBackupFile(unread, 'replace', { ...optionsOf(bg), confirmReplace: false })).rejects.toBeInstanceOf(ImportRefused);
    for (const confirmReplace of [undefined, false]) {
      const transferId = newTransferId(bg.clock.now);
      await bg.transfers.put(transferId, text);
      const reply = await bg.send({ type: 'backup/import', transferId, mode: 'replace', ...(confirmReplace === undefined ? {} : { confirmReplace }) });
      expect(reply).toEqual({ ok: false, error: NOT_CONFIRMED });
    }
    expect(NOT_CONFIRMED).not.toMatch(/confirmReplace|true/);
    expect(await readBackupData(db)).toEqual(before);
    expect(bg.transfers.files.size).toBe(0);
  });

  it('is for the extension\'s own pages only', async () => {
    const { bg, db } = await populated();
    const text = await exportText(db);
    const before = await readBackupData(db);
    const transferId = newTransferId(bg.clock.now);
    await bg.transfers.put(transferId, text);
    for (const message of [
      { type: 'backup/import', transferId, mode: 'replace', confirmReplace: true },
      { type: 'backup/export' },
      { type: 'backups/list' },
      { type: 'backups/restore', id: 1, confirm: true },
    ]) {
      expect(await bg.send(message, archiveTab())).toEqual({ ok: false, error: "only the extension's own pages may do this" });
    }
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
      await expect(importBackupFile(file(bad), 'merge', optionsOf(bg))).rejects.toThrow(message);
      await expect(importBackupFile(file(bad), 'merge', optionsOf(bg))).rejects.toBeInstanceOf(ImportRefused);
      for (const mode of ['merge', 'replace'] as const) {
        expect(await rawImport(bg, bad, mode)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      }
      expect(await readBackupData(db)).toEqual(before);
      expect(await db.count('backups')).toBe(0);
      expect(bg.transfers.files.size).toBe(0);
    });
  }

  it('invalid UTF-8: refused by the page and by the background, naming the first bad byte\'s offset', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(4_500_000);
    const before = await readBackupData(db);
    // A title whose "é" lost its second byte, as from a file cut and pasted through another encoding.
    const bytes = new TextEncoder().encode(text.replace('"title":"', '"title":"Caf\u00e9 '));
    const at = bytes.indexOf(0xa9, bytes.indexOf(0xc3));
    const broken = Uint8Array.from([...bytes.subarray(0, at), 0x20, ...bytes.subarray(at + 1)]);
    const offset = at - 1;
    const message = `This file isn’t UTF-8 text: the byte at offset ${offset.toLocaleString()} (0xC3) isn’t valid UTF-8`;
    await expect(importBackupFile(new Blob([broken]), 'merge', optionsOf(bg))).rejects.toThrow(message);
    await expect(importBackupFile(new Blob([broken]), 'merge', { ...optionsOf(bg), onProgress: () => undefined })).rejects.toThrow(message);
    await expect(importBackupFile(new Blob([broken]), 'merge', optionsOf(bg))).rejects.toBeInstanceOf(ImportRefused);
    for (const mode of ['merge', 'replace'] as const) {
      expect(await rawImport(bg, new Blob([broken]), mode)).toEqual({ ok: false, error: expect.stringContaining(message) });
    }
    expect(await readBackupData(db)).toEqual(before);
    expect(await db.count('backups')).toBe(0);
    expect(bg.transfers.files.size).toBe(0);
  });

  it('over the size limit: refused from its size alone, by the page and by the background', async () => {
    const { db: sourceDb } = await populated();
    const text = await exportText(sourceDb);
    const { bg, db } = await populated(5_000_000);
    const before = await readBackupData(db);
    // A 250 MB file, as far as its size says; neither side ever reads it.
    const huge = { size: 250_000_000, text: () => Promise.reject(new Error('read a file it should have refused')) } as unknown as Blob;
    await expect(importBackupFile(huge, 'merge', optionsOf(bg))).rejects.toThrow('This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.');
    expect(await rawImport(bg, huge)).toEqual({ ok: false, error: 'This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.' });
    expect(await readBackupData(db)).toEqual(before);
    // The same through a real file, with the limit injected just below its size.
    const small = testBackground({ maxImportBytes: new Blob([text]).size - 1 });
    await fillLibrary(await small.db(), 6_000_000);
    const smallBefore = await readBackupData(await small.db());
    expect(await rawImport(small, text)).toMatchObject({ ok: false, error: expect.stringMatching(/refuses backups over/) });
    expect(await readBackupData(await small.db())).toEqual(smallBefore);
  });

  it('a transfer that is not there is refused', async () => {
    const bg = testBackground();
    expect(await bg.send({ type: 'backup/import', transferId: newTransferId(), mode: 'merge' })).toEqual({ ok: false, error: 'The file to import is gone; choose it again.' });
    expect(await bg.send({ type: 'backup/import', transferId: '../../etc', mode: 'merge' })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: request.transferId/) });
  });

  it('abandoned transfers are swept after a quarter of an hour', async () => {
    const bg = testBackground();
    const old = newTransferId(bg.clock.now - 16 * 60 * 1000);
    const recent = newTransferId(bg.clock.now - 60 * 1000);
    await bg.transfers.put(old, 'x');
    await bg.transfers.put(recent, 'y');
    await bg.send({ type: 'backup/export' });
    expect(bg.transfers.files.has(old)).toBe(false);
    expect(bg.transfers.files.has(recent)).toBe(true);
  });
});

describe('a write failing part way through an import', () => {
  const realPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = realPut;
  });

  /** Makes the `n`th put from now fail as `fail` says. */
  function failPut(n: number, fail: (store: IDBObjectStore) => void) {
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === n) fail(this);
      return realPut.apply(this, args);
    };
  }

  for (const [name, fail, message] of [
    ['a put throws (quota exceeded)', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }, /quota/],
    ['the browser aborts the transaction', (store: IDBObjectStore) => store.transaction.abort(), /abort|transaction/i],
  ] as const) {
    it(`${name}: nothing partial is left`, async () => {
      const { db: sourceDb } = await populated();
      const text = await exportText(sourceDb);
      const { bg, db } = await populated(7_000_000);
      const before = await readBackupData(db);
      // Past the automatic backup's few writes, in the middle of the import's.
      failPut(20, fail);
      const reply = await rawImport(bg, text, 'replace');
      IDBObjectStore.prototype.put = realPut;
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      expect(await readBackupData(db)).toEqual(before);
    });
  }
});
