/**
 * The chapter index (`/works/N/navigate`), the login page a logged-out reader
 * gets for a restricted work, and the 404 of a deleted work. Expected values
 * read from the saved markup by hand:
 *   <h2 class="heading">Chapter Index for <a href="/works/43703871">Let The River Run</a>
 *     by <a rel="author" href="/users/astolat/pseuds/astolat">astolat</a></h2>
 *   <ol class="chapter index group"><li><a href="/works/43703871/chapters/109896639">1. Coming Through The Fog</a>
 *     <span class="datetime">(2022-12-19)</span></li> …
 */
import { describe, expect, it } from 'vitest';
import { describeRealPages } from '../helpers/real-pages-suite';
import type { ChapterIndexPage } from '../../utils/ao3/types';
import { load } from './support';

describeRealPages('chapter index and error pages (real pages)', () => {
  describe('navigate-43703871.html', () => {
    it('is a logged-out chapter index', () => {
      const r = load('navigate-43703871.html');
      expect(r.kind).toEqual('chapter-index');
      expect(r.listingKind).toEqual(null);
      expect(r.readingsView).toEqual(null);
      expect(r.loggedIn).toEqual(false);
      expect(r.user).toEqual(null);
      expect(r.blurbs).toEqual([]);
      expect(r.pagination).toEqual(null);
    });

    it('reads the work and every chapter with its date', () => {
      const w = load('navigate-43703871.html').work as ChapterIndexPage;
      expect(w.workId).toEqual(43703871);
      expect(w.title).toEqual('Let The River Run');
      expect(w.authors).toEqual([{ login: 'astolat', pseud: 'astolat' }]);
      expect(w.chapterList.map((c) => [c.id, c.position, c.title, c.date])).toEqual([
        [109896639, 1, 'Coming Through The Fog', '2022-12-19'],
        [109943109, 2, 'The Darkening Dawn', '2022-12-20'],
        [109984306, 3, 'Come Run With Me Now', '2022-12-20'],
        [110032191, 4, 'Trembling, Shaking', '2022-12-21'],
        [110083590, 5, 'Stand On A Star', '2022-12-22'],
        [110133096, 6, 'Blaze A Trail Of Desire', '2022-12-23'],
        [110186152, 7, 'Sirens Call Them On', '2022-12-24'],
        [110240500, 8, 'Running On The Water', '2022-12-25'],
        [110242083, 9, 'Epilogue (Silver Cities Rise)', '2022-12-25'],
      ]);
    });
  });

  it('restricted-15461226-login.html: the login page of a restricted work', () => {
    // #main.sessions-new, h3 "Sorry!", "This work is only available to registered users of the Archive."
    const r = load('restricted-15461226-login.html');
    expect(r.kind).toEqual('restricted');
    expect(r.listingKind).toEqual(null);
    expect(r.loggedIn).toEqual(false);
    expect(r.user).toEqual(null);
    expect(r.blurbs).toEqual([]);
    // AMBIGUOUS: no work record (the page shows nothing of the work)
    expect(r.work).toEqual(null);
  });

  it('deleted-41237499-404.html: the 404 of a deleted work', () => {
    // #main.system.errors.error-404, h2 "Error 404"
    const r = load('deleted-41237499-404.html');
    expect(r.kind).toEqual('not-found');
    expect(r.listingKind).toEqual(null);
    expect(r.loggedIn).toEqual(false);
    expect(r.user).toEqual(null);
    expect(r.blurbs).toEqual([]);
    expect(r.work).toEqual(null);
  });
});
