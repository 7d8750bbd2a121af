/** Exact tag rules with the families the archive files under their tags: synonyms, subtags, scope, exceptions, link names. */
import { describe, expect, it } from 'vitest';
import type { Tag, WorkBlurb } from '../../../utils/ao3/types';
import { compileRules } from '../../../utils/rules/compile';
import { FamilyIndex, buildFamilyMirror, familyMirrorFrom, tagHash } from '../../../utils/rules/family-table';
import { familyKeysOf, familyTagsOf, mirrorFamilies } from '../../../utils/rules/family-names';
import { filedUnderOf } from '../../../utils/rules/family-reason';
import { listingConfigFrom } from '../../../utils/rules/listing-config';
import type { TagFamily } from '../../../utils/rules/tag-family';
import type { Rule } from '../../../utils/rules/types';
import { tagRule, untaggedWork } from './factory';

function family(name: string, fields: Partial<TagFamily> = {}): TagFamily {
  return { name, canonical: name, synonyms: [], subtags: [], learnedAt: 1, pages: 1, complete: true, ...fields };
}

const ANGST = family('Angst', {
  synonyms: ['a shit ton of angst', 'Angsty McAngstface'],
  subtags: [
    { name: 'Teen Angst', parent: 'Angst', synonyms: ['teenage angst'] },
    { name: 'Emo Teen Angst', parent: 'Teen Angst', synonyms: [] },
  ],
});
const SHERLOCK_FANDOM = family('Sherlock (TV)', {
  synonyms: ['BBC Sherlock'],
  subtags: [{ name: 'Sherlock (TV) RPF', parent: 'Sherlock (TV)', synonyms: ['Sherlock RPF'] }],
});
const FAMILIES = FamilyIndex.of([ANGST, SHERLOCK_FANDOM]);

const work = (fields: Partial<WorkBlurb>) => untaggedWork(fields);
const hides = (rules: Rule[], record: WorkBlurb, families: FamilyIndex | null = FAMILIES) => compileRules(rules, families).classify(record);

describe('exact tag rules with a learned family', () => {
  it('match the tag, its synonyms, its subtags and their synonyms, saying what it is filed under', () => {
    const rule = tagRule('Angst', { id: 'angst' });
    expect(hides([rule], work({ freeforms: ['Angst'] })).hiddenBy).toEqual([{ ruleId: 'angst', label: 'Tag: Angst', detail: 'Angst' }]);
    for (const [tag, detail] of [
      ['A Shit Ton of  Angst', 'A Shit Ton of  Angst (filed under Angst)'],
      ['Teen Angst', 'Teen Angst (filed under Angst)'],
      ['teenage angst', 'teenage angst (filed under Angst)'],
      ['Emo Teen Angst', 'Emo Teen Angst (filed under Angst)'],
    ] as const) {
      const reasons = hides([rule], work({ freeforms: [tag] })).hiddenBy;
      expect(reasons, tag).toEqual([{ ruleId: 'angst', label: 'Tag: Angst', detail, filedUnder: 'Angst' }]);
      expect(filedUnderOf(reasons[0]!)).toBe('Angst');
    }
    expect(hides([rule], work({ freeforms: ['Fluff', 'Angst-adjacent'] })).verdict).toBe('show');
  });

  it('without the family, the same rule matches its own text only', () => {
    const rule = tagRule('Angst');
    expect(hides([rule], work({ freeforms: ['a shit ton of angst'] }), null).verdict).toBe('show');
    expect(hides([rule], work({ freeforms: ['Angst'] }), null).verdict).toBe('hide');
  });

  it('a rule on a synonym covers the whole family of its canonical tag', () => {
    const families = FamilyIndex.of([{ ...ANGST, name: 'a shit ton of angst' }]);
    const rule = tagRule('a shit ton of angst');
    expect(hides([rule], work({ freeforms: ['Angst'] }), families).hiddenBy[0]?.detail).toBe('Angst');
    expect(hides([rule], work({ freeforms: ['Teen Angst'] }), families).verdict).toBe('hide');
  });

  it('subtags: false keeps the synonyms and leaves the subtags out', () => {
    const rule = tagRule('Angst');
    rule.match = { ...rule.match, kind: 'tag', slot: 'any', text: 'Angst', mode: 'exact', subtags: false };
    expect(hides([rule], work({ freeforms: ['a shit ton of angst'] })).verdict).toBe('hide');
    expect(hides([rule], work({ freeforms: ['Teen Angst'] })).verdict).toBe('show');
    expect(hides([rule], work({ freeforms: ['teenage angst'] })).verdict).toBe('show');
  });

  it('keep to their slot', () => {
    expect(hides([tagRule('Angst', { slot: 'relationship' })], work({ freeforms: ['a shit ton of angst'] })).verdict).toBe('show');
    expect(hides([tagRule('Angst', { slot: 'freeform' })], work({ freeforms: ['a shit ton of angst'] })).verdict).toBe('hide');
  });

  it('wildcard and regex rules never use families', () => {
    expect(hides([tagRule('Angs*', { mode: 'wildcard' })], work({ freeforms: ['Teen Angst'] })).verdict).toBe('show');
    expect(hides([tagRule('^Angst$', { mode: 'regex' })], work({ freeforms: ['a shit ton of angst'] })).verdict).toBe('show');
  });

  it('highlight and hide rules on the same family each apply, in rule order', () => {
    const hide = tagRule('Angst', { id: 'h' });
    const mark = tagRule('Teen Angst', { id: 'm', action: 'highlight', color: '#ff0000' });
    const result = hides([mark, hide], work({ freeforms: ['Teen Angst'] }));
    expect(result.hiddenBy.map((r) => r.ruleId)).toEqual(['h']);
    expect(result.highlightedBy.map((r) => r.ruleId)).toEqual(['m']);
  });
});

