import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../utils/ao3/page-kind';
import { readPage } from '../../../utils/ao3/page';
import { parseArchiveHtml } from '../../../scripts/lib/html';
import { archiveDoc, readFixture } from './fixtures';

const BLURB = `<li id="work_1" class="work blurb group work-1 user-2"><div class="header module"><h4 class="heading"><a href="/works/1">T</a> by <a rel="author" href="/users/u/pseuds/u">u</a></h4></div></li>`;
const WORKS = `<ol class="work index group">${BLURB}</ol>`;
const A = 'https://archiveofourown.org';

describe('detectPage from #main classes and the URL', () => {
  it.each([
    ['works-index', `${A}/tags/F*s*M/works`, 'tag-works'],
    ['works-index', `${A}/collections/ex/works`, 'collection-works'],
    ['works-index', `${A}/collections/ex/tags/Fluff/works`, 'collection-works'],
    ['works-index dashboard', `${A}/users/u/works`, 'user-works'],
    ['works-index dashboard', `${A}/users/u/pseuds/p/works`, 'user-works'],
    ['works-index', `${A}/works?tag_id=Fluff`, 'works'],
    ['works-search', `${A}/works/search?work_search[query]=x`, 'search'],
    ['works-collected dashboard', `${A}/users/u/works/collected`, 'user-works'],
    ['gifts-index', `${A}/users/u/gifts`, 'gifts'],
    ['series-show', `${A}/series/5`, 'series'],
    ['series-index dashboard', `${A}/users/u/series`, 'series-index'],
    ['bookmarks-index dashboard', `${A}/users/u/bookmarks`, 'bookmarks'],
    ['bookmarks-index', `${A}/works/1/bookmarks`, 'work-bookmarks'],
    ['bookmarks-index', `${A}/tags/Fluff/bookmarks`, 'bookmarks'],
    ['readings-index dashboard', `${A}/users/u/readings`, 'readings'],
    ['users-show dashboard', `${A}/users/u`, 'dashboard'],
    ['pseuds-show dashboard', `${A}/users/u/pseuds/p`, 'dashboard'],
    ['tags-show', `${A}/tags/No%20Fandom%20-%20Freeform`, 'tag'],
    ['system docs index', `${A}/`, 'home'],
  ])('%s at %s → %s', (mainClass, url, listingKind) => {
    const info = detectPage(archiveDoc(mainClass, WORKS), url);
    expect(info.kind).toBe('listing');
    expect(info.listingKind).toBe(listingKind);
  });

  it('tells History from Marked for Later', () => {
    const plain = archiveDoc('readings-index dashboard', WORKS);
    expect(detectPage(plain, `${A}/users/u/readings`).readingsView).toBe('history');
    expect(detectPage(plain, `${A}/users/u/readings?show=to-read`).readingsView).toBe('marked-for-later');
    const headed = archiveDoc('readings-index dashboard', `<h2 class="heading">Marked for Later</h2>${WORKS}`);
    expect(detectPage(headed).readingsView).toBe('marked-for-later');
    expect(detectPage(plain).readingsView).toBe('history');
  });

  it('reads the listing kind from the markup when there is no URL', () => {
    const tag = archiveDoc('works-index', `<h2 class="heading">1 - 20 of 5 Works in <a class="tag" href="/tags/X">X</a></h2>${WORKS}`);
    expect(detectPage(tag).listingKind).toBe('tag-works');
    expect(detectPage(archiveDoc('works-index dashboard', WORKS)).listingKind).toBe('user-works');
    expect(detectPage(archiveDoc('works-index', WORKS)).listingKind).toBe('works');
    const workBookmarks = archiveDoc('bookmarks-index', `<h2 class="heading">Bookmarks for <a href="/works/1">T</a></h2>`);
    expect(detectPage(workBookmarks).listingKind).toBe('work-bookmarks');
    expect(detectPage(archiveDoc('system docs index', `<div class="splash">${WORKS}</div>`)).listingKind).toBe('home');
  });

  it('the URL only refines: the page markup decides the kind', () => {
    expect(detectPage(archiveDoc('system errors error-404', '<h2 class="heading">Error 404</h2>'), `${A}/works/1`).kind).toBe('not-found');
    expect(detectPage(archiveDoc('sessions-new system session', '<h3>Sorry!</h3>'), `${A}/works/1`).kind).toBe('restricted');
    expect(detectPage(archiveDoc('works-navigate', '<ol class="chapter index group"></ol>')).kind).toBe('chapter-index');
  });

  it('a filterable tag page lists no works: kind tag', () => {
    expect(detectPage(archiveDoc('tags-show', '<h2 class="heading">Fluff</h2>'), `${A}/tags/Fluff`).kind).toBe('tag');
  });

  it('an unknown archive page that still lists works is a listing of kind other', () => {
    const info = detectPage(archiveDoc('prompts-index', WORKS));
    expect(info).toEqual({ kind: 'listing', listingKind: 'other', readingsView: null });
    expect(detectPage(archiveDoc('admin_posts-index', '<p>news</p>')).kind).toBe('other');
  });

  it('a work page whose work is withheld (no #workskin, no meta) is other', () => {
    expect(detectPage(archiveDoc('works-show', '<p class="notice">This work is part of an ongoing challenge and will be revealed soon!</p>')).kind).toBe('other');
  });
});

