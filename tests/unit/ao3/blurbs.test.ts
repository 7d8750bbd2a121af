import { describe, expect, it } from 'vitest';
import { findBlurbElements, readBlurb } from '../../../utils/ao3/blurbs';
import { archiveDoc, as, fixtureDocument, NOW, readFixture } from './fixtures';

describe('work blurbs', () => {
  it('reads every field of a gift blurb', () => {
    const work = as(readFixture('gifts.html').blurbs[0], 'work');
    expect(work).toMatchObject({
      workId: 901,
      title: 'A Present',
      authors: [
        { login: 'giver', pseud: 'giver' },
        { login: 'cowriter', pseud: 'Co' },
      ],
      userIds: [21, 22],
      anonymous: false,
      orphaned: false,
      recipients: [
        { login: 'lucky', pseud: 'lucky' },
        { login: 'Someone Without An Account', pseud: 'Someone Without An Account' },
      ],
      fandoms: ['Example Fandom'],
      rating: 'General Audiences',
      warnings: ['No Archive Warnings Apply'],
      categories: ['Gen'],
      complete: true,
      series: [{ id: 55, title: 'Gift Series', part: 3 }],
      language: 'Deutsch',
      languageCode: 'de',
      words: 1234567,
      chapters: { posted: 1, expected: 1 },
      lastChapterId: null,
      comments: 5,
      kudos: 1001,
      bookmarks: 7,
      hits: 20000,
      updated: '2023-03-28',
      updatedAt: 1680000000,
      restricted: false,
      hiddenByAdmin: false,
      hiddenTags: { warnings: false, freeforms: false },
      reading: null,
    });
  });

  it('puts every tag in `tags` with its type, decoded name and path', () => {
    const work = as(readFixture('search-results.html').blurbs[0], 'work');
    expect(work.tags).toEqual([
      { type: 'fandom', name: 'Example Fandom', url: '/tags/Example%20Fandom/works' },
      { type: 'rating', name: 'Teen And Up Audiences', url: null },
      { type: 'warning', name: 'No Archive Warnings Apply', url: '/tags/No%20Archive%20Warnings%20Apply/works' },
      { type: 'category', name: 'F/F', url: null },
      { type: 'freeform', name: 'Questions? Answers#1 . More', url: '/tags/Questions*q*%20Answers*h*1%20*d*%20More/works' },
    ]);
    expect(work.chapters).toEqual({ posted: 3, expected: 5 });
    expect(work.lastChapterId).toBe(5005);
    expect(work.complete).toBe(false);
    expect(work.hits).toBe(456);
    expect(work.comments).toBe(0);
  });

  it('HEAD-style anonymous blurb in a collection, chapters N/?', () => {
    const work = as(readFixture('collection-works.html').blurbs[1], 'work');
    expect(work).toMatchObject({
      workId: 502,
      title: 'Snowbound',
      authors: [],
      userIds: [],
      anonymous: true,
      recipients: [{ login: 'giftee', pseud: 'Giftee Pseud' }],
      categories: [],
      warnings: ['Creator Chose Not To Use Archive Warnings'],
      characters: ['Snow Person'],
      chapters: { posted: 2, expected: null },
      lastChapterId: 9902,
      complete: false,
      words: 1500,
      hits: 12000,
      collectionCount: 1,
    });
  });

  it('orphaned, restricted and hidden-by-admin works', () => {
    const [, , orphaned, hidden] = readFixture('collection-works.html').blurbs;
    expect(as(orphaned, 'work')).toMatchObject({
      authors: [{ login: 'orphan_account', pseud: 'Old Name' }],
      orphaned: true,
      restricted: true,
      fandoms: ['F/M Fandom'],
      rating: 'Not Rated',
      // No warning links shown beyond these two; the symbol agrees.
      warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
      categories: ['F/M', 'M/M'],
    });
    expect(as(hidden, 'work')).toMatchObject({ hiddenByAdmin: true, restricted: false, words: null, hits: 0 });
  });

  it('mystery blurb', () => {
    expect(readFixture('collection-works.html').blurbs[0]).toEqual({
      type: 'mystery',
      workId: 501,
      title: 'Mystery Work',
      collection: { name: 'Winter Exchange 2025', url: '/collections/winter_ex_2025' },
    });
  });

  it('hide warnings / additional tags placeholders are not tags', () => {
    const [hidden, shown] = readFixture('hidden-tags.html').blurbs;
    const work = as(hidden, 'work');
    expect(work.hiddenTags).toEqual({ warnings: true, freeforms: true });
    expect(work.freeforms).toEqual([]);
    expect(work.tags.map((t) => t.name)).not.toContain('Show warnings');
    expect(work.tags.map((t) => t.name)).not.toContain('Show additional tags');
    // The warning symbol still names them.
    expect(work.warnings).toEqual(['Major Character Death']);
    expect(work.relationships).toEqual(['E/F']);
    expect(as(shown, 'work').hiddenTags).toEqual({ warnings: false, freeforms: false });
  });

  it('summary: one line per paragraph or line break', () => {
    const series = as(readFixture('series-index.html').blurbs[0], 'series');
    expect(series.summary).toBe('Four stories.\nOne for each season.');
  });
});

