/** Per-rule severity: how a hidden work goes, the strongest applying hide rule deciding. */
import { describe, expect, it } from 'vitest';
import { checkSettingsPatch } from '../../../utils/db/settings';
import { compileRules, strongerSeverity } from '../../../utils/rules/compile';
import { EMPTY_LISTING_CONFIG, listingConfigFrom, severityOfStyle } from '../../../utils/rules/listing-config';
import type { ClassifyOptions, HideSeverity, Rule } from '../../../utils/rules/types';
import { validateRule } from '../../../utils/rules/validate';
import { tagRule, workBlurb } from './factory';

const angst = workBlurb({ workId: 9, freeforms: ['Angst', 'Fluff'] });
const hideAngst = (severity?: HideSeverity, fields: Partial<Rule> = {}) =>
  tagRule('Angst', { ...(severity ? { severity } : {}), ...fields });
const classify = (rules: Rule[], options: ClassifyOptions = {}) => compileRules(rules).classify(angst, options);

describe('per-rule severity', () => {
  it('is the rule’s own when it has one', () => {
    for (const severity of ['dim', 'collapse', 'remove'] as const) {
      expect(classify([hideAngst(severity)], { defaultSeverity: 'remove' })).toMatchObject({ verdict: 'hide', severity });
    }
  });

  it('is the reader’s default for a rule without one, and collapse when no default is given', () => {
    expect(classify([hideAngst()], { defaultSeverity: 'dim' }).severity).toBe('dim');
    expect(classify([hideAngst()], { defaultSeverity: 'remove' }).severity).toBe('remove');
    expect(classify([hideAngst()]).severity).toBe('collapse');
  });

  it('the strongest applying hide rule wins: remove > collapse > dim, whatever the rule order', () => {
    const dim = hideAngst('dim');
    const collapse = tagRule('Fluff', { severity: 'collapse' });
    const remove = tagRule('Fluff', { severity: 'remove' });
    expect(classify([dim, collapse]).severity).toBe('collapse');
    expect(classify([collapse, dim]).severity).toBe('collapse');
    expect(classify([dim, remove, collapse]).severity).toBe('remove');
    expect(classify([remove, dim]).severity).toBe('remove');
    // A rule without one counts as the default, also in the contest.
    expect(classify([dim, hideAngst()], { defaultSeverity: 'remove' }).severity).toBe('remove');
    expect(classify([hideAngst(), dim], { defaultSeverity: 'dim' }).severity).toBe('dim');
  });

  it('counts only rules that apply: a disabled rule, or one its exceptions or scope stop, adds nothing', () => {
    const dim = hideAngst('dim');
    expect(classify([dim, hideAngst('remove', { enabled: false })]).severity).toBe('dim');
    expect(classify([dim, hideAngst('remove', { exceptions: { tags: ['Fluff'] } })]).severity).toBe('dim');
    expect(classify([dim, hideAngst('remove', { scope: { fandoms: ['Supernatural'] } })]).severity).toBe('dim');
  });

  it('is given only when the work is hidden', () => {
    const highlight = tagRule('Fluff', { action: 'highlight' });
    expect(classify([highlight]).severity).toBeUndefined();
    expect(classify([]).severity).toBeUndefined();
    // "Always show" keeps the reasons, and the work shown.
    const shown = classify([hideAngst('remove')], { alwaysShow: new Set([9]) });
    expect(shown.verdict).toBe('show');
    expect(shown.severity).toBeUndefined();
  });

  it('strongerSeverity orders remove > collapse > dim', () => {
    expect(strongerSeverity(undefined, 'dim')).toBe('dim');
    expect(strongerSeverity('dim', 'collapse')).toBe('collapse');
    expect(strongerSeverity('remove', 'collapse')).toBe('remove');
    expect(strongerSeverity('collapse', 'dim')).toBe('collapse');
  });
});

describe('the hiddenWorks setting as the default severity', () => {
  it('placeholder is collapse; remove and dim are themselves', () => {
    expect(severityOfStyle('placeholder')).toBe('collapse');
    expect(severityOfStyle('remove')).toBe('remove');
    expect(severityOfStyle('dim')).toBe('dim');
  });

  it('the setting takes dim beside placeholder and remove, and nothing else', () => {
    for (const hiddenWorks of ['placeholder', 'remove', 'dim']) expect(checkSettingsPatch({ hiddenWorks }, 'settings')).toBeNull();
    expect(checkSettingsPatch({ hiddenWorks: 'collapse' }, 'settings')).not.toBeNull();
  });

  it('the listing mirror keeps dim, and reads anything unknown as the placeholder', () => {
    const mirrored = (hiddenWorks: unknown) => listingConfigFrom({ ...EMPTY_LISTING_CONFIG, hiddenWorks }).hiddenWorks;
    expect(mirrored('dim')).toBe('dim');
    expect(mirrored('remove')).toBe('remove');
    expect(mirrored('collapse')).toBe('placeholder');
    expect(mirrored('blur')).toBe('placeholder');
  });
});

describe('validating a severity', () => {
  const base = {
    id: 'r1',
    action: 'hide',
    match: { kind: 'tag', slot: 'any', text: 'Angst', mode: 'exact' },
    enabled: true,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };

  it('keeps a hide rule’s severity', () => {
    for (const severity of ['dim', 'collapse', 'remove']) {
      expect(validateRule({ ...base, severity })).toEqual({ ok: true, rule: { ...base, severity } });
    }
  });

  it('treats an absent or null severity as none', () => {
    expect(validateRule({ ...base, severity: null })).toEqual({ ok: true, rule: base });
    expect(validateRule(base)).toEqual({ ok: true, rule: base });
  });

  it('refuses an unknown severity on a hide rule', () => {
    expect(validateRule({ ...base, severity: 'blur' })).toEqual({
      ok: false,
      error: 'severity must be one of "dim", "collapse", "remove"',
    });
  });

  it('drops a severity left on a highlight rule', () => {
    const highlight = { ...base, action: 'highlight' };
    expect(validateRule({ ...highlight, severity: 'remove' })).toEqual({ ok: true, rule: highlight });
  });
});
