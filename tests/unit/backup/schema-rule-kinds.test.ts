/** docs/backup.schema.json and the engine's validator agree on the rule shapes of issue 16. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateRule } from '../../../utils/rules/validate';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/backup.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string };
const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addSchema(schema);
const schemaAccepts = ajv.getSchema(`${schema.$id}#/definitions/rule`)!;
const settingAccepts = ajv.getSchema(`${schema.$id}#/definitions/setting`)!;

const base = { id: 'r1', action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
const trait = (fields: Record<string, unknown>) => ({ ...base, match: { kind: 'trait', trait: fields } });
const reading = (fields: Record<string, unknown>) => ({ ...base, match: { kind: 'reading', ...fields } });

describe('the schema and the validator on new rule shapes', () => {
  it.each([
    ['a severity', { ...base, severity: 'dim', match: { kind: 'work', workId: 1 } }],
    ['a reading rule', reading({ state: 'finished' })],
    ['a saved reading rule with a status', reading({ state: 'saved', status: 'dropped' })],
    ['anonymous', trait({ type: 'anonymous' })],
    ['orphaned', trait({ type: 'orphaned' })],
    ['a tag count', trait({ type: 'tagCount', slot: 'any', moreThan: 20 })],
    ['words per chapter', trait({ type: 'wordsPerChapterBelow', below: 800 })],
    ['not updated for', trait({ type: 'notUpdatedFor', amount: 3, unit: 'months' })],
    ['a stat', trait({ type: 'stat', stat: 'kudos', max: 10 })],
    ['the per-chapter ratio', trait({ type: 'chapterKudosRatioBelow', ratio: 0.08 })],
  ])('both accept %s', (_, rule) => {
    expect(schemaAccepts(rule), JSON.stringify(schemaAccepts.errors)).toBe(true);
    expect(validateRule(rule).ok).toBe(true);
  });

  it.each([
    ['an unknown severity', { ...base, severity: 'blur', match: { kind: 'work', workId: 1 } }],
    ['an unknown reading state', reading({ state: 'loved' })],
    ['an unknown saved status', reading({ state: 'saved', status: 'someday' })],
    ['a reading rule with an extra field', reading({ state: 'opened', since: 3 })],
    ['anonymous with a value', trait({ type: 'anonymous', value: true })],
    ['a tag count of fandoms', trait({ type: 'tagCount', slot: 'fandom', moreThan: 2 })],
    ['words per chapter of 0', trait({ type: 'wordsPerChapterBelow', below: 0 })],
    ['weeks', trait({ type: 'notUpdatedFor', amount: 3, unit: 'weeks' })],
    ['a stat without bounds', trait({ type: 'stat', stat: 'hits' })],
    ['a stat of words', trait({ type: 'stat', stat: 'words', min: 1 })],
    ['a per-chapter ratio above 10', trait({ type: 'chapterKudosRatioBelow', ratio: 12 })],
    ['an unknown trait', trait({ type: 'popularity', min: 1 })],
  ])('both refuse %s', (_, rule) => {
    expect(schemaAccepts(rule)).toBe(false);
    expect(validateRule(rule).ok).toBe(false);
  });

  it('the hiddenWorks setting takes dim', () => {
    expect(settingAccepts({ key: 'hiddenWorks', value: 'dim', changed: 1 })).toBe(true);
    expect(settingAccepts({ key: 'hiddenWorks', value: 'collapse', changed: 1 })).toBe(false);
  });
});