describe('readPage on the hand-written fixtures', () => {
  it('adult-content interstitial: its one blurb', () => {
    const page = readFixture('adult-interstitial.html', `${A}/works/9001`);
    expect(page.kind).toBe('adult-interstitial');
    expect(page.work).toBeNull();
    expect(page.blurbs).toHaveLength(1);
    expect(page.blurbs[0]).toMatchObject({ type: 'work', workId: 9001, title: 'After Hours', rating: 'Explicit' });
    expect(page.loggedIn).toBe(false);
  });

  it('a page that is not the archive: other, no blurbs', () => {
    const page = readFixture('not-archive.html', 'https://example.com/list');
    expect(page).toMatchObject({ kind: 'other', listingKind: null, blurbs: [], work: null, pagination: null, loggedIn: false, user: null });
    expect(readPage(parseArchiveHtml('')).kind).toBe('other');
    expect(readPage(parseArchiveHtml('not html at all <<<')).blurbs).toEqual([]);
  });

  it.each([
    ['collection-works.html', null, 'collection-works'],
    ['gifts.html', null, 'gifts'],
    ['search-results.html', null, 'search'],
    ['series-index.html', null, 'series-index'],
    ['bookmarks-special.html', null, 'bookmarks'],
    ['hidden-tags.html', null, 'tag-works'],
    ['history-special.html', null, 'readings'],
    ['malformed.html', `${A}/works`, 'works'],
  ])('%s → listing %s', (file, url, listingKind) => {
    const page = readFixture(file, url);
    expect(page.kind).toBe('listing');
    expect(page.listingKind).toBe(listingKind);
  });

  it('login state and user from body class and greeting', () => {
    expect(readFixture('collection-works.html')).toMatchObject({ loggedIn: true, user: 'reader' });
    expect(readFixture('bookmarks-special.html')).toMatchObject({ loggedIn: true, user: 'shelver' });
    const greetingOnly = parseArchiveHtml(
      '<body><nav id="greeting"><ul><li class="dropdown"><a href="/users/x">Hi, x!</a></li><li><a href="/users/logout">Log Out</a></li></ul></nav><div id="main" class="works-index"></div></body>',
    );
    expect(readPage(greetingOnly)).toMatchObject({ loggedIn: true, user: 'x' });
  });

  it('pagination: pagy and will_paginate', () => {
    expect(readFixture('collection-works.html').pagination).toEqual({ current: 1, last: 1, next: null });
    expect(readFixture('search-results.html').pagination).toEqual({
      current: 2,
      last: 3,
      next: '/works/search?page=3&work_search%5Bquery%5D=lighthouse',
    });
    expect(readFixture('gifts.html').pagination).toBeNull();
  });

  it('tagsHiddenByPreference from blurb and work page placeholders', () => {
    expect(readFixture('hidden-tags.html').tagsHiddenByPreference).toBe(true);
    expect(readFixture('work-hidden-tags.html').tagsHiddenByPreference).toBe(true);
    expect(readFixture('gifts.html').tagsHiddenByPreference).toBe(false);
  });
});
