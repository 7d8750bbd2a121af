/**
 * The listing filter over a real listing parsed with linkedom: which blurbs
 * it hides and highlights, what the placeholders and summary say, and that
 * running it again (rules changed, page paused) takes back what it did.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readPageWithElements } from '../../../utils/ao3/page';
import { compileRules } from '../../../utils/rules/compile';
import type { Rule } from '../../../utils/rules/types';
import { ListingFilter, type FilterOptions, type ListedBlurb } from '../../../entrypoints/archive.content/features/filter-listing';
import { realPage, realPageDocument } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

const FILE = 'listing-tag-sherlock-holmes.html';
const options: FilterOptions = { alwaysShow: new Set<number>(), hiddenWorks: 'placeholder', placeholderTitles: false };

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
    filter.classify(compileRules([rule({ id: 'a', match: { kind: 'work', workId: 77862241 } })]), { ...options, hiddenWorks: 'remove', defaultSeverity: 'remove' });
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

  it("judges again only the works that waited for the reader's state once it comes, ending as one pass with the states would", () => {
    const matcher = compileRules([
      rule({ id: 'a', match: { kind: 'author', login: 'EdosianOrchids901' } }),
      rule({ id: 'opened', match: { kind: 'reading', state: 'opened' } }),
    ]);
    const ids = blurbs.map((b) => b.record.workId!);
    const opened = new Set([ids[1]!, ids[2]!]);
    const reading = (workId: number) => ({ workId, chapters: [], lastChapter: null, visitCount: 1, firstVisit: 1, lastVisit: 1 });
    const states = new Map([...opened].map((id) => [id, { workId: id, reading: reading(id), saved: null, chapters: [] }]));
    const withStates = { ...options, readerStates: states };
    const inOnePass = new ListingFilter(blurbs);
    inOnePass.classify(matcher, withStates);
    const expected = hidden();
    inOnePass.classify(null, options);

    const filter = new ListingFilter();
    const before = filter.add(blurbs, matcher, { ...options, mayHaveState: (id) => opened.has(id) });
    expect(before.filter((r) => r.needsState).length).toBe(2);
    const outcome = filter.classifyHeld(matcher, withStates);
    expect(hidden()).toEqual(expected);
    expect(hidden()).toEqual(expect.arrayContaining(['work_' + ids[1], 'work_' + ids[2]]));
    // The works that did not wait keep the very verdicts they had.
    outcome.results.forEach((result, i) => {
      if (!before[i]!.needsState) expect(result).toBe(before[i]);
    });
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
    const list = blurbs[0]!.element.parentElement!;
    // Kept as soon as the list's first blurb begins, before any blurb was classified.
    filter.reserveSummary(list);
    filter.add(blurbs.slice(0, 3), edosian, options);
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
    quiet.reserveSummary(list);
    quiet.settle(blurbs, none, options);
    expect(list.previousElementSibling?.className).toBe('shelfmark-summary-space');
    expect(doc.querySelector('.shelfmark-summary')).toBeNull();
    quiet.removeSummary();
    expect(doc.querySelectorAll('.shelfmark-summary-space').length).toBe(0);
  });

  const byEdosian = (fields: Partial<Rule> = {}) => rule({ id: 'a', match: { kind: 'author', login: 'EdosianOrchids901' }, ...fields });
  const short = (fields: Partial<Rule> = {}) => rule({ id: 'w', match: { kind: 'trait', trait: { type: 'words', max: 1000 } }, ...fields });
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  /** A line's parts (spaced by CSS on the page) with a space between them. */
  const lineText = (line: Element | null | undefined) => Array.from(line?.children ?? [], (part) => text(part)).join(' ');
  const folds = () => Array.from(doc.querySelectorAll('.shelfmark-fold')).map((line) => ({ head: line.parentElement!.id, text: lineText(line) }));
  const folded = () => blurbs.filter((b) => b.element.classList.contains('shelfmark-folded')).map((b) => b.element.id);

  it('folds consecutive placeholders into one line counting each reason, and leaves a lone one as it is', () => {
    const filter = new ListingFilter(blurbs);
    const outcome = filter.classify(compileRules([byEdosian(), short()]), options);
    // Seven works by EdosianOrchids901 in a row (positions 4-10), six of them under 1,000 words; two short works end the page.
    expect(folds()).toEqual([
      { head: 'work_77598646', text: '7 works hidden — Author: EdosianOrchids901 ×7, Words: at most 1,000 ×6 · Show' },
      { head: 'work_77839546', text: '2 works hidden — Words: at most 1,000 ×2 · Show' },
    ]);
    expect(folded()).toEqual([
      'work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126',
      'work_77839546', 'work_76271371',
    ]);
    // Lone placeholders (the first work, and one between two shown works) stay as they are.
    expect(doc.querySelector('#work_77862241')?.classList.contains('shelfmark-folded')).toBe(false);
    expect(doc.querySelector('#work_77862241 > .shelfmark-placeholder')).not.toBeNull();
    expect(doc.querySelector('#work_76545801 > .shelfmark-placeholder')).not.toBeNull();
    // The summary counts works, not lines.
    expect(outcome).toMatchObject({ total: 21, hidden: 11, dimmed: 0 });
    expect(text(doc.querySelector('.shelfmark-summary'))).toContain('11 of 21 works hidden');
  });

  it("unfolds a run to its works' own placeholders, and folds it back", () => {
    const filter = new ListingFilter(blurbs);
    filter.classify(compileRules([byEdosian()]), options);
    const head = doc.getElementById('work_77598646')!;
    const show = head.querySelector<HTMLButtonElement>(':scope > .shelfmark-fold > button')!;
    expect(show.getAttribute('aria-expanded')).toBe('false');
    show.click();
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(text(show)).toBe('Fold');
    const unfolded = blurbs.filter((b) => b.element.classList.contains('shelfmark-unfolded')).map((b) => b.element.id);
    expect(unfolded).toEqual(folded());
    expect(unfolded.length).toBe(7);
    // Each one is still hidden, with its own placeholder and Show.
    for (const id of unfolded) {
      expect(doc.getElementById(id)?.classList.contains('shelfmark-hidden')).toBe(true);
      expect(doc.querySelector(`#${id} > .shelfmark-placeholder > .shelfmark-show`)).not.toBeNull();
    }
    show.click();
    expect(blurbs.some((b) => b.element.classList.contains('shelfmark-unfolded'))).toBe(false);
  });

  it('keeps a run unfolded when the page is drawn again, and takes every fold back without rules', () => {
    const filter = new ListingFilter(blurbs);
    const matcher = compileRules([byEdosian()]);
    filter.classify(matcher, options);
    doc.querySelector<HTMLButtonElement>('#work_77598646 > .shelfmark-fold > button')!.click();
    // One of them is now always shown: the run splits, and both parts stay unfolded.
    filter.classify(matcher, { ...options, alwaysShow: new Set([77260741]) });
    expect(folds().map((fold) => fold.text)).toEqual(['3 works hidden — Author: EdosianOrchids901 ×3 · Fold', '3 works hidden — Author: EdosianOrchids901 ×3 · Fold']);
    filter.classify(null, options);
    expect(doc.querySelectorAll('.shelfmark-fold').length).toBe(0);
    expect(doc.querySelectorAll('[class^="shelfmark-"], [class*=" shelfmark-"]').length).toBe(0);
  });

  it('looks through removed works: they neither break a run nor count in it', () => {
    const filter = new ListingFilter(blurbs);
    const outcome = filter.classify(compileRules([byEdosian(), rule({ id: 'm', severity: 'remove', match: { kind: 'trait', trait: { type: 'rating', rating: 'Mature' } } })]), options);
    expect(doc.getElementById('work_77184361')?.classList.contains('shelfmark-removed')).toBe(true);
    expect(folds()).toEqual([{ head: 'work_77598646', text: '6 works hidden — Author: EdosianOrchids901 ×6 · Show' }]);
    // Four Mature works removed (one of them by EdosianOrchids901: remove is the stronger), six placeholders.
    expect(outcome).toMatchObject({ hidden: 10, dimmed: 0 });
  });

  it('dims a work: its line with the reasons, Show to unfold it; a dimmed work ends a run', () => {
    const filter = new ListingFilter(blurbs);
    const outcome = filter.classify(compileRules([byEdosian(), short({ severity: 'dim' })]), options);
    // The strongest severity wins: EdosianOrchids901's short works stay collapsed; the other short works are dimmed.
    const dimmed = blurbs.filter((b) => b.element.classList.contains('shelfmark-dimmed')).map((b) => b.element.id);
    expect(dimmed).toEqual(['work_77862241', 'work_76545801', 'work_77839546', 'work_76271371']);
    expect(outcome).toMatchObject({ hidden: 7, dimmed: 4 });
    expect(text(doc.querySelector('.shelfmark-summary'))).toContain('7 of 21 works hidden, 4 dimmed');
    const line = doc.querySelector('#work_77862241 > .shelfmark-dim');
    expect(lineText(line)).toBe('Dimmed by Shelfmark: Words: at most 1,000 Show Always show');
    expect(doc.querySelector('#work_77862241 > .shelfmark-placeholder')).toBeNull();
    const show = line!.querySelector<HTMLButtonElement>('.shelfmark-show')!;
    show.click();
    expect(doc.getElementById('work_77862241')?.classList.contains('shelfmark-revealed')).toBe(true);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(text(show)).toBe('Fold');
    // Two dimmed works in a row do not fold.
    expect(doc.querySelector('#work_77839546 > .shelfmark-fold')).toBeNull();
  });

  it('says only how many are dimmed when nothing is hidden', () => {
    const filter = new ListingFilter(blurbs);
    filter.classify(compileRules([short()]), { ...options, hiddenWorks: 'dim', defaultSeverity: 'dim' });
    expect(text(doc.querySelector('.shelfmark-summary'))).toContain('10 of 21 works dimmed');
    expect(doc.querySelectorAll('.shelfmark-placeholder, .shelfmark-fold').length).toBe(0);
  });

  it('names the work on its placeholder only when the reader chose that', () => {
    const filter = new ListingFilter(blurbs);
    const matcher = compileRules([rule({ id: 'x', match: { kind: 'work', workId: 77862241 } })]);
    filter.classify(matcher, options);
    expect(doc.querySelector('#work_77862241 .shelfmark-placeholder-work')).toBeNull();
    const title = blurbs[0]!.record.title;
    expect(text(doc.querySelector('#work_77862241 > .shelfmark-placeholder'))).not.toContain(title);
    filter.classify(matcher, { ...options, placeholderTitles: true });
    expect(text(doc.querySelector('#work_77862241 .shelfmark-placeholder-work'))).toBe(`${title} by Peyton_James38`);
  });

  it('shows every hidden, removed and dimmed work with Show all, unfolding the folds, and hides them again', () => {
    const filter = new ListingFilter(blurbs);
    filter.classify(compileRules([byEdosian(), short({ severity: 'dim' }), rule({ id: 'e', severity: 'remove', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } } })]), options);
    const toggle = doc.querySelector<HTMLButtonElement>('.shelfmark-summary button')!;
    toggle.click();
    expect(doc.querySelectorAll('.shelfmark-removed').length).toBe(0);
    expect(blurbs.filter((b) => b.element.classList.contains('shelfmark-folded')).every((b) => b.element.classList.contains('shelfmark-unfolded'))).toBe(true);
    expect(doc.querySelectorAll('li.shelfmark-hidden:not(.shelfmark-revealed), li.shelfmark-dimmed:not(.shelfmark-revealed)').length).toBe(0);
    toggle.click();
    expect(doc.querySelectorAll('.shelfmark-removed').length).toBe(3);
    expect(doc.querySelectorAll('.shelfmark-unfolded, .shelfmark-revealed').length).toBe(0);
  });
});
