/** The rule editor's view of what an exact tag rule covers, and its "also its subtags" field. */
import { describe, expect, it } from 'vitest';
import { coveredNames } from '../../../components/rules/TagCoverage';
import { emptyForm, formFromRule, formToInput } from '../../../components/rules/form';
import type { TagFamily } from '../../../utils/rules/tag-family';

const angst: TagFamily = {
  name: 'a shit ton of angst',
  canonical: 'Angst',
  synonyms: ['a shit ton of angst', 'angsty angst'],
  subtags: [
    { name: 'Teen Angst', parent: 'Angst', synonyms: ['teen angst', 'Adolescent Angst'] },
    { name: 'Emo Teen Angst', parent: 'Teen Angst', synonyms: [] },
  ],
  learnedAt: 0,
  pages: 4,
  complete: true,
};

describe('coveredNames', () => {
  it('lists the canonical, the synonyms, then each subtag with its own synonyms, once each, without the rule\'s own tag', () => {
    expect(coveredNames(angst, 'A Shit Ton of Angst')).toEqual([
      { name: 'Angst', parent: null },
      { name: 'angsty angst', parent: null },
      { name: 'Teen Angst', parent: 'Angst' },
      { name: 'Adolescent Angst', parent: 'Teen Angst' },
      { name: 'Emo Teen Angst', parent: 'Teen Angst' },
    ]);
    expect(coveredNames(angst, 'Angst').map((n) => n.name)).toEqual(['a shit ton of angst', 'angsty angst', 'Teen Angst', 'Adolescent Angst', 'Emo Teen Angst']);
  });
});

describe('the "also its subtags" field', () => {
  it('is on by default and absent from the rule; off writes subtags: false on exact rules only', () => {
    const form = { ...emptyForm(), tagText: 'Angst' };
    const on = formToInput(form, 'r1');
    expect(on.ok && on.input.match).toEqual({ kind: 'tag', slot: 'any', mode: 'exact', text: 'Angst' });
    const off = formToInput({ ...form, tagSubtags: false }, 'r1');
    expect(off.ok && off.input.match).toEqual({ kind: 'tag', slot: 'any', mode: 'exact', text: 'Angst', subtags: false });
    const wildcard = formToInput({ ...form, tagMode: 'wildcard', tagText: 'Angst*', tagSubtags: false }, 'r1');
    expect(wildcard.ok && wildcard.input.match).toEqual({ kind: 'tag', slot: 'any', mode: 'wildcard', text: 'Angst*' });
    if (off.ok) expect(formFromRule({ ...off.input, createdAt: 0, updatedAt: 0 }).tagSubtags).toBe(false);
    if (on.ok) expect(formFromRule({ ...on.input, createdAt: 0, updatedAt: 0 }).tagSubtags).toBe(true);
  });
});
