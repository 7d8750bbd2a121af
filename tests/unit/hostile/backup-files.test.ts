/**
 * Hostile backup files, through the public import path: the options page's
 * `importBackupFile` and the background's `backup/import` message (which
 * re-checks a file the page may never have checked). Each is refused with a
 * message saying what is wrong, and nothing changes: the data exported
 * before and after is the same, no automatic backup was taken, and the
 * rules mirror the content scripts read was not rewritten.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackupFile } from '../../../utils/backup/client';
import { parseBackupText } from '../../../utils/backup/parse';
import { newTransferId } from '../../../utils/backup/transfer-area';
import { optionsPage, testBackground, type TestBackground } from '../messaging/background';
import { fillLibrary } from '../backup/files';
import { fieldPaths, getAt, pathText, withValueAt, wrongType, type Json } from './json-paths';

let bg: TestBackground;
let valid = '';

beforeAll(async () => {
  bg = testBackground();
  await fillLibrary(await bg.db());
  valid = await exportedText();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const options = () => ({ send: bg.sendAs(optionsPage), transfers: bg.transfers });

async function exportedText(): Promise<string> {
  return (await exportBackup(options())).file.text();
}

/** The reader's data as an export shows it (the export stamps only its own time, which the test clock keeps fixed). */
async function dataNow(): Promise<unknown> {
  return JSON.parse(await exportedText()).data;
}

/** Hands the file straight to the background, skipping the options page's own check. */
async function backgroundImport(text: string, mode: 'merge' | 'replace') {
  const transferId = newTransferId(bg.clock.now);
  await bg.transfers.put(transferId, text);
  return bg.send({ type: 'backup/import', transferId, mode, confirmReplace: true });
}

/** Refused by the options page and by the background, in both modes, with `message`; nothing changed. */
async function expectRefused(text: string, message: RegExp | string): Promise<void> {
  const before = await dataNow();
  const mirrorBefore = structuredClone(bg.local.get('listingConfig'));
  const matcher = typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message);
  await expect(importBackupFile(new Blob([text]), 'merge', options())).rejects.toThrow(message);
  for (const mode of ['merge', 'replace'] as const) {
    expect(await backgroundImport(text, mode)).toEqual({ ok: false, error: matcher });
  }
  expect(await dataNow()).toEqual(before);
  expect(await bg.send({ type: 'backups/list' })).toEqual({ ok: true, value: { backups: [] } });
  expect(bg.local.get('listingConfig')).toEqual(mirrorBefore);
  expect(bg.transfers.files.size).toBe(0);
}

/** `valid` with `insert` (raw JSON text) added as the first member of the object that starts at `anchor`. */
function withMember(anchor: string, insert: string): string {
  const at = valid.indexOf(anchor);
  if (at < 0) throw new Error(`no ${anchor} in the export`);
  const brace = valid.indexOf('{', at + anchor.length - 1);
  return `${valid.slice(0, brace + 1)}${insert},${valid.slice(brace + 1)}`;
}

