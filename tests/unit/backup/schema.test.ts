/** The published JSON Schema and the code's checks agree on real exports and on spoiled ones. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBackupText } from '../../../utils/backup/parse';
import { freshDb } from '../db/fixtures';
import { exportText, fillLibrary, spoiled } from './files';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/backup.schema.json');
const validate = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

let valid = '';
beforeAll(async () => {
  const db = await freshDb();
  await fillLibrary(db);
  valid = await exportText(db);
});

describe('docs/backup.schema.json', () => {
  it('accepts a real export', () => {
    expect(validate(JSON.parse(valid)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseBackupText(valid).ok).toBe(true);
  });

  const spoils: Array<[string, Parameters<typeof spoiled>[1]]> = [
    ['a newer format version', (f) => (f.formatVersion = 3)],
    ['words as text', (f) => (f.data.works![0]!.words = '12k')],
    ['a missing store', (f) => delete f.data.rules],
    ['an unknown field on a record', (f) => (f.data.works![1]!.kudos = 5)],
    ['an unknown saved status', (f) => (f.data.saved![0]!.status = 'someday')],
    ['a negative visit time', (f) => (f.data.visits![0]!.at = -5)],
    ['a scroll position past the end', (f) => ((f.data.reading!.find((r) => (r.chapters as unknown[]).length > 0)!.chapters as Array<Record<string, unknown>>)[0]!.scroll = 1.5)],
    ['a setting of the wrong type', (f) => (f.data.settings![0]!.value = 'yes')],
    ['an unknown rule action', (f) => (f.data.rules![0]!.action = 'blur')],
    ['a family without its date', (f) => delete f.data.families![0]!.learnedAt],
    ['a subtag without its parent', (f) => delete (f.data.families![0]!.subtags as Array<Record<string, unknown>>)[0]!.parent],
  ];
  for (const [name, spoil] of spoils) {
    it(`refuses ${name}, as the code does`, () => {
      const text = spoiled(valid, spoil);
      expect(validate(JSON.parse(text))).toBe(false);
      expect(parseBackupText(text).ok).toBe(false);
    });
  }
});
