import { expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import type { PageKind } from '../../../utils/ao3/types';
import { realPageDocument, realPages } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

/**
 * The kind each `#main` class set should give (classes_for_main: `<controller>-<action>`).
 * A tag's own page (`tags-show`) is a listing only when it lists works itself (an unwrangled or
 * unfilterable tag); a wrangled tag's page (synonyms, subtags) has no blurbs and is `tag`.
 */
function expectedKind(main: string, document: Document): PageKind {
  const classes = main.split(/\s+/);
  if (classes.includes('tags-show') && !document.querySelector('li.work.blurb')) return 'tag';
  if (classes.includes('error-404')) return 'not-found';
  if (classes.includes('sessions-new')) return 'restricted';
  if (classes.includes('works-navigate')) return 'chapter-index';
  if (classes.includes('works-show') || classes.includes('chapters-show')) return 'work';
  const listings = ['works-index', 'tags-show', 'series-show', 'bookmarks-index', 'readings-index', 'users-show'];
  // The home page has no controller class of its own: "system docs index".
  if (classes.some((c) => listings.includes(c)) || main.startsWith('system docs index')) return 'listing';
  throw new Error(`no expectation for #main "${main}"`);
}

describeRealPages('every real page: right kind, no error records', () => {
  const pages = realPages();
  it.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
    const document = realPageDocument(page.file);
    const record = readPage(document, page.url);
    expect(record.kind).toBe(expectedKind(page.main, document));
    expect(record.loggedIn).toBe(page.session === 'logged-in');
    expect(record.blurbs.filter((b) => b.type === 'error')).toEqual([]);
    if (record.kind === 'listing') expect(record.blurbs.length).toBeGreaterThan(0);
    if (record.kind === 'work' || record.kind === 'chapter-index') expect(record.work?.workId).toBe(Number(/\/works\/(\d+)/.exec(page.url)?.[1]));
    // Without the URL the page's own markup gives the same kind.
    expect(readPage(realPageDocument(page.file)).kind).toBe(record.kind);
  });
});