describe('scope and exceptions with families', () => {
  it("scope: a fandom's synonyms and sub-fandoms are in it", () => {
    const rule = tagRule('Angst', { scope: { fandoms: ['Sherlock (TV)'] } });
    for (const fandom of ['Sherlock (TV)', 'BBC Sherlock', 'Sherlock (TV) RPF', 'Sherlock RPF']) {
      expect(hides([rule], work({ fandoms: [fandom], freeforms: ['Angst'] })).verdict, fandom).toBe('hide');
    }
    expect(hides([rule], work({ fandoms: ['Elementary (TV)'], freeforms: ['Angst'] })).verdict).toBe('show');
  });

  it("exceptions: a tag's synonyms and subtags count as the tag", () => {
    const rule = tagRule('Sherlock (TV)', { exceptions: { tags: ['Angst'] } });
    expect(hides([rule], work({ fandoms: ['BBC Sherlock'] })).verdict).toBe('hide');
    for (const tag of ['Angst', 'a shit ton of angst', 'Emo Teen Angst']) {
      expect(hides([rule], work({ fandoms: ['BBC Sherlock'], freeforms: [tag] })).verdict, tag).toBe('show');
    }
  });
});

describe("a tag's link name", () => {
  const warning = (url: string | null): Partial<WorkBlurb> => {
    const tags: Tag[] = [{ type: 'warning', name: 'Creator Chose Not To Use Archive Warnings', url }];
    return { warnings: ['Creator Chose Not To Use Archive Warnings'], tags };
  };

  it('a rule matches the name in the link as well as the text shown, and names what the page shows', () => {
    const rule = tagRule('Choose Not To Use Archive Warnings', { id: 'cnw' });
    const result = hides([rule], work(warning('/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works')), null);
    expect(result.hiddenBy).toEqual([{ ruleId: 'cnw', label: 'Tag: Choose Not To Use Archive Warnings', detail: 'Creator Chose Not To Use Archive Warnings' }]);
    expect(hides([tagRule('Creator Chose Not To Use Archive Warnings')], work(warning('/tags/x/works')), null).verdict).toBe('hide');
    // No link: the text only.
    expect(hides([rule], work(warning(null)), null).verdict).toBe('show');
    // The link's slot is the tag's: a rule on another slot does not see it.
    expect(hides([tagRule('Choose Not To Use Archive Warnings', { slot: 'freeform' })], work(warning('/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works')), null).verdict).toBe('show');
  });

  it('link names reach families and exceptions too', () => {
    const link: Partial<WorkBlurb> = { freeforms: ['Angst!!'], tags: [{ type: 'freeform', name: 'Angst!!', url: '/tags/a%20shit%20ton%20of%20angst/works' }] };
    expect(hides([tagRule('Angst')], work(link)).hiddenBy[0]?.detail).toBe('Angst!! (filed under Angst)');
    expect(hides([tagRule('Fluff', { exceptions: { tags: ['Angst'] } })], work({ ...link, freeforms: ['Angst!!', 'Fluff'] })).verdict).toBe('show');
  });
});

