/**
 * Releasing blurbs for painting while the page is parsed, over a real listing
 * parsed with linkedom: every classified work at once — kept, dimmed, or
 * hidden behind its placeholder — with its Save control's place kept first;
 * a work whose verdict needs the reader's state held until it has one; each
 * work released once.
 */
import { beforeEach, afterEach, expect, it, vi } from 'vitest';
import { readPageWithElements } from '../../../utils/ao3/page';
import { compileRules } from '../../../utils/rules/compile';
import type { Rule } from '../../../utils/rules/types';
import { RELEASED_CLASS } from '../../../entrypoints/archive.content/blurb-gate';
import { BlurbRelease } from '../../../entrypoints/archive.content/blurb-release';
import { ListingFilter, type FilterOptions, type ListedBlurb } from '../../../entrypoints/archive.content/features/filter-listing';
import { reserveBlurbHost } from '../../../entrypoints/archive.content/features/save-controls';
import { realPage, realPageDocument } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

// The Save control's host is a closed shadow root with a constructed stylesheet, which linkedom
// lacks; the browser tests draw it (e2e/early-paint.test.ts). Here: that its place is kept, once.
vi.mock('../../../entrypoints/archive.content/features/save-controls', () => ({ reserveBlurbHost: vi.fn() }));

const FILE = 'listing-tag-sherlock-holmes.html';
const options: FilterOptions = { alwaysShow: new Set<number>(), hiddenWorks: 'placeholder', placeholderTitles: false };
const rule = (fields: Pick<Rule, 'id' | 'match'> & Partial<Rule>): Rule => ({ action: 'hide', enabled: true, createdAt: 0, updatedAt: 0, ...fields });
const rules = compileRules([
  rule({ id: 'edosian', match: { kind: 'author', login: 'EdosianOrchids901' } }),
  rule({ id: 'short', severity: 'dim', match: { kind: 'trait', trait: { type: 'words', max: 1000 } } }),
]);

describeRealPages('BlurbRelease on a real listing', () => {
  let blurbs: ListedBlurb[];
  const previousDocument = globalThis.document;

  beforeEach(() => {
    const doc = realPageDocument(FILE);
    // The filter builds its elements with the global `document`, as in the browser.
    globalThis.document = doc;
    vi.mocked(reserveBlurbHost).mockClear();
    const { page, elements } = readPageWithElements(doc, realPage(FILE).url);
    blurbs = elements.map((element, i) => ({ element: element as HTMLElement, record: page.blurbs[i]! }));
  });
  afterEach(() => {
    globalThis.document = previousDocument;
  });

  const released = (some: ListedBlurb[]) => some.filter((b) => b.element.classList.contains(RELEASED_CLASS));

  it('releases every classified work as it comes, a hidden one with its placeholder already drawn', () => {
    const release = new BlurbRelease();
    const filter = new ListingFilter();
    // As while the page is parsed: two batches.
    for (const batch of [blurbs.slice(0, 10), blurbs.slice(10)]) release.release(batch, filter.add(batch, rules, options));
    expect(released(blurbs)).toEqual(blurbs);
    const hidden = blurbs.filter((b) => b.element.classList.contains('shelfmark-hidden'));
    const dimmed = blurbs.filter((b) => b.element.classList.contains('shelfmark-dimmed'));
    expect(hidden.length).toBeGreaterThan(0);
    expect(dimmed.length).toBeGreaterThan(0);
    for (const { element } of hidden) expect(element.querySelector(':scope > .shelfmark-placeholder'), element.id).not.toBeNull();
    expect(release.holding).toBe(false);
    expect(reserveBlurbHost).toHaveBeenCalledTimes(blurbs.length);
  });

  it("holds a work whose verdict needs the reader's state until it has one, and releases each work once", () => {
    const release = new BlurbRelease();
    const results = new ListingFilter().add(blurbs, rules, options);
    const waiting = results.map((result, i) => (i === 2 ? { ...result, needsState: true } : result));
    release.release(blurbs, waiting);
    expect(released(blurbs)).toEqual(blurbs.filter((_, i) => i !== 2));
    expect(release.holding).toBe(true);

    // The page's complete pass, with the reader's state in.
    release.release(blurbs, results);
    expect(released(blurbs)).toEqual(blurbs);
    expect(release.holding).toBe(false);
    expect(reserveBlurbHost).toHaveBeenCalledTimes(blurbs.length);
  });
});
