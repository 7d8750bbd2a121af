/**
 * What kind of page this is: `#main`'s `<controller>-<action>` class first,
 * the URL (when known) to tell listings apart, the page's own markup when
 * there is no URL.
 */
import type { ListingKind, PageKind, PageRecord } from './types';
import { findBlurbElements } from './blurbs';
import { textOf } from './text';

export interface PageKindInfo {
  kind: PageKind;
  listingKind: ListingKind | null;
  readingsView: PageRecord['readingsView'];
}

interface Where {
  path: string;
  params: URLSearchParams;
}

function parseUrl(url: string | null | undefined): Where | null {
  if (!url) return null;
  try {
    const u = new URL(url, 'https://archiveofourown.org');
    return { path: u.pathname.replace(/\.html$/, ''), params: u.searchParams };
  } catch {
    return null;
  }
}

/**
 * The interstitial is drawn inside `#main.works-show`/`chapters-show` in
 * place of the work: a caution notice, a "Yes, Continue" link with
 * `view_adult=true`, the work's blurb, and no `#workskin`.
 */
function isAdultInterstitial(doc: Document, main: Element): boolean {
  return (
    !doc.getElementById('workskin') &&
    main.querySelector('p.caution') !== null &&
    main.querySelector('a[href*="view_adult=true"]') !== null
  );
}

function worksListingKind(main: Element, where: Where | null): ListingKind {
  if (main.classList.contains('works-search')) return 'search';
  if (main.classList.contains('works-collected') || main.classList.contains('works-drafts')) return 'user-works';
  if (where) {
    const p = where.path;
    if (/^\/works\/search\b/.test(p)) return 'search';
    if (/^\/tags\/[^/]+\/works\b/.test(p)) return 'tag-works';
    if (/^\/collections\/[^/]+\/(?:tags\/[^/]+\/)?works\b/.test(p)) return 'collection-works';
    if (/^\/users\/[^/]+\/(?:pseuds\/[^/]+\/)?works\b/.test(p)) return 'user-works';
    return 'works';
  }
  // No URL: the listing's heading says what it lists ("… Works in <a class=tag>").
  const heading = main.querySelector('h2.heading');
  if (main.querySelector('.collection.header') || heading?.querySelector('a[href^="/collections/"]')) return 'collection-works';
  if (heading?.querySelector('a.tag')) return 'tag-works';
  if (main.classList.contains('dashboard') || /\bWorks by\b/.test(textOf(heading))) return 'user-works';
  return 'works';
}

function readingsView(main: Element, where: Where | null): PageRecord['readingsView'] {
  const heading = textOf(main.querySelector('h2.heading'));
  if (/Marked for Later/i.test(heading)) return 'marked-for-later';
  if (/History/i.test(heading)) return 'history';
  return where?.params.get('show') === 'to-read' ? 'marked-for-later' : 'history';
}

function listingKind(main: Element, where: Where | null): ListingKind | null {
  const c = main.classList;
  if (c.contains('works-index') || c.contains('works-search') || c.contains('works-collected') || c.contains('works-drafts')) {
    return worksListingKind(main, where);
  }
  if (c.contains('orphans-index')) return 'works';
  if (c.contains('gifts-index')) return 'gifts';
  if (c.contains('series-show')) return 'series';
  if (c.contains('series-index')) return 'series-index';
  if (c.contains('bookmarks-index') || c.contains('bookmarks-search')) {
    const workBookmarks = where
      ? /^\/works\/\d+\/bookmarks\b/.test(where.path)
      : main.querySelector('h2.heading a[href^="/works/"]') !== null;
    return workBookmarks ? 'work-bookmarks' : 'bookmarks';
  }
  if (c.contains('readings-index')) return 'readings';
  if (c.contains('users-show') || c.contains('pseuds-show')) return 'dashboard';
  // An unfilterable tag's page lists the works that use it (a listing, its tag read as well); other tag pages are kind `tag`.
  if (c.contains('tags-show')) return findBlurbElements(main).length > 0 ? 'tag' : null;
  // The home page has no controller class of its own ("system docs index").
  if (main.querySelector('div.splash') || where?.path === '/') return 'home';
  return null;
}

export function detectPage(doc: Document, url?: string | null): PageKindInfo {
  const none: PageKindInfo = { kind: 'other', listingKind: null, readingsView: null };
  const main = doc.getElementById('main');
  if (!main) return none;
  const where = parseUrl(url);
  const c = main.classList;
  if (c.contains('error-404')) return { ...none, kind: 'not-found' };
  if (c.contains('sessions-new')) return { ...none, kind: 'restricted' };
  if (c.contains('works-navigate')) return { ...none, kind: 'chapter-index' };
  if (c.contains('works-show') || c.contains('chapters-show')) {
    if (isAdultInterstitial(doc, main)) return { ...none, kind: 'adult-interstitial' };
    if (doc.getElementById('workskin') || main.querySelector('dl.work.meta')) return { ...none, kind: 'work' };
    return none;
  }
  const listing = listingKind(main, where);
  // A tag's own page that lists no works: its wrangling (see tag-page.ts).
  if (!listing && c.contains('tags-show')) return { ...none, kind: 'tag' };
  if (listing) {
    return {
      kind: 'listing',
      listingKind: listing,
      readingsView: listing === 'readings' ? readingsView(main, where) : null,
    };
  }
  // A page we don't know that still lists works.
  if (main.querySelector('ol.work.index.group, ul.work.index.group, ol.bookmark.index.group, ul.series.index.group')) {
    return { kind: 'listing', listingKind: 'other', readingsView: null };
  }
  return none;
}