describe('History blurbs', () => {
  const page = readFixture('history-special.html');

  it('relative dates and the visit line', () => {
    const [fresh, skipped] = page.blurbs;
    expect(as(fresh, 'work')).toMatchObject({
      updated: '2024-06-12',
      updatedAt: null,
      reading: { lastVisited: '2024-06-15', visits: 12, version: 'update', markedForLater: false, skipped: false },
    });
    expect(as(skipped, 'work')).toMatchObject({
      updated: '2024-06-15',
      reading: { lastVisited: '2024-04-15', visits: 1, version: 'minor-edit', markedForLater: true, skipped: true },
    });
  });

  it('deleted work', () => {
    expect(page.blurbs[2]).toEqual({ type: 'deleted', workId: null, title: 'Deleted work', lastVisited: '2021-06-07', bookmark: null });
  });
});

describe('series blurbs', () => {
  it('reads a series blurb', () => {
    const [first, anonymous] = readFixture('series-index.html').blurbs;
    expect(as(first, 'series')).toMatchObject({
      seriesId: 7001,
      title: 'Seasons',
      authors: [{ login: 'reader', pseud: 'Autumn' }],
      userIds: [55],
      anonymous: false,
      rating: 'Mature',
      ratings: ['Mature', 'General Audiences'],
      categories: ['F/F', 'Gen'],
      complete: true,
      relationships: ['A/B'],
      freeforms: ['Slice of Life'],
      words: 40321,
      works: 4,
      bookmarks: 17,
      updated: '2023-02-02',
      restricted: true,
    });
    expect(as(anonymous, 'series')).toMatchObject({ seriesId: 7002, anonymous: true, authors: [], complete: false, bookmarks: 0 });
  });
});

describe('bookmark blurbs', () => {
  const [work, series, external, deleted] = readFixture('bookmarks-special.html').blurbs;

  it('work bookmark: the work at the top level, the bookmarker in `bookmark`', () => {
    const b = as(work, 'bookmark');
    expect(b.item).toBe('work');
    expect(b).toMatchObject({ workId: 601, title: 'Kept Safe', userIds: [11], words: 5000, bookmarks: 3, updated: '2023-11-14' });
    expect(b.bookmark).toEqual({
      bookmarkId: 801,
      bookmarker: { login: 'shelver', pseud: 'Shelf Life' },
      bookmarkerUserId: 99,
      date: '2024-01-01',
      tags: ['comfort read', 'reread'],
      notes: 'Read this when sad.\nWorks\nevery time.',
      collections: [{ name: 'Favourites', url: '/collections/favs' }],
      visibility: 'private',
    });
  });

  it('series bookmark', () => {
    const b = as(series, 'bookmark');
    expect(b).toMatchObject({ item: 'series', workId: null, seriesId: 7001, title: 'Seasons', userIds: [55], works: 4 });
    expect(b.bookmark).toMatchObject({ bookmarkId: 802, visibility: 'rec', bookmarkerUserId: 99, date: '2024-01-02' });
  });

  it('external-work bookmark', () => {
    const b = as(external, 'bookmark');
    expect(b).toMatchObject({
      item: 'external',
      workId: null,
      externalWorkId: 4242,
      title: 'Elsewhere',
      creator: 'Someone Offsite',
      rating: 'Not Rated',
      categories: [],
      relationships: ['C & D'],
      summary: 'A story hosted somewhere else.',
      updated: '2021-03-03',
    });
    expect(b.bookmark).toMatchObject({ visibility: 'public', bookmarkerUserId: 99 });
  });

  it('bookmark of a deleted item', () => {
    expect(deleted).toMatchObject({
      type: 'deleted',
      workId: null,
      title: 'This has been deleted, sorry!',
      bookmark: { bookmarkId: 804, bookmarkerUserId: 99, tags: ['lost'], date: '2024-01-05' },
    });
  });
});

