import { describe, expect, it } from 'vitest';
import { validateRule } from '../../../utils/rules/validate';

const base = {
  id: 'r1',
  action: 'hide',
  match: { kind: 'tag', slot: 'any', text: 'Major Character Death', mode: 'exact' },
  enabled: true,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

function errorOf(input: unknown): string {
  const result = validateRule(input);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('validateRule accepts', () => {
  it.each([
    ['an exact tag', { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' }],
    ['a wildcard', { kind: 'tag', slot: 'relationship', text: 'Alpha*', mode: 'wildcard' }],
    ['a regex', { kind: 'tag', slot: 'freeform', text: '^omega', mode: 'regex' }],
    ['an exact tag without its subtags', { kind: 'tag', slot: 'freeform', text: 'Angst', mode: 'exact', subtags: false }],
    ['an author by login', { kind: 'author', login: 'some_writer' }],
    ['an author by user id', { kind: 'author', userId: 12345 }],
    ['a work', { kind: 'work', workId: 123, title: 'A Work' }],
    ['a series', { kind: 'series', seriesId: 45 }],
    ['a language', { kind: 'trait', trait: { type: 'language', language: 'en' } }],
    ['a word range', { kind: 'trait', trait: { type: 'words', min: 1000, max: 5000 } }],
    ['a chapter bound', { kind: 'trait', trait: { type: 'chapters', max: 1 } }],
    ['completeness', { kind: 'trait', trait: { type: 'complete', complete: false } }],
    ['crossovers', { kind: 'trait', trait: { type: 'crossover', moreThan: 2 } }],
    ['a rating', { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } }],
    ['a date', { kind: 'trait', trait: { type: 'notUpdatedSince', date: '2024-02-29' } }],
    ['a phrase', { kind: 'trait', trait: { type: 'titleOrSummary', phrase: 'reader insert' } }],
    ['a kudos ratio', { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 0.02 } }],
  ])('%s', (_, match) => {
    const result = validateRule({ ...base, match });
    expect(result).toEqual({ ok: true, rule: { ...base, match } });
  });

  it('every optional field, returning a fresh object', () => {
    const input = {
      ...base,
      action: 'highlight',
      color: '#FFcc00',
      scope: { fandoms: ['Harry Potter - J. K. Rowling', 'Marvel*'] },
      exceptions: { tags: ['Fix-It', 'Hurt*s*Comfort'] },
      label: '  Sad endings ',
      order: -3,
    };
    const result = validateRule(input);
    expect(result).toEqual({ ok: true, rule: { ...input, label: 'Sad endings' } });
    if (result.ok) {
      expect(result.rule).not.toBe(input);
      expect(result.rule.scope).not.toBe(input.scope);
    }
  });

  it('null and undefined optional fields as absent, an empty label as none, and drops a hide rule’s colour', () => {
    const result = validateRule({ ...base, color: '#ff0000', label: ' ', order: null, scope: undefined });
    expect(result).toEqual({ ok: true, rule: base });
  });

  it('JSON from a backup file', () => {
    expect(validateRule(JSON.parse(JSON.stringify(base))).ok).toBe(true);
  });
});

describe('validateRule rejects', () => {
  it('non-objects', () => {
    expect(errorOf(null)).toBe('rule must be an object');
    expect(errorOf([base])).toBe('rule must be an object');
    expect(errorOf('rule')).toBe('rule must be an object');
    expect(errorOf(new Date())).toBe('rule must be a plain object');
  });

  it('prototype-polluting keys, at any depth', () => {
    expect(errorOf(JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}'))).toMatch(/rule has a forbidden key "__proto__"/);
    expect(errorOf({ ...base, match: JSON.parse('{"kind":"work","workId":1,"constructor":{}}') })).toMatch(
      /match has a forbidden key "constructor"/,
    );
    expect(errorOf({ ...base, scope: JSON.parse('{"fandoms":["X"],"__proto__":{}}') })).toMatch(/scope has a forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown fields and kinds', () => {
    expect(errorOf({ ...base, extra: 1 })).toBe('rule has an unknown field "extra"');
    expect(errorOf({ ...base, match: { kind: 'fandom', text: 'X' } })).toMatch(/^match\.kind must be one of "tag", "author"/);
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'mood' } } })).toMatch(/^match\.trait\.type must be one of/);
    expect(errorOf({ ...base, match: { kind: 'work', workId: 1, login: 'x' } })).toBe('match has an unknown field "login"');
    expect(errorOf({ ...base, action: 'delete' })).toBe('action must be one of "hide", "highlight"');
    expect(errorOf({ ...base, match: { ...base.match, slot: 'fandoms' } })).toMatch(/^match\.slot must be one of/);
    expect(errorOf({ ...base, match: { ...base.match, mode: 'glob' } })).toMatch(/^match\.mode must be one of/);
  });

  it('wrong types, naming the field', () => {
    expect(errorOf({ ...base, id: 5 })).toBe('id must be a string');
    expect(errorOf({ ...base, enabled: 'yes' })).toBe('enabled must be true or false');
    expect(errorOf({ ...base, createdAt: '2024' })).toMatch(/^createdAt must be a whole number/);
    expect(errorOf({ ...base, match: { kind: 'work', workId: '123' } })).toMatch(/^match\.workId must be a whole number/);
    expect(errorOf({ ...base, match: { ...base.match, subtags: 'no' } })).toBe('match.subtags must be true or false');
    expect(errorOf({ ...base, scope: { fandoms: 'Marvel' } })).toBe('scope.fandoms must be a list of tags');
    expect(errorOf({ ...base, exceptions: { tags: ['ok', 3] } })).toBe('exceptions.tags[1] must be a string');
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'complete', complete: 1 } } })).toBe(
      'match.trait.complete must be true or false',
    );
  });

  it('missing required fields', () => {
    const { match: _match, ...noMatch } = base;
    expect(errorOf(noMatch)).toBe('match must be an object');
    expect(errorOf({ ...base, match: { kind: 'author' } })).toBe('match needs a login or a userId');
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'words' } } })).toBe('match.trait needs a min or a max');
    expect(errorOf({ ...base, scope: { fandoms: [] } })).toMatch(/^scope\.fandoms must name at least one tag/);
  });

  it('over-long strings and absurd numbers', () => {
    expect(errorOf({ ...base, id: 'x'.repeat(101) })).toBe('id must be at most 100 characters');
    expect(errorOf({ ...base, label: 'x'.repeat(201) })).toBe('label must be at most 200 characters');
    expect(errorOf({ ...base, match: { ...base.match, text: 'x'.repeat(301) } })).toBe('match.text must be at most 300 characters');
    expect(errorOf({ ...base, match: { ...base.match, mode: 'regex', text: 'x'.repeat(201) } })).toBe(
      'match.text is longer than 200 characters',
    );
    expect(errorOf({ ...base, createdAt: 1e20 })).toMatch(/^createdAt must be a whole number from 0 to/);
    expect(errorOf({ ...base, createdAt: -1 })).toMatch(/^createdAt must be a whole number/);
    expect(errorOf({ ...base, order: Infinity })).toMatch(/^order must be a whole number/);
    expect(errorOf({ ...base, match: { kind: 'work', workId: 1.5 } })).toMatch(/^match\.workId must be a whole number/);
    expect(errorOf({ ...base, match: { kind: 'work', workId: 0 } })).toMatch(/^match\.workId must be a whole number from 1/);
    expect(errorOf({ ...base, match: { kind: 'author', userId: Number.NaN } })).toMatch(/^match\.userId must be a whole number/);
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'words', min: 1e12 } } })).toMatch(/^match\.trait\.min must be/);
    expect(errorOf({ ...base, exceptions: { tags: Array(101).fill('x') } })).toBe('exceptions.tags must have at most 100 tags');
  });

  it('bad values', () => {
    expect(errorOf({ ...base, id: 'has space' })).toMatch(/^id must be letters, digits/);
    expect(errorOf({ ...base, action: 'highlight', color: 'red' })).toBe('color must be a hex colour such as #ffcc00');
    expect(errorOf({ ...base, action: 'highlight', color: '#ff00zz' })).toBe('color must be a hex colour such as #ffcc00');
    expect(errorOf({ ...base, match: { kind: 'author', login: 'has space' } })).toMatch(/^match\.login must be an archive login/);
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'words', min: 10, max: 5 } } })).toBe('match.trait has min above max');
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'rating', rating: 'explicit' } } })).toMatch(
      /^match\.trait\.rating must be one of "General Audiences"/,
    );
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'notUpdatedSince', date: '2023-02-29' } } })).toBe(
      'match.trait.date is not a real date',
    );
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'notUpdatedSince', date: '1/2/2023' } } })).toBe(
      'match.trait.date must be a date as YYYY-MM-DD',
    );
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 5 } } })).toMatch(
      /^match\.trait\.ratio must be a number above 0 and at most 1/,
    );
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'titleOrSummary', phrase: '!!' } } })).toBe(
      'match.trait.phrase needs at least one letter or digit',
    );
    expect(errorOf({ ...base, match: { kind: 'trait', trait: { type: 'crossover', moreThan: 0 } } })).toMatch(
      /^match\.trait\.moreThan must be a whole number from 1/,
    );
  });

  it('unsafe or unusable patterns, with the reason', () => {
    expect(errorOf({ ...base, match: { ...base.match, mode: 'regex', text: '(a+)+$' } })).toMatch(/^match\.text repeats a part/);
    expect(errorOf({ ...base, match: { ...base.match, mode: 'regex', text: '(a' } })).toBe('match.text is not valid: unterminated group');
    expect(errorOf({ ...base, match: { ...base.match, text: 'Alpha*' } })).toMatch(/^match\.text contains \*/);
    expect(errorOf({ ...base, match: { ...base.match, mode: 'wildcard', text: '***' } })).toBe('match.text needs some text besides *');
    expect(errorOf({ ...base, match: { ...base.match, text: '' } })).toBe('match.text must not be empty');
    expect(errorOf({ ...base, exceptions: { tags: ['*'] } })).toBe('exceptions.tags[0] needs some text besides *');
  });
});