describe('prototype keys', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  // Written as raw JSON text: an object literal with `__proto__` would set the prototype instead.
  const cases: Array<[string, () => string, RegExp]> = [
    ['__proto__ at the top level', () => `{"__proto__":{"polluted":true},${valid.slice(1)}`, /backup\.__proto__: unknown field/],
    ['constructor at the top level', () => `{"constructor":{"prototype":{"polluted":true}},${valid.slice(1)}`, /backup\.constructor: unknown field/],
    ['prototype at the top level', () => `{"prototype":{"polluted":true},${valid.slice(1)}`, /backup\.prototype: unknown field/],
    ['__proto__ in data', () => withMember('"data":{', '"__proto__":{"polluted":true}'), /backup\.data\.__proto__: unknown field/],
    ['__proto__ in a work', () => withMember('"works":[{', '"__proto__":{"polluted":true}'), /backup\.data\.works\[0\]\.__proto__: unknown field/],
    ['constructor in a work', () => withMember('"works":[{', '"constructor":{"prototype":{"polluted":true}}'), /backup\.data\.works\[0\]\.constructor: unknown field/],
    ['prototype in a work’s tags', () => withMember('"tags":{', '"prototype":{"polluted":true}'), /backup\.data\.works\[0\]\.tags\.prototype: unknown field/],
    ['__proto__ in a saved record', () => withMember('"saved":[{', '"__proto__":{"polluted":true}'), /backup\.data\.saved\[0\]\.__proto__: unknown field/],
    ['constructor in a visit', () => withMember('"visits":[{', '"constructor":{"polluted":true}'), /backup\.data\.visits\[0\]\.constructor: unknown field/],
    ['__proto__ in a rule', () => withMember('"rules":[{', '"__proto__":{"polluted":true}'), /backup\.data\.rules\[0\]: rule has a forbidden key "__proto__"/],
    ['constructor in a rule’s match', () => withMember('"match":{', '"constructor":{"polluted":true}'), /backup\.data\.rules\[0\]: match has a forbidden key "constructor"/],
    ['a setting named __proto__', () => valid.replace('"settings":[', '"settings":[{"key":"__proto__","value":{"polluted":true},"changed":1},'), /backup\.data\.settings\[0\]\.key: unknown setting "__proto__"/],
    ['a setting named constructor', () => valid.replace('"settings":[', '"settings":[{"key":"constructor","value":true,"changed":1},'), /backup\.data\.settings\[0\]\.key: unknown setting "constructor"/],
  ];

  for (const [name, make, message] of cases) {
    it(`${name}: refused, naming the key; Object.prototype untouched`, async () => {
      const text = make();
      expect(() => JSON.parse(text)).not.toThrow();
      await expectRefused(text, message);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('deeply nested values', () => {
  const DEPTH = 100_000;
  const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;

  it('a 100,000-deep array in place of a record field: refused at that field', async () => {
    await expectRefused(valid.replace(/"authors":\[/, `"authors":[${deepArray},`), /wrong value at backup\.data\.works\[0\]\.authors\[0\]: expected an object, got an array/);
  });

  it('a 100,000-deep array in place of a setting’s value, and as the whole file: refused', async () => {
    await expectRefused(valid.replace(/"value":(true|false)/, `"value":${deepArray}`), /backup\.data\.settings\[0\]\.value: expected true or false, got an array/);
    await expectRefused(deepArray, /not a Shelfmark backup/);
  });

  it('an engine that gives up on the nesting (RangeError): the import says so', async () => {
    const parse = JSON.parse;
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.startsWith('[[[')) throw new RangeError('Maximum call stack size exceeded');
      return parse(text, reviver);
    });
    const result = parseBackupText(deepArray);
    expect(result).toEqual({ ok: false, error: 'This file nests values too deeply to be a Shelfmark backup (Maximum call stack size exceeded).' });
    await expectRefused(deepArray, 'This file nests values too deeply to be a Shelfmark backup');
  });
});

describe('huge strings', () => {
  it('a 50 MB note: refused, naming the field', async () => {
    const note = 'n'.repeat(50_000_000);
    const file = JSON.parse(valid);
    file.data.saved[0].note = note;
    await expectRefused(JSON.stringify(file), /backup\.data\.saved\[0\]\.note: longer than 100000 characters/);
  }, 60_000);

  it('a 1 MB title and a 1 MB tag: refused, naming the field', async () => {
    const title = JSON.parse(valid);
    title.data.works[2].title = 't'.repeat(1_000_000);
    await expectRefused(JSON.stringify(title), /backup\.data\.works\[2\]\.title: longer than/);
    const tag = JSON.parse(valid);
    tag.data.works[1].tags.freeform.push('f'.repeat(1_000_000));
    await expectRefused(JSON.stringify(tag), /backup\.data\.works\[1\]\.tags\.freeform\[\d+\]: longer than/);
  });
});

describe('duplicate ids', () => {
  const stores: Array<[store: string, key: string]> = [['works', 'workId'], ['saved', 'workId'], ['rules', 'id'], ['settings', 'key'], ['reading', 'workId']];
  for (const [store, key] of stores) {
    it(`two ${store} records with the same ${key}: refused, naming both`, async () => {
      const file = JSON.parse(valid);
      const records = file.data[store] as Array<Record<string, unknown>> | undefined;
      if (!records) return expect(Object.keys(file.data)).not.toContain(store);
      records.push({ ...records[0]! });
      const last = records.length - 1;
      await expectRefused(
        JSON.stringify(file),
        `This backup has two ${store} records with ${key} ${JSON.stringify(records[0]![key])} (backup.data.${store}[0] and backup.data.${store}[${last}]).`,
      );
    });
  }

  it('the same visit twice is a log entry repeated, not a conflict: accepted', () => {
    const file = JSON.parse(valid);
    file.data.visits.push({ ...file.data.visits[0] });
    expect(parseBackupText(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('a wrong type in every field', () => {
  it('of the file itself: refused, naming the field', async () => {
    const file = JSON.parse(valid) as Record<string, Json>;
    const fields = Object.keys(file).filter((key) => key !== 'data');
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const field of fields) {
      const spoiled = { ...file, [field]: wrongType(file[field]!) };
      const result = parseBackupText(JSON.stringify(spoiled));
      expect.soft(result.ok, field).toBe(false);
      if (!result.ok) expect.soft(result.error, field).toMatch(new RegExp(`\\b${field}\\b`));
    }
  });

  it('of every record type, generated from a real export: each refused, naming the field; nothing changed', async () => {
    const file = JSON.parse(valid) as { data: Record<string, Json[]> };
    const before = await dataNow();
    let checked = 0;
    for (const [store, records] of Object.entries(file.data)) {
      // Records differ in which optional parts they carry: take the fullest of each store.
      const record = [...records].sort((a, b) => fieldPaths(b).length - fieldPaths(a).length)[0];
      expect(record, `the export has no ${store} records to spoil`).toBeDefined();
      const index = records.indexOf(record!);
      for (const path of fieldPaths(record!)) {
        const fullPath = ['data', store, index, ...path];
        const text = JSON.stringify(withValueAt(file as unknown as Json, fullPath, wrongType(getAt(file as unknown as Json, fullPath))));
        const reply = await backgroundImport(text, 'merge');
        const name = `backup.${pathText(fullPath)}`;
        expect.soft(reply, name).toMatchObject({ ok: false });
        // Rules are checked by the rules engine, which names the field after the record ("rules[0]: match.kind …").
        const named = store === 'rules' ? new RegExp(`backup\\.data\\.rules\\[${index}\\]: .*\\b${String(path.at(-1))}\\b`) : name;
        if (reply && !reply.ok) {
          if (typeof named === 'string') expect.soft(reply.error, name).toContain(named);
          else expect.soft(reply.error, name).toMatch(named);
        }
        checked++;
      }
    }
    // Every store, and most of the format's fields.
    expect(checked).toBeGreaterThan(60);
    expect(await dataNow()).toEqual(before);
    expect(await bg.send({ type: 'backups/list' })).toEqual({ ok: true, value: { backups: [] } });
  }, 60_000);
});