describe('the family table', () => {
  it('answers for every name filed under a family, and for nothing else', () => {
    const index = FamilyIndex.of([ANGST, SHERLOCK_FANDOM]);
    const angst = index.familyOf('angst')!;
    expect(index.canonicalOf(angst)).toBe('Angst');
    expect(index.refsOf('a shit ton of angst')).toEqual([angst * 2]);
    expect(index.refsOf('emo teen angst')).toEqual([angst * 2 + 1]);
    expect(index.refsOf('fluff')).toEqual([]);
    // 5,000 other names: none is found.
    for (let i = 0; i < 5000; i++) expect(index.refsOf(`not a tag ${i}`)).toEqual([]);
  });

  it('a name in two families is found in both; families with one canonical are stored once', () => {
    const other = family('Teen Angst', { synonyms: ['teenage angst'] });
    const older = { ...ANGST, name: 'a shit ton of angst', learnedAt: 0, synonyms: ['old'] };
    const mirror = buildFamilyMirror([older, ANGST, other]);
    expect(mirror.canonicals).toEqual(['Angst', 'Teen Angst']);
    const index = new FamilyIndex(mirror);
    expect([...index.refsOf('teenage angst')].sort()).toEqual([1, 2]);
    expect(index.refsOf('old')).toEqual([]);
    // The older family's own name still leads to the family.
    expect(index.familyOf('a shit ton of angst')).toBe(0);
  });

  it('keeps only the families the rules use', () => {
    const rules = [tagRule('Angst'), tagRule('Fluff', { scope: { fandoms: ['Sherlock (TV)', 'Star*'] } }), tagRule('Sher*', { mode: 'wildcard' })];
    expect(familyTagsOf(rules[1]!)).toEqual(['Fluff', 'Sherlock (TV)']);
    expect([...familyKeysOf(rules)].sort()).toEqual(['angst', 'fluff', 'sherlock (tv)']);
    expect(mirrorFamilies(rules.slice(0, 1), [ANGST, SHERLOCK_FANDOM])?.canonicals).toEqual(['Angst']);
    expect(mirrorFamilies([tagRule('Fluff')], [ANGST])).toBeNull();
  });

  it('a table the content script cannot read is no table: rules match text only', () => {
    const mirror = buildFamilyMirror([ANGST]);
    expect(familyMirrorFrom(mirror)).toBe(mirror);
    for (const bad of [null, 'x', { ...mirror, v: 2 }, { ...mirror, table: mirror.table.slice(1) }, { ...mirror, refWidth: 9 }, { ...mirror, keys: null }]) {
      expect(familyMirrorFrom(bad)).toBeNull();
    }
    expect(listingConfigFrom({ rules: [], alwaysShow: [], families: { ...mirror, v: 0 } }).families).toBeNull();
    expect(listingConfigFrom({ rules: [], alwaysShow: [], families: mirror }).families).toBe(mirror);
  });

  it('the hash spreads names: 50,000 tag-like names, no two alike', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const [a, b] = tagHash(`tag name ${i}`);
      seen.add(`${a}:${b}`);
    }
    expect(seen.size).toBe(50_000);
  });
});
