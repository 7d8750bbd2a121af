import { beforeAll, describe, expect, it } from 'vitest';
import { checkBackupSize, parseBackupText, utf8ByteLength } from '../../../utils/backup/parse';
import { MAX_BACKUP_BYTES } from '../../../utils/backup/format';
import { FORMAT_UPGRADES } from '../../../utils/backup/upgrades';
import { freshDb } from '../db/fixtures';
import { exportText, fillLibrary, spoiled } from './files';

let valid = '';
beforeAll(async () => {
  const db = await freshDb();
  await fillLibrary(db);
  valid = await exportText(db);
});

const errorOf = (text: string, options = {}) => {
  const result = parseBackupText(text, options);
  return result.ok ? 'accepted' : result.error;
};

describe('parseBackupText', () => {
  it('accepts an export', () => {
    const result = parseBackupText(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.data.works).toHaveLength(31);
  });

  it('refuses a file that is not JSON', () => {
    expect(errorOf('Title: The Long Way Round\nAuthor: quietfox')).toMatch(/^This file is not JSON \(/);
    expect(errorOf('')).toBe('This file is empty.');
  });

  it('refuses a truncated file, saying so', () => {
    for (const cut of [valid.length - 1, Math.floor(valid.length / 2), 40]) {
      expect(errorOf(valid.slice(0, cut))).toMatch(/^This file is truncated: it ends before the backup does/);
    }
  });

  it('refuses JSON that is not a Shelfmark backup', () => {
    expect(errorOf('{"works": []}')).toMatch(/not a Shelfmark backup/);
    expect(errorOf('[1, 2, 3]')).toMatch(/not a Shelfmark backup/);
  });

  it('refuses other format versions, naming them', () => {
    expect(errorOf(spoiled(valid, (f) => (f.formatVersion = 3)))).toBe(
      'This backup is format version 3, newer than this version of Shelfmark reads (2). Update Shelfmark, then import it again.',
    );
    expect(errorOf(spoiled(valid, (f) => (f.formatVersion = 0)))).toMatch(/format version 0, older than any Shelfmark can read/);
    expect(errorOf(spoiled(valid, (f) => (f.formatVersion = '1' as unknown as number)))).toMatch(/formatVersion is "1", not a version number/);
  });

  it('refuses wrong types, naming the place', () => {
    expect(errorOf(spoiled(valid, (f) => (f.data.works![3]!.words = '12k')))).toBe(
      'This backup has a wrong value at backup.data.works[3].words: expected an integer, got "12k".',
    );
    expect(errorOf(spoiled(valid, (f) => (f.data.saved![0]!.status = 'someday')))).toMatch(/backup.data.saved\[0\].status: expected one of/);
    expect(errorOf(spoiled(valid, (f) => delete f.data.visits))).toMatch(/backup.data.visits: missing/);
    expect(errorOf(spoiled(valid, (f) => (f.data.rules![0]!.match = { kind: 'vibes' })))).toMatch(/backup.data.rules\[0\]: match.kind/);
    expect(errorOf(spoiled(valid, (f) => (f.data.settings![0]!.value = 'yes')))).toMatch(/backup.data.settings\[0\].value: expected true or false/);
    expect(errorOf(spoiled(valid, (f) => (f.data.reading![0]!.sneaky = 1)))).toMatch(/backup.data.reading\[0\].sneaky: unknown field/);
  });

  it('refuses a file over the size limit without needing one that big', () => {
    const bytes = utf8ByteLength(valid);
    expect(errorOf(valid, { maxBytes: bytes - 1 })).toBe(`This file is ${bytes} bytes; Shelfmark refuses backups over ${bytes - 1} bytes.`);
    expect(errorOf(valid, { maxBytes: bytes })).toBe('accepted');
    expect(checkBackupSize(250_000_000)).toBe('This file is 250.0 MB; Shelfmark refuses backups over 200.0 MB.');
    expect(checkBackupSize(MAX_BACKUP_BYTES)).toBeNull();
    // Multi-byte text: the limit counts UTF-8 bytes, not characters.
    const accents = spoiled(valid, (f) => (f.data.works![0]!.title = 'é'.repeat(1000)));
    expect(accents.length).toBeLessThan(utf8ByteLength(accents) - 1000);
    expect(errorOf(accents, { maxBytes: accents.length })).toMatch(/refuses backups over/);
    expect(errorOf(accents, { maxBytes: utf8ByteLength(accents) })).toBe('accepted');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('僕')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('a😀é僕')).toBe(new TextEncoder().encode('a😀é僕').length);
  });

  it('runs older formats through the upgrade steps before checking them', () => {
    // A hypothetical format 0 that kept saved statuses in upper case under `library`.
    const v0 = spoiled(valid, (f) => {
      f.formatVersion = 0;
      f.data.library = f.data.saved!.map((s) => ({ ...s, status: String(s.status).toUpperCase() }));
      delete f.data.saved;
    });
    const upgrades = {
      oldest: 0,
      steps: {
        0: (file: Record<string, unknown>) => {
          const { library, ...data } = file.data as Record<string, Array<Record<string, unknown>>>;
          return { ...file, data: { ...data, saved: library!.map((s) => ({ ...s, status: String(s.status).toLowerCase() })) } };
        },
        1: FORMAT_UPGRADES.steps[1]!,
      },
    };
    const result = parseBackupText(v0, { upgrades });
    expect(result.ok && result.upgradedFrom).toBe(0);
    if (result.ok) expect(result.file.data.saved.map((s) => s.status)).toEqual(['reading', 'to-read']);
    expect(errorOf(v0, { upgrades: { oldest: 0, steps: {} } })).toMatch(/could not be upgraded: no upgrade from backup format 0/);
  });

  it('upgrades a format 1 file (before tag families) to one with no family learned', () => {
    const v1 = spoiled(valid, (f) => {
      f.formatVersion = 1;
      delete f.data.families;
    });
    const result = parseBackupText(v1);
    expect(result.ok && result.upgradedFrom).toBe(1);
    if (result.ok) {
      expect(result.file.formatVersion).toBe(2);
      expect(result.file.data.families).toEqual([]);
      expect(result.file.data.rules).toEqual(JSON.parse(valid).data.rules);
    }
    // Format 2 requires the array, and checks each family.
    expect(errorOf(spoiled(valid, (f) => delete f.data.families))).toMatch(/backup.data.families: missing/);
    expect(errorOf(spoiled(valid, (f) => (f.data.families![0]!.synonyms = [3])))).toMatch(/backup.data.families\[0\].synonyms\[0\]/);
  });
});
