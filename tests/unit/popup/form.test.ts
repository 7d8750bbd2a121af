import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formFromRule,
  formToInput,
  newRuleId,
  parseArchiveId,
  parseLogin,
  parseWholeNumber,
  ruleToInput,
  splitTags,
  visibleErrors,
  type FormField,
  type RuleForm,
} from '../../../components/rules/form';
import { validateRule } from '../../../utils/rules/validate';
import type { Rule } from '../../../utils/rules/types';

const form = (fields: Partial<RuleForm>): RuleForm => ({ ...emptyForm(), ...fields });

function input(fields: Partial<RuleForm>, id = 'r1', order?: number) {
  const result = formToInput(form(fields), id, order);
  if (!result.ok) throw new Error(`expected a rule, got ${JSON.stringify(result.errors)}`);
  return result.input;
}

function errors(fields: Partial<RuleForm>) {
  const result = formToInput(form(fields), 'r1');
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.input)}`);
  return result.errors;
}

const stored = (rule: Omit<Rule, 'createdAt' | 'updatedAt'>): Rule => ({ ...rule, createdAt: 1, updatedAt: 2 });

describe('formToInput: tag rules', () => {
  it('builds an exact tag rule with every default', () => {
    expect(input({ tagText: '  Major Character Death ' })).toEqual({
      id: 'r1',
      action: 'hide',
      enabled: true,
      match: { kind: 'tag', slot: 'any', mode: 'exact', text: 'Major Character Death' },
    });
  });

  it('keeps slot and mode, and regex text exactly as typed', () => {
    expect(input({ tagSlot: 'freeform', tagMode: 'wildcard', tagText: 'Alternate Universe - *' }).match).toEqual({
      kind: 'tag', slot: 'freeform', mode: 'wildcard', text: 'Alternate Universe - *',
    });
    expect(input({ tagMode: 'regex', tagText: ' ^omega ' }).match).toMatchObject({ mode: 'regex', text: ' ^omega ' });
  });

  it('refuses an empty tag, a * in exact text and an unsafe regular expression, with readable messages', () => {
    expect(errors({ tagText: '  ' })).toEqual({ tagText: 'Enter a tag.' });
    expect(errors({ tagMode: 'regex', tagText: '' })).toEqual({ tagText: 'Enter a regular expression.' });
    expect(errors({ tagText: 'Alpha*' }).tagText).toMatch(/^The tag contains \*/);
    const unsafe = errors({ tagMode: 'regex', tagText: '(a+)+$' }).tagText;
    expect(unsafe).toMatch(/^The regular expression /);
    expect(errors({ tagMode: 'regex', tagText: '(unclosed' }).tagText).toMatch(/^The regular expression /);
  });
});

describe('formToInput: authors, works, series', () => {
  it('takes a login, a user id, or both; pasted profile links work', () => {
    expect(input({ kind: 'author', authorLogin: 'EdosianOrchids901' }).match).toEqual({ kind: 'author', login: 'EdosianOrchids901' });
    expect(input({ kind: 'author', authorUserId: '1,234' }).match).toEqual({ kind: 'author', userId: 1234 });
    expect(input({ kind: 'author', authorLogin: 'https://archiveofourown.org/users/some_one/pseuds/Other', authorUserId: '7' }).match).toEqual({
      kind: 'author', login: 'some_one', userId: 7,
    });
  });

  it('needs one of them, and says what is wrong with each', () => {
    expect(errors({ kind: 'author' })).toEqual({ author: 'Enter the author’s login or user id.' });
    expect(errors({ kind: 'author', authorLogin: 'two words' }).authorLogin).toMatch(/letters, digits and _/);
    expect(errors({ kind: 'author', authorLogin: 'ok', authorUserId: 'x' }).authorUserId).toMatch(/whole number/);
  });

  it('reads work and series ids from numbers or links, with optional titles', () => {
    expect(input({ kind: 'work', workId: 'https://archiveofourown.org/works/77598646/chapters/1?view_adult=true' }).match).toEqual({ kind: 'work', workId: 77598646 });
    expect(input({ kind: 'work', workId: '12', workTitle: ' A Title ' }).match).toEqual({ kind: 'work', workId: 12, title: 'A Title' });
    expect(input({ kind: 'series', seriesId: 'archiveofourown.org/series/345' }).match).toEqual({ kind: 'series', seriesId: 345 });
    expect(errors({ kind: 'work' }).workId).toBe('Enter a work id or link.');
    expect(errors({ kind: 'work', workId: 'abc' }).workId).toMatch(/number or paste its link/);
    expect(errors({ kind: 'series', seriesId: '0' }).seriesId).toMatch(/series/);
  });
});

describe('formToInput: traits', () => {
  const trait = (fields: Partial<RuleForm>) => {
    const match = input({ kind: 'trait', ...fields }).match;
    if (match.kind !== 'trait') throw new Error('not a trait');
    return match.trait;
  };

  it('builds each trait type from its inputs', () => {
    expect(trait({ traitType: 'rating', rating: 'Mature' })).toEqual({ type: 'rating', rating: 'Mature' });
    expect(trait({ traitType: 'language', language: ' en ' })).toEqual({ type: 'language', language: 'en' });
    expect(trait({ traitType: 'words', rangeMin: '100,000' })).toEqual({ type: 'words', min: 100000 });
    expect(trait({ traitType: 'words', rangeMax: '1 000' })).toEqual({ type: 'words', max: 1000 });
    expect(trait({ traitType: 'chapters', rangeMin: '2', rangeMax: '10' })).toEqual({ type: 'chapters', min: 2, max: 10 });
    expect(trait({ traitType: 'complete', complete: 'complete' })).toEqual({ type: 'complete', complete: true });
    expect(trait({ traitType: 'complete', complete: 'in-progress' })).toEqual({ type: 'complete', complete: false });
    expect(trait({ traitType: 'crossover', crossoverMoreThan: '2' })).toEqual({ type: 'crossover', moreThan: 2 });
    expect(trait({ traitType: 'notUpdatedSince', date: '2020-02-29' })).toEqual({ type: 'notUpdatedSince', date: '2020-02-29' });
    expect(trait({ traitType: 'titleOrSummary', phrase: ' coffee shop ' })).toEqual({ type: 'titleOrSummary', phrase: 'coffee shop' });
    expect(trait({ traitType: 'kudosRatioBelow', ratioPercent: '5' })).toEqual({ type: 'kudosRatioBelow', ratio: 0.05 });
    expect(trait({ traitType: 'kudosRatioBelow', ratioPercent: '2,5%' })).toEqual({ type: 'kudosRatioBelow', ratio: 0.025 });
  });

  it('explains bad trait inputs', () => {
    const bad = (fields: Partial<RuleForm>) => errors({ kind: 'trait', ...fields });
    expect(bad({ traitType: 'language', language: '' })).toHaveProperty('language');
    expect(bad({ traitType: 'words' })).toEqual({ rangeMin: 'Enter at least, at most, or both.' });
    expect(bad({ traitType: 'words', rangeMin: '-5' })).toHaveProperty('rangeMin');
    expect(bad({ traitType: 'words', rangeMin: '10', rangeMax: '5' })).toEqual({ rangeMax: '“At most” must not be below “at least”.' });
    expect(bad({ traitType: 'chapters', rangeMax: '100001' })).toHaveProperty('rangeMax');
    expect(bad({ traitType: 'crossover', crossoverMoreThan: '0' })).toHaveProperty('crossoverMoreThan');
    expect(bad({ traitType: 'notUpdatedSince', date: '' })).toEqual({ date: 'Choose a date.' });
    expect(bad({ traitType: 'notUpdatedSince', date: '2021-02-29' })).toEqual({ date: 'Choose a date.' });
    expect(bad({ traitType: 'titleOrSummary', phrase: ' -- ' })).toHaveProperty('phrase');
    expect(bad({ traitType: 'kudosRatioBelow', ratioPercent: '0' })).toHaveProperty('ratioPercent');
    expect(bad({ traitType: 'kudosRatioBelow', ratioPercent: '101' })).toHaveProperty('ratioPercent');
  });
});

describe('formToInput: action, label, scope, exceptions, order', () => {
  it('adds the colour only to highlight rules', () => {
    expect(input({ tagText: 'Fluff', action: 'highlight', color: '#3c9d5d' })).toMatchObject({ action: 'highlight', color: '#3c9d5d' });
    expect(input({ tagText: 'Fluff', action: 'hide', color: '#3c9d5d' })).not.toHaveProperty('color');
    expect(errors({ tagText: 'Fluff', action: 'highlight', color: 'red' })).toHaveProperty('color');
  });

  it('trims the label and drops an empty one', () => {
    expect(input({ tagText: 'Fluff', label: '  Fluff!  ' }).label).toBe('Fluff!');
    expect(input({ tagText: 'Fluff', label: '   ' })).not.toHaveProperty('label');
    expect(errors({ tagText: 'Fluff', label: 'x'.repeat(201) })).toHaveProperty('label');
  });

  it('splits scope fandoms and exception tags on commas and checks each', () => {
    const rule = input({ tagText: 'Fluff', scopeFandoms: 'Sherlock Holmes*, , Good Omens (TV) ,', exceptionTags: 'Happy Ending' });
    expect(rule.scope).toEqual({ fandoms: ['Sherlock Holmes*', 'Good Omens (TV)'] });
    expect(rule.exceptions).toEqual({ tags: ['Happy Ending'] });
    expect(input({ tagText: 'Fluff', scopeFandoms: ' , ' })).not.toHaveProperty('scope');
    expect(errors({ tagText: 'Fluff', exceptionTags: 'ok, *' }).exceptionTags).toMatch(/^“\*”: The tag needs some text besides \*/);
  });

  it('keeps the order and the enabled flag it is given', () => {
    expect(input({ tagText: 'Fluff', enabled: false }, 'r9', 4)).toMatchObject({ id: 'r9', enabled: false, order: 4 });
  });

  it('always produces rules the engine accepts', () => {
    const samples: Array<Partial<RuleForm>> = [
      { tagText: 'Fluff', action: 'highlight', label: 'L', scopeFandoms: 'A*', exceptionTags: 'B' },
      { kind: 'author', authorLogin: 'a', authorUserId: '3' },
      { kind: 'trait', traitType: 'kudosRatioBelow', ratioPercent: '100' },
    ];
    for (const sample of samples) {
      expect(validateRule({ ...input(sample), createdAt: 0, updatedAt: 0 }).ok).toBe(true);
    }
  });
});

describe('formFromRule round-trips every match kind', () => {
  const rules: Rule[] = [
    stored({ id: 'a', action: 'highlight', color: '#abc', match: { kind: 'tag', slot: 'relationship', mode: 'wildcard', text: 'A/*' }, enabled: false, label: 'Mine', order: 3, scope: { fandoms: ['F1', 'F2*'] }, exceptions: { tags: ['X'] } }),
    stored({ id: 'b', action: 'hide', match: { kind: 'author', login: 'someone', userId: 5 }, enabled: true }),
    stored({ id: 'c', action: 'hide', match: { kind: 'work', workId: 77, title: 'T' }, enabled: true }),
    stored({ id: 'd', action: 'hide', match: { kind: 'series', seriesId: 8 }, enabled: true }),
    stored({ id: 'e', action: 'hide', match: { kind: 'trait', trait: { type: 'words', min: 10, max: 20 } }, enabled: true }),
    stored({ id: 'f', action: 'hide', match: { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 0.07 } }, enabled: true }),
    stored({ id: 'g', action: 'hide', match: { kind: 'trait', trait: { type: 'complete', complete: true } }, enabled: true }),
    stored({ id: 'h', action: 'hide', match: { kind: 'trait', trait: { type: 'notUpdatedSince', date: '2019-01-31' } }, enabled: true }),
    stored({ id: 'i', action: 'hide', match: { kind: 'trait', trait: { type: 'crossover', moreThan: 3 } }, enabled: true }),
    stored({ id: 'j', action: 'hide', match: { kind: 'trait', trait: { type: 'language', language: 'Deutsch' } }, enabled: true }),
    stored({ id: 'k', action: 'hide', match: { kind: 'trait', trait: { type: 'titleOrSummary', phrase: 'tea' } }, enabled: true }),
    stored({ id: 'l', action: 'hide', match: { kind: 'trait', trait: { type: 'rating', rating: 'Not Rated' } }, enabled: true }),
  ];
  for (const rule of rules) {
    it(`${rule.id}: ${rule.match.kind}`, () => {
      const result = formToInput(formFromRule(rule), rule.id, rule.order);
      expect(result).toEqual({ ok: true, input: ruleToInput(rule) });
    });
  }
});

describe('visibleErrors', () => {
  const all = { tagText: 'Enter a tag.', label: 'too long' };
  it('hides "empty" errors until the field was left or the form submitted', () => {
    const f = form({ label: 'x'.repeat(300) });
    expect(visibleErrors(all, f, new Set(), false)).toEqual({ label: 'too long' });
    expect(visibleErrors(all, f, new Set<FormField>(['tagText']), false)).toEqual(all);
    expect(visibleErrors(all, f, new Set(), true)).toEqual(all);
  });
  it('shows an error about typed text at once', () => {
    const f = form({ tagMode: 'regex', tagText: '(a+)+$' });
    const result = formToInput(f, 'r');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(visibleErrors(result.errors, f, new Set(), false)).toHaveProperty('tagText');
  });
  it('shows the author error once either author field was left', () => {
    const f = form({ kind: 'author' });
    const errs = { author: 'Enter the author’s login or user id.' };
    expect(visibleErrors(errs, f, new Set(), false)).toEqual({});
    expect(visibleErrors(errs, f, new Set<FormField>(['authorUserId']), false)).toEqual(errs);
  });
});

describe('small parsers', () => {
  it('parseWholeNumber accepts digit groups, nothing else', () => {
    expect(parseWholeNumber('1,234,567')).toBe(1234567);
    expect(parseWholeNumber('1.234')).toBe(1234);
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('1e3')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
    expect(parseWholeNumber('')).toBeNull();
  });
  it('parseArchiveId reads links of its own kind only', () => {
    expect(parseArchiveId('/works/5', 'works')).toBe(5);
    expect(parseArchiveId('https://archiveofourown.org/series/5', 'works')).toBeNull();
    expect(parseArchiveId('0', 'works')).toBeNull();
  });
  it('parseLogin strips @ and reads profile links', () => {
    expect(parseLogin('@someone')).toBe('someone');
    expect(parseLogin('https://archiveofourown.org/users/x_y/works')).toBe('x_y');
  });
  it('splitTags drops empty entries', () => {
    expect(splitTags(' a ,, b ,')).toEqual(['a', 'b']);
  });
  it('newRuleId makes ids the background accepts', () => {
    expect(newRuleId()).toMatch(/^[A-Za-z0-9_.:-]{1,100}$/);
    expect(newRuleId(() => 'fixed')).toBe('rule-fixed');
  });
  it('ruleToInput keeps id, fields and order but not the times', () => {
    const rule = stored({ id: 'z', action: 'hide', match: { kind: 'work', workId: 1 }, enabled: true, order: 2 });
    expect(ruleToInput(rule)).toEqual({ id: 'z', action: 'hide', match: { kind: 'work', workId: 1 }, enabled: true, order: 2 });
  });
});
