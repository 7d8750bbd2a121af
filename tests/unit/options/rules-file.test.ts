import { describe, expect, it } from 'vitest';
import { parseRulesFile, readRulesFile, rulesFileText } from '../../../utils/library/rules-file';
import type { Rule } from '../../../utils/rules/types';

const rule = (id: string): Rule => ({
  id,
  action: 'hide',
  match: { kind: 'author', login: 'someone' },
  enabled: true,
  createdAt: 1,
  updatedAt: 2,
  order: 0,
});

describe('rules files', () => {
  it('round-trips rules, dropping the times the background sets', () => {
    const parsed = parseRulesFile(rulesFileText([rule('a'), rule('b')], 123));
    expect(parsed).toEqual({ ok: true, rules: [{ id: 'a', action: 'hide', match: { kind: 'author', login: 'someone' }, enabled: true, order: 0 }, expect.objectContaining({ id: 'b' })] });
  });

  it('reads the rules out of a full backup and out of a bare array', () => {
    expect(parseRulesFile(JSON.stringify({ format: 'shelfmark-backup', data: { rules: [rule('x')] } }))).toMatchObject({ ok: true, rules: [{ id: 'x' }] });
    expect(parseRulesFile(JSON.stringify([rule('y')]))).toMatchObject({ ok: true, rules: [{ id: 'y' }] });
  });

  it('names every bad rule and refuses the file', () => {
    const bad = { ...rule('b'), match: { kind: 'tag', slot: 'nope', text: 'x', mode: 'exact' } };
    const result = parseRulesFile(JSON.stringify({ format: 'shelfmark-rules', formatVersion: 1, rules: [rule('a'), bad, rule('a'), 5] }));
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Rule 2/);
    expect(problems[1]).toBe('Rule 3: the id "a" is used twice.');
    expect(problems[2]).toBe('Rule 4: not a rule.');
  });

  it('refuses what is not a rules file', () => {
    expect(parseRulesFile('not json')).toMatchObject({ ok: false });
    expect(parseRulesFile('{"format":"shelfmark-rules","formatVersion":9,"rules":[]}')).toMatchObject({ ok: false, problems: [expect.stringContaining('version 9')] });
    expect(parseRulesFile('{"hello":1}')).toEqual({ ok: false, problems: ['This file holds no Shelfmark rules.'] });
  });

  it('reads a chosen file strictly as UTF-8: a Latin-1 title is one problem naming its byte', async () => {
    const text = rulesFileText([{ ...rule('a'), match: { kind: 'work', workId: 5, title: 'Café' } }], 123);
    expect(await readRulesFile(new Blob([text]))).toMatchObject({ ok: true, rules: [{ id: 'a' }] });
    const bytes = new TextEncoder().encode(text.replace('Café', 'Caf?'));
    const at = bytes.indexOf(0x3f);
    bytes[at] = 0xe9;
    expect(await readRulesFile(new Blob([bytes]))).toEqual({
      ok: false,
      problems: [`This file isn’t UTF-8 text: the byte at offset ${at.toLocaleString()} (0xE9) isn’t valid UTF-8, so nothing was read from it. Save the file as UTF-8 and choose it again.`],
    });
  });
});
