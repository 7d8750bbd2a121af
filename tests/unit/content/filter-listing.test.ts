/**
 * The listing filter over a real listing parsed with linkedom: which blurbs
 * it hides and highlights, what the placeholders and summary say, and that
 * running it again (rules changed, page paused) takes back what it did.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readPageWithElements } from '../../../utils/ao3/page';
import { compileRules } from '../../../utils/rules/compile';
import type { Rule } from '../../../utils/rules/types';
import { ListingFilter, type ListedBlurb } from '../../../entrypoints/archive.content/features/filter-listing';
import { realPage, realPageDocument } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

const FILE = 'listing-tag-sherlock-holmes.html';
const options = { alwaysShow: new Set<number>(), hiddenWorks: 'placeholder' as const };

function rule(fields: Partial<Rule> & Pick<Rule, 'id' | 'match'>): Rule {
  return { action: 'hide', enabled: true, createdAt: 0, updatedAt: 0, ...fields };
}

describeRealPages('ListingFilter on a real listing', () => {
  let doc: Document;
  let blurbs: ListedBlurb[];
  const previousDocument = globalThis.document;

  beforeEach(() => {
    doc = realPageDocument(FILE);
    // The filter builds its elements with the global `document`, as in the browser.
    globalThis.document = doc;
    const { page, elements } = readPageWithElements(doc, realPage(FILE).url);
    blurbs = elements.map((element, i) => ({ element: element as HTMLElement, record: page.blurbs[i]! }));
  });
  afterEach(() => {
    globalThis.document = previousDocument;
  });

  const hidden = () => blurbs.filter((b) => b.element.classList.contains('shelfmark-hidden')).map((b) => b.element.id);

  it('hides by author and says why; highlights by tag with the colour', () => {
    const filter = new ListingFilter(blurbs);
    const outcome = filter.classify(
      compileRules([
        rule({ id: 'a', match: { kind: 'author', login: 'EdosianOrchids901' } }),
        rule({ id: 'b', action: 'highlight', color: '#abcdef', match: { kind: 'tag', slot: 'any', text: 'Fluff', mode: 'exact' } }),
      ]),
      options,
    );
    expect(hidden()).toEqual(['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126']);
    expect(outcome).toMatchObject({ total: 21, hidden: 7 });
    const placeholder = doc.querySelector('#work_77598646 > .shelfmark-placeholder');
    expect(placeholder?.textContent).toContain('Author: EdosianOrchids901');
    expect(placeholder?.querySelector('button')?.textContent).toBe('Show');
    expect(doc.querySelector('.shelfmark-summary')?.textContent).toContain('7 of 21 works hidden');

    const highlighted = blurbs.filter((b) => b.element.classList.contains('shelfmark-highlighted'));
    expect(highlighted.length).toBe(outcome.highlighted);
    expect(outcome.highlighted).toBeGreaterThan(0);
    for (const b of highlighted) {
      expect(b.element.style.getPropertyValue('--shelfmark-highlight')).toBe('#abcdef');
      expect(b.element.querySelector('.shelfmark-reasons')?.textContent).toBe('Tag: Fluff');
    }
  });

  it('takes every decoration back when run again without rules', () => {
    const filter = new ListingFilter(blurbs);
    filter.classify(compileRules([rule({ id: 'a', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } })]), options);
    expect(hidden()).toEqual(['work_77855171', 'work_73393176', 'work_77618571']);
    filter.classify(null, options);
    expect(hidden()).toEqual([]);
    expect(doc.querySelectorAll('[class^="shelfmark-"], [class*=" shelfmark-"]').length).toBe(0);
  });

  it('removes hidden works entirely when the reader chose that', () => {
    const filter = new ListingFilter(blurbs);
    filter.classify(compileRules([rule({ id: 'a', match: { kind: 'work', workId: 77862241 } })]), { ...options, hiddenWorks: 'remove' });
    expect(doc.getElementById('work_77862241')?.classList.contains('shelfmark-removed')).toBe(true);
    expect(doc.querySelector('#work_77862241 .shelfmark-placeholder')).toBeNull();
  });

  it('classifies blurb by blurb as they are parsed, and draws the summary once settled', () => {
    const matcher = compileRules([rule({ id: 'a', match: { kind: 'author', login: 'EdosianOrchids901' } })]);
    const inOnePass = new ListingFilter(blurbs);
    const onePass = inOnePass.classify(matcher, options);
    const expected = hidden();
    inOnePass.classify(null, options);

    const filter = new ListingFilter();
    filter.add(blurbs.slice(0, 5), matcher, options);
    filter.add(blurbs.slice(5, 12), matcher, options);
    expect(hidden().length).toBeGreaterThan(0);
    expect(doc.querySelector('.shelfmark-summary')).toBeNull();
    const outcome = filter.settle(blurbs, matcher, options);
    expect(hidden()).toEqual(expected);
    const summary = ({ total, hidden, highlighted, results }: typeof outcome) => ({
      total,
      hidden,
      highlighted,
      reasons: results.map((r) => [r.verdict, ...r.hiddenBy.map((reason) => reason.label)]),
    });
    expect(summary(outcome)).toEqual(summary(onePass));
    expect(doc.querySelector('.shelfmark-summary')?.textContent).toContain('7 of 21 works hidden');
  });

  it('classifies every blurb anew when the page changed under the ones added while parsing', () => {
    const matcher = compileRules([rule({ id: 'a', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } })]);
    const filter = new ListingFilter();
    filter.add(blurbs, matcher, options);
    expect(hidden()).toEqual(['work_77855171', 'work_73393176', 'work_77618571']);
    // A script took the first Explicit work off the page before DOMContentLoaded.
    const remaining = blurbs.filter((b) => b.element.id !== 'work_77855171');
    const outcome = filter.settle(remaining, matcher, options);
    expect(outcome).toMatchObject({ total: 20, hidden: 2 });
    expect(hidden()).toEqual(['work_73393176', 'work_77618571']);
    expect(outcome.results.filter((r) => r.verdict === 'hide').length).toBe(2);
  });

  it('leaves a blurb shown when classifying it throws, and the others classified', () => {
    const filter = new ListingFilter(blurbs);
    const real = compileRules([rule({ id: 'a', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } })]);
    const flaky = {
      classify(record: ListedBlurb['record'], opts?: Parameters<typeof real.classify>[1]) {
        if (record.workId === 77855171) throw new Error('odd blurb');
        return real.classify(record, opts);
      },
    };
    const outcome = filter.classify(flaky, options);
    expect(hidden()).toEqual(['work_73393176', 'work_77618571']);
    expect(outcome.hidden).toBe(2);
  });
  it('fills the summary\'s kept place where it stands, keeps it empty when nothing is hidden, and gives it back when withdrawn', () => {
    const edosian = compileRules([rule({ id: 'a', match: { kind: 'author', login: 'EdosianOrchids901' } })]);
    const filter = new ListingFilter();
    filter.add(blurbs.slice(0, 3), edosian, options);
    filter.reserveSummary();
    const list = blurbs[0]!.element.parentElement!;
    const space = list.previousElementSibling;
    expect(space?.className).toBe('shelfmark-summary-space');
    expect(space?.getAttribute('aria-hidden')).toBe('true');
    filter.settle(blurbs, edosian, options);
    // The line took the kept place: nothing was added before or after it.
    expect(list.previousElementSibling?.className).toBe('shelfmark-summary');
    expect(list.previousElementSibling?.textContent).toContain('7 of 21 works hidden');
    expect(doc.querySelectorAll('.shelfmark-summary-space').length).toBe(0);

    const none = compileRules([rule({ id: 'n', match: { kind: 'author', login: 'nobody-here' } })]);
    const quiet = new ListingFilter();
    doc.querySelector('.shelfmark-summary')?.remove();
    quiet.add(blurbs.slice(0, 3), none, options);
    quiet.reserveSummary();
    quiet.settle(blurbs, none, options);
    expect(list.previousElementSibling?.className).toBe('shelfmark-summary-space');
    expect(doc.querySelector('.shelfmark-summary')).toBeNull();
    quiet.removeSummary();
    expect(doc.querySelectorAll('.shelfmark-summary-space').length).toBe(0);
  });
});
