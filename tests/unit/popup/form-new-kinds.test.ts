/** The editor's form for reading rules, the traits added for issue 16 and a hide rule's severity. */
import { describe, expect, it } from 'vitest';
import { emptyForm, formFromRule, formToInput, severityName, type RuleForm } from '../../../components/rules/form';
import type { Rule, RuleMatch } from '../../../utils/rules/types';

const form = (fields: Partial<RuleForm>): RuleForm => ({ ...emptyForm(), ...fields });

function built(fields: Partial<RuleForm>) {
  const result = formToInput(form(fields), 'r1');
  if (!result.ok) throw new Error(`expected a rule, got ${JSON.stringify(result.errors)}`);
  return result.input;
}

function errors(fields: Partial<RuleForm>) {
  const result = formToInput(form(fields), 'r1');
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.input)}`);
  return result.errors;
}

const stored = (match: RuleMatch, fields: Partial<Rule> = {}): Rule => ({ id: 'r1', action: 'hide', match, enabled: true, createdAt: 1, updatedAt: 2, ...fields });

describe('the form builds', () => {
  it('reading rules, with a saved status only for saved', () => {
    expect(built({ kind: 'reading', readingState: 'finished' }).match).toEqual({ kind: 'reading', state: 'finished' });
    expect(built({ kind: 'reading', readingState: 'saved', savedStatus: 'dropped' }).match).toEqual({ kind: 'reading', state: 'saved', status: 'dropped' });
    expect(built({ kind: 'reading', readingState: 'saved' }).match).toEqual({ kind: 'reading', state: 'saved' });
    expect(built({ kind: 'reading', readingState: 'opened', savedStatus: 'dropped' }).match).toEqual({ kind: 'reading', state: 'opened' });
  });

  it('every new trait from what the reader typed', () => {
    const trait = (fields: Partial<RuleForm>) => {
      const { match } = built({ kind: 'trait', ...fields });
      return match.kind === 'trait' ? match.trait : null;
    };
    expect(trait({ traitType: 'anonymous' })).toEqual({ type: 'anonymous' });
    expect(trait({ traitType: 'orphaned' })).toEqual({ type: 'orphaned' });
    expect(trait({ traitType: 'tagCount', tagCountSlot: 'character', tagCountMoreThan: '8' })).toEqual({ type: 'tagCount', slot: 'character', moreThan: 8 });
    expect(trait({ traitType: 'wordsPerChapterBelow', wordsPerChapterBelow: '1,500' })).toEqual({ type: 'wordsPerChapterBelow', below: 1500 });
    expect(trait({ traitType: 'notUpdatedFor', notUpdatedAmount: '6', notUpdatedUnit: 'months' })).toEqual({ type: 'notUpdatedFor', amount: 6, unit: 'months' });
    expect(trait({ traitType: 'stat', stat: 'hits', rangeMin: '10 000' })).toEqual({ type: 'stat', stat: 'hits', min: 10000 });
    expect(trait({ traitType: 'stat', stat: 'comments', rangeMax: '0' })).toEqual({ type: 'stat', stat: 'comments', max: 0 });
    expect(trait({ traitType: 'chapterKudosRatioBelow', ratioPercent: '150' })).toEqual({ type: 'chapterKudosRatioBelow', ratio: 1.5 });
  });

  it('a hide rule’s severity when chosen; none to follow the setting; never on a highlight', () => {
    expect(built({ tagText: 'Angst', severity: 'dim' }).severity).toBe('dim');
    expect(built({ tagText: 'Angst' })).not.toHaveProperty('severity');
    expect(built({ tagText: 'Angst', action: 'highlight', severity: 'remove' })).not.toHaveProperty('severity');
  });
});

describe('the form refuses', () => {
  it('numbers out of range, each at its field', () => {
    expect(errors({ kind: 'trait', traitType: 'tagCount', tagCountMoreThan: '' })).toHaveProperty('tagCountMoreThan');
    expect(errors({ kind: 'trait', traitType: 'tagCount', tagCountMoreThan: '1001' })).toHaveProperty('tagCountMoreThan');
    expect(errors({ kind: 'trait', traitType: 'wordsPerChapterBelow', wordsPerChapterBelow: '0' })).toHaveProperty('wordsPerChapterBelow');
    expect(errors({ kind: 'trait', traitType: 'notUpdatedFor', notUpdatedAmount: 'soon' })).toHaveProperty('notUpdatedAmount');
    expect(errors({ kind: 'trait', traitType: 'stat' })).toHaveProperty('rangeMin');
    expect(errors({ kind: 'trait', traitType: 'stat', rangeMin: '9', rangeMax: '3' })).toHaveProperty('rangeMax');
    expect(errors({ kind: 'trait', traitType: 'chapterKudosRatioBelow', ratioPercent: '1001' })).toHaveProperty('ratioPercent');
  });
});

describe('formFromRule round-trips', () => {
  it.each<[string, RuleMatch, Partial<Rule>]>([
    ['a reading rule', { kind: 'reading', state: 'newChapters' }, { action: 'highlight', color: '#c9a227' }],
    ['a saved reading rule with a status', { kind: 'reading', state: 'saved', status: 'dropped' }, { severity: 'remove' }],
    ['anonymous', { kind: 'trait', trait: { type: 'anonymous' } }, { severity: 'dim' }],
    ['orphaned', { kind: 'trait', trait: { type: 'orphaned' } }, {}],
    ['a tag count', { kind: 'trait', trait: { type: 'tagCount', slot: 'any', moreThan: 25 } }, {}],
    ['words per chapter', { kind: 'trait', trait: { type: 'wordsPerChapterBelow', below: 900 } }, {}],
    ['not updated for', { kind: 'trait', trait: { type: 'notUpdatedFor', amount: 2, unit: 'years' } }, {}],
    ['a stat', { kind: 'trait', trait: { type: 'stat', stat: 'bookmarks', min: 5, max: 50 } }, {}],
    ['the per-chapter ratio', { kind: 'trait', trait: { type: 'chapterKudosRatioBelow', ratio: 0.035 } }, { severity: 'collapse' }],
  ])('%s', (_, match, fields) => {
    const rule = stored(match, fields);
    const result = formToInput(formFromRule(rule), rule.id);
    const { createdAt: _c, updatedAt: _u, ...input } = rule;
    expect(result).toEqual({ ok: true, input });
  });
});

describe('severity names', () => {
  it('name each severity', () => {
    expect(severityName('dim')).toBe('severityDim');
    expect(severityName('collapse')).toBe('severityCollapse');
    expect(severityName('remove')).toBe('severityRemove');
  });
});
