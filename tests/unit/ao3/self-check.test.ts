import { describe, expect, it } from 'vitest';
import { parseArchiveHtml } from '../../../scripts/lib/html';
import { readPage } from '../../../utils/ao3/page';
import { diagnosticText, findReadProblem } from '../../../utils/ao3/self-check';
import { realPageHtml, realPages } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';
import { archiveDoc, NOW } from './fixtures';

const LISTING_URL = 'https://archiveofourown.org/tags/Example%20Fandom/works';

/** A work blurb as the archive draws it; `liClass` replaces the `<li>`'s classes (null: no class attribute). */
function workBlurb(id: number, liClass: string | null = `work blurb group work-${id} user-9`): string {
  const cls = liClass === null ? '' : ` class="${liClass}"`;
  return `<li id="work_${id}"${cls} role="article">
    <div class="header module">
      <h4 class="heading"><a href="/works/${id}">Secret Title ${id}</a> by <a rel="author" href="/users/privatewriter/pseuds/privatewriter">privatewriter</a></h4>
      <h5 class="fandoms heading"><span class="landmark">Fandoms:</span> <a class="tag" href="/tags/Example%20Fandom/works">Example Fandom</a> &nbsp;</h5>
      <p class="datetime">13 Sep 2020</p>
    </div>
    <ul class="tags commas"><li class="freeforms"><a class="tag" href="/tags/Private%20Trope/works">Private Trope</a></li></ul>
    <dl class="stats"><dt class="words">Words:</dt><dd class="words">1,234</dd><dt class="chapters">Chapters:</dt><dd class="chapters">1/1</dd></dl>
  </li>`;
}

function tagListing(heading: string, items: string): Document {
  return archiveDoc('works-index region', `<h2 class="heading">${heading}</h2><ol class="work index group">${items}</ol>`);
}

const problemOf = (doc: Document, url: string = LISTING_URL) => findReadProblem(doc, readPage(doc, url, NOW));
const blurbs = (count: number, liClass?: (id: number) => string | null) =>
  Array.from({ length: count }, (_, i) => workBlurb(101 + i, liClass ? liClass(101 + i) : undefined)).join('');

describe('the page-reading self-check', () => {
  it('does not trip on a normal listing', () => {
    const doc = tagListing('1 - 3 of 3 Works in <a class="tag" href="/tags/Example%20Fandom/works">Example Fandom</a>', blurbs(3));
    expect(readPage(doc, LISTING_URL, NOW).blurbs.map((b) => b.type)).toEqual(['work', 'work', 'work']);
    expect(problemOf(doc)).toBeNull();
  });

  it('trips on a listing whose blurbs lost their classes', () => {
    const doc = tagListing('1 - 3 of 3 Works in <a class="tag">Example Fandom</a>', blurbs(3, () => null));
    expect(problemOf(doc)).toEqual({
      reason: 'no-blurbs',
      pageKind: 'listing',
      listingKind: 'tag-works',
      blurbsFound: 0,
      blurbErrors: 0,
      workItemsSeen: 3,
      headingCount: 3,
    });
  });

  it('trips on a listing with no blurbs whose heading says it has works', () => {
    const cards = '<div class="work-card"><a href="/works/101">Secret Title</a></div>'.repeat(2);
    const doc = archiveDoc('works-index region', `<h2 class="heading">1 - 20 of 2,345 Works in <a class="tag">Example Fandom</a></h2>${cards}`);
    expect(problemOf(doc)).toMatchObject({ reason: 'no-blurbs', blurbsFound: 0, workItemsSeen: 0, headingCount: 2345 });
  });

  it.each([
    ['a search with no results', 'works-search region', '<h2 class="heading">Search Results</h2><h3 class="heading">0 Found</h3><p>No results found. You may want to edit your search to make it less specific.</p><ol class="work index group"></ol>', 'https://archiveofourown.org/works/search?work_search%5Bquery%5D=zzzz'],
    ['a tag with no works', 'works-index region', '<h2 class="heading">0 Works in <a class="tag">Example Fandom</a></h2><ol class="work index group"></ol>', LISTING_URL],
    ['an empty History', 'readings-index region', '<h2 class="heading">History</h2><p>No history yet.</p>', 'https://archiveofourown.org/users/reader/readings'],
  ])('does not trip on a genuinely empty listing: %s', (_name, mainClass, inner, url) => {
    const doc = archiveDoc(mainClass, inner);
    expect(readPage(doc, url, NOW).kind).toBe('listing');
    expect(problemOf(doc, url)).toBeNull();
  });

  it('trips when most blurbs come back as errors, not for one odd blurb', () => {
    // `blurb` kept, `work` lost: the page model finds the blurbs but can't tell what they are.
    const untyped = (id: number) => `blurb group work-${id}`;
    const mostly = tagListing('1 - 3 of 3 Works in <a class="tag">Example Fandom</a>', blurbs(3, untyped));
    expect(problemOf(mostly)).toMatchObject({ reason: 'mostly-errors', blurbsFound: 3, blurbErrors: 3, workItemsSeen: 3 });

    const oneOdd = tagListing('1 - 3 of 3 Works in <a class="tag">Example Fandom</a>', blurbs(2) + workBlurb(200, untyped(200)));
    expect(readPage(oneOdd, LISTING_URL, NOW).blurbs.map((b) => b.type)).toEqual(['work', 'work', 'error']);
    expect(problemOf(oneOdd)).toBeNull();
  });

  it('ignores pages that are not listings', () => {
    const doc = archiveDoc('works-show region', '<div id="workskin"><h2 class="title heading">3 Works</h2></div>');
    expect(readPage(doc, 'https://archiveofourown.org/works/101', NOW).kind).toBe('work');
    expect(problemOf(doc, 'https://archiveofourown.org/works/101')).toBeNull();
  });

  it('writes a diagnostic of counts and kinds, without the page\'s titles, tags or names', () => {
    const problem = problemOf(tagListing('1 - 3 of 3 Works in <a class="tag">Example Fandom</a>', blurbs(3, () => null)))!;
    const text = diagnosticText(problem, { extensionVersion: '1.2.3', browser: 'Chrome 131' });
    expect(text).toBe(
      [
        'Shelfmark page check',
        'problem: no-blurbs',
        'page kind: listing (tag-works)',
        'blurbs found: 0',
        'blurbs unreadable: 0',
        'items shaped like blurbs: 3',
        'works the heading counts: 3',
        'extension: 1.2.3',
        'browser: Chrome 131',
      ].join('\n'),
    );
    expect(text).not.toMatch(/Secret Title|Private Trope|privatewriter|Example Fandom|\/works\//);
  });
});

describeRealPages('the self-check on the real pages', () => {
  it('trips on none of them', () => {
    for (const page of realPages()) {
      const doc = parseArchiveHtml(realPageHtml(page.file));
      expect(findReadProblem(doc, readPage(doc, page.url)), page.file).toBeNull();
    }
    // Parsing every real page takes a second or two, more on a busy machine.
  }, 30_000);

  it('trips on a real listing whose blurb class was renamed', () => {
    const html = realPageHtml('listing-tag-sherlock-holmes.html').replace(/(<li[^>]*class="[^"]*)\bblurb\b/g, '$1blurb-renamed');
    const doc = parseArchiveHtml(html);
    expect(findReadProblem(doc, readPage(doc, 'https://archiveofourown.org/tags/Sherlock%20Holmes/works'))).toMatchObject({
      reason: 'no-blurbs',
      listingKind: 'tag-works',
      blurbsFound: 0,
      workItemsSeen: 21,
      headingCount: 111_471,
    });
  });
});