describe('isolation', () => {
  it('a malformed blurb yields one error record; the others are intact', () => {
    const { blurbs } = readFixture('malformed.html');
    expect(blurbs.map((b) => b.type)).toEqual(['work', 'error', 'work']);
    expect(blurbs[1]).toEqual({ type: 'error', workId: 1302, title: '', elementId: 'work_1302', error: 'work blurb has no heading' });
    expect(as(blurbs[2], 'work')).toMatchObject({ workId: 1303, title: 'Second Good', words: 3 });
  });

  it('unknown li.blurb markup is an error record, never an exception', () => {
    const doc = archiveDoc('works-index', '<ol><li id="thing_1" class="gizmo blurb group">?</li></ol>');
    const [li] = findBlurbElements(doc);
    expect(readBlurb(li!, NOW)).toMatchObject({ type: 'error', elementId: 'thing_1' });
  });

  it('skips blurbs nested in a blurb and blurbs about other things', () => {
    const doc = archiveDoc(
      'bookmarks-index',
      `<ol class="bookmark index group">
        <li id="bookmark_5" class="bookmark blurb group work-5">
          <div class="header module"><h4 class="heading"><a href="/works/5">W</a> by <a rel="author" href="/users/a/pseuds/a">a</a></h4></div>
          <div class="recent module group"><ul class="bookmark index group"><li class="user short blurb group"><h5 class="byline heading">x</h5></li></ul></div>
        </li>
      </ol>
      <ul class="collection index"><li class="collection picture blurb group">c</li></ul>`,
    );
    const found = findBlurbElements(doc);
    expect(found.map((li) => li.id)).toEqual(['bookmark_5']);
    const b = as(readBlurb(found[0]!, NOW), 'bookmark');
    // Grouped view: no bookmarker module, and the id is the item's, not a bookmark's.
    expect(b.bookmark).toMatchObject({ bookmarkId: null, bookmarker: null });
  });

  it('copes with other extensions’ elements inside blurbs', () => {
    const doc = fixtureDocument('collection-works.html');
    const li = doc.getElementById('work_503')!;
    const badge = doc.createElement('span');
    badge.className = 'ao3h-badge';
    badge.textContent = 'Marked 5 days ago';
    li.querySelector('h4 a')!.after(badge);
    li.insertBefore(doc.createElement('div'), li.firstChild);
    expect(as(readBlurb(li, NOW), 'work')).toMatchObject({ title: 'Left Behind', words: 800 });
  });
});

describe('repeated stats fields', () => {
  it('a stray field linking to another work loses to this work’s (seen on a real listing)', () => {
    const doc = archiveDoc(
      'works-index',
      `<ol class="work index group"><li id="work_7" class="work blurb group work-7 user-1">
        <div class="header module"><h4 class="heading"><a href="/works/7">Seven</a> by <a rel="author" href="/users/a/pseuds/a">a</a></h4></div>
        <dl class="stats">
          <dt class="comments">Comments:</dt><dd class="comments"><a href="/works/999?show_comments=true#comments">217</a></dd>
          <dt class="comments">Comments:</dt><dd class="comments"><a href="/works/7?show_comments=true#comments">1</a></dd>
          <dt class="hits">Hits:</dt><dd class="hits">45</dd>
        </dl>
      </li></ol>`,
    );
    expect(as(readBlurb(findBlurbElements(doc)[0]!, NOW), 'work')).toMatchObject({ comments: 1, hits: 45 });
  });
});
