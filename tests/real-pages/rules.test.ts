/**
 * Rules over real pages: with a set of rules, exactly the works checked by
 * hand in each page's markup are hidden or highlighted — on a tag listing,
 * on a user's bookmarks (the wrapped work or series) and on History.
 */
import { expect, it } from 'vitest';
import type { Blurb } from '../../utils/ao3/types';
import { compileRules } from '../../utils/rules/compile';
import type { Rule } from '../../utils/rules/types';
import { realPage, realPageDocument } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { readPage } from '../../utils/ao3/page';

function rule(fields: Partial<Rule> & Pick<Rule, 'id' | 'match'>): Rule {
  return { action: 'hide', enabled: true, createdAt: 0, updatedAt: 0, ...fields };
}

/** Each blurb's work id (or `series-N`) with the verdict the rules give it. */
function verdicts(file: string, rules: Rule[], alwaysShow = new Set<number>()): Map<string, string> {
  const page = readPage(realPageDocument(file), realPage(file).url, new Date('2026-11-21T12:00:00Z'));
  const matcher = compileRules(rules);
  const key = (b: Blurb) => (b.workId !== null ? String(b.workId) : 'seriesId' in b ? `series-${b.seriesId}` : b.title);
  return new Map(page.blurbs.map((b) => [key(b), matcher.classify(b, { alwaysShow }).verdict]));
}

const having = (results: Map<string, string>, verdict: string) =>
  [...results].filter(([, v]) => v === verdict).map(([k]) => k);

describeRealPages('rules on real pages', () => {
  const sherlockRules = [
    rule({ id: 'author', match: { kind: 'author', login: 'edosianorchids901' } }),
    rule({ id: 'explicit', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } }),
    rule({ id: 'cuddling', action: 'highlight', match: { kind: 'tag', slot: 'freeform', text: 'platonic cuddling', mode: 'exact' } }),
  ];

  it('tag listing: an author across pseuds and a rating hide; hide wins over highlight', () => {
    const results = verdicts('listing-tag-sherlock-holmes.html', sherlockRules);
    expect(having(results, 'hide').sort()).toEqual(
      ['77598646', '77373556', '77306936', '77260741', '77184361', '77132896', '77071126', '77855171', '73393176', '77618571'].sort(),
    );
    // The three "Platonic Cuddling" works (77373556, 77260741, 77071126) are all by the hidden author.
    expect(having(results, 'highlight')).toEqual([]);
    expect(results.size).toBe(21);
  });

  it('tag listing: a work marked "always show" is highlighted instead of hidden', () => {
    const results = verdicts('listing-tag-sherlock-holmes.html', sherlockRules, new Set([77373556]));
    expect(results.get('77373556')).toBe('highlight');
    expect(results.get('77260741')).toBe('hide');
  });

  it('bookmarks: the wrapped work or series is what the rules see, not the bookmarker’s tags or the filters', () => {
    const results = verdicts('bookmarks-user.html', [
      rule({ id: 'underage', match: { kind: 'tag', slot: 'warning', text: 'Underage*', mode: 'wildcard' } }),
      rule({ id: 'mcd', match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' } }),
    ]);
    expect(having(results, 'hide').sort()).toEqual(['2022987', '494729', 'series-2367307'].sort());
  });

  it('History: works by rating', () => {
    const results = verdicts('readings-history.html', [
      rule({ id: 'explicit', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } }),
    ]);
    expect(having(results, 'hide').sort()).toEqual(['72043281', '55075855', '28605264', '38285131', '111469'].sort());
  });

  it('History: a rule scoped to one fandom leaves the same tag in another fandom alone', () => {
    // 110953 (Merlin (BBC)) and 72043281 (Merlin (TV)) both say "No Archive Warnings Apply".
    const results = verdicts('readings-history.html', [
      rule({
        id: 'scoped',
        action: 'highlight',
        match: { kind: 'tag', slot: 'warning', text: 'No Archive Warnings Apply', mode: 'exact' },
        scope: { fandoms: ['Merlin (BBC)'] },
      }),
    ]);
    expect(having(results, 'highlight')).toEqual(['110953']);
    expect(results.get('72043281')).toBe('show');
  });
});
