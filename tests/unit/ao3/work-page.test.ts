import { describe, expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import type { ChapterIndexPage, WorkPage } from '../../../utils/ao3/types';
import { archiveDoc, readFixture } from './fixtures';

const LONG = 'A Chapter Title That Is Much Longer Than Fifty Characters In All';

function meta(status: string): string {
  return `<div class="wrapper"><dl class="work meta group">
    <dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li><a class="tag" href="/tags/Teen%20And%20Up%20Audiences/works">Teen And Up Audiences</a></li></ul></dd>
    <dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><ul class="commas"><li><a class="tag" href="/tags/No%20Archive%20Warnings%20Apply/works">No Archive Warnings Apply</a></li></ul></dd>
    <dt class="category tags">Category:</dt><dd class="category tags"><ul class="commas"><li><a class="tag" href="/tags/F*s*F/works">F/F</a></li><li><a class="tag" href="/tags/Gen/works">Gen</a></li></ul></dd>
    <dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul class="commas"><li><a class="tag" href="/tags/Example%20Fandom/works">Example Fandom</a></li></ul></dd>
    <dt class="relationship tags">Relationship:</dt><dd class="relationship tags"><ul class="commas"><li><a class="tag" href="/tags/A%20*a*%20B/works">A &amp; B</a></li></ul></dd>
    <dt class="character tags">Characters:</dt><dd class="character tags"><ul class="commas"><li><a class="tag" href="/tags/A/works">A</a></li></ul></dd>
    <dt class="freeform tags">Additional Tags:</dt><dd class="freeform tags"><ul class="commas"><li><a class="tag" href="/tags/Fluff/works">Fluff</a></li></ul></dd>
    <dt class="language">Language:</dt><dd class="language" lang="en">
      English
    </dd>
    <dt class="series">Series:</dt><dd class="series"><span class="series"><a class="previous" href="/works/1">←</a><span class="position">Part 2 of <a href="/series/77">Set</a></span></span></dd>
    <dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt class="published">Published:</dt><dd class="published">2020-01-01</dd>${status}<dt class="words">Words:</dt><dd class="words">10,000</dd><dt class="chapters">Chapters:</dt><dd class="chapters">3/3</dd><dt class="comments">Comments:</dt><dd class="comments">4</dd><dt class="kudos">Kudos:</dt><dd class="kudos">50</dd><dt class="bookmarks">Bookmarks:</dt><dd class="bookmarks"><a href="/works/42/bookmarks">6</a></dd><dt class="hits">Hits:</dt><dd class="hits">1,000</dd></dl></dd>
  </dl></div>`;
}

const PREFACE = `<div class="preface group">
  <h2 class="title heading"><img alt="(Restricted)" title="Restricted" src="/images/lockblue.png" /> The Work</h2>
  <h3 class="byline heading"><a rel="author" href="/users/auth/pseuds/Pen">Pen (auth)</a></h3>
  <div class="summary module"><h3 class="heading">Summary:</h3><blockquote class="userstuff"><p>Line one.</p><p>Line two.</p></blockquote></div>
</div>`;

function chapterDiv(position: number, id: number, title: string | null): string {
  return `<div class="chapter" id="chapter-${position}"><div class="chapter preface group"><h3 class="title"><a href="/works/42/chapters/${id}">Chapter ${position}</a>${title === null ? '' : `: ${title}`}<span class="ext-badge">1k words</span></h3>
    <div id="summary" class="summary module"><blockquote class="userstuff"><p>Chapter summary, not the work's.</p></blockquote></div></div>
    <div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3><p>…</p></div></div>`;
}

const SELECT = `<ul class="work navigation actions">
  <li class="chapter entire"><a href="/works/42?view_full_work=true">Entire Work</a></li>
  <li class="chapter"><ul id="chapter_index"><li><form action="/works/42/chapters/200" method="get"><select name="selected_id" id="selected_id">
    <option value="100">1. Opening</option>
    <option selected="selected" value="200">2. ${LONG.slice(0, 50)}...</option>
    <option value="300">3. Chapter 3</option>
  </select></form></li></ul></li>
</ul>`;

function workPage(mainClass: string, nav: string, chapters: string, status = '<dt class="status">Completed:</dt><dd class="status">2020-02-02</dd>'): Document {
  return archiveDoc(mainClass, `<div class="work">${nav}${meta(status)}<div id="workskin">${PREFACE}<div id="chapters">${chapters}</div></div></div>`);
}

describe('work pages', () => {
  it('chapter page: metadata, current chapter, full title preferred over the select’s cut one', () => {
    const page = readPage(workPage('chapters-show', SELECT, chapterDiv(2, 200, LONG)), 'https://archiveofourown.org/works/42/chapters/200');
    expect(page.kind).toBe('work');
    const work = page.work as WorkPage;
    expect(work).toMatchObject({
      view: 'chapter',
      workId: 42,
      title: 'The Work',
      restricted: true,
      authors: [{ login: 'auth', pseud: 'Pen' }],
      rating: 'Teen And Up Audiences',
      warnings: ['No Archive Warnings Apply'],
      categories: ['F/F', 'Gen'],
      fandoms: ['Example Fandom'],
      relationships: ['A & B'],
      characters: ['A'],
      freeforms: ['Fluff'],
      summary: 'Line one.\nLine two.',
      series: [{ id: 77, title: 'Set', part: 2 }],
      language: 'English',
      languageCode: 'en',
      words: 10000,
      chapters: { posted: 3, expected: 3 },
      comments: 4,
      kudos: 50,
      bookmarks: 6,
      hits: 1000,
      published: '2020-01-01',
      updated: '2020-02-02',
      completed: '2020-02-02',
      complete: true,
      currentChapter: { id: 200, position: 2 },
    });
    expect(work.tags[0]).toEqual({ type: 'rating', name: 'Teen And Up Audiences', url: '/tags/Teen%20And%20Up%20Audiences/works' });
    expect(work.chapterList).toEqual([
      { id: 100, position: 1, title: 'Opening' },
      { id: 200, position: 2, title: LONG },
      { id: 300, position: 3, title: 'Chapter 3' },
    ]);
  });

  it('view full work: every chapter, untitled ones named "Chapter N"', () => {
    const nav = '<ul class="work navigation actions"><li class="chapter bychapter"><a href="/works/42/chapters/100">Chapter by Chapter</a></li></ul>';
    const page = readPage(
      workPage('works-show', nav, chapterDiv(1, 100, 'Opening') + chapterDiv(2, 200, null), '<dt class="status">Updated:</dt><dd class="status">2020-03-03</dd>'),
    );
    const work = page.work as WorkPage;
    expect(work).toMatchObject({ view: 'full', workId: 42, currentChapter: null, updated: '2020-03-03', completed: null, complete: true });
    expect(work.chapterList).toEqual([
      { id: 100, position: 1, title: 'Opening' },
      { id: 200, position: 2, title: 'Chapter 2' },
    ]);
  });

  it('one-shot: work id from the URL when the page has no other hook', () => {
    const oneshot = '<h3 class="landmark heading" id="work">Work Text:</h3><div class="userstuff"><p>…</p></div>';
    const work = readPage(workPage('works-show', '', oneshot, ''), 'https://archiveofourown.org/works/4242').work as WorkPage;
    expect(work).toMatchObject({ view: 'oneshot', workId: 4242, chapterList: [], currentChapter: { id: null, position: 1 }, updated: '2020-01-01' });
  });

  it('the URL decides the work id over a kudos form, chapter links or downloads naming another work', () => {
    const kudos = '<form id="new_kudo"><input id="kudo_commentable_id" value="999" /></form><ul><li class="download"><a href="/downloads/998/x.epub">EPUB</a></li></ul>';
    const doc = workPage('chapters-show', SELECT.replaceAll('/works/42', '/works/997'), chapterDiv(2, 200, LONG) + kudos);
    expect((readPage(doc, 'https://archiveofourown.org/works/42/chapters/200').work as WorkPage).workId).toBe(42);
    expect((readPage(doc, 'https://archiveofourown.org/collections/yuletide/works/42').work as WorkPage).workId).toBe(42);
    // Without a URL (a saved page), the markup is all there is.
    expect((readPage(doc, null).work as WorkPage).workId).toBe(999);
  });

  it('hidden warnings / additional tags, gift recipients, collections, anonymous byline', () => {
    const page = readFixture('work-hidden-tags.html');
    const work = page.work as WorkPage;
    expect(work).toMatchObject({
      workId: 701,
      anonymous: true,
      authors: [],
      recipients: [{ login: 'friend', pseud: 'friend' }],
      hiddenTags: { warnings: true, freeforms: true },
      warnings: [],
      freeforms: [],
      collections: [
        { name: 'Favourites', url: '/collections/favs' },
        { name: 'Other Place', url: '/collections/other' },
      ],
      collectionCount: 2,
      complete: true,
    });
    expect(work.tags.map((t) => t.name)).toEqual(['Mature', 'Example Fandom']);
  });
});

describe('chapter index', () => {
  it('reads every chapter with its date', () => {
    const doc = archiveDoc(
      'works-navigate',
      `<h2 class="heading">Chapter Index for <a href="/works/43">Long Road</a> by <a rel="author" href="/users/w/pseuds/w">w</a></h2>
       <ol class="chapter index group" role="navigation">
         <li><a href="/works/43/chapters/1001">1. Start</a> <span class="datetime">(2022-12-19)</span></li>
         <li><a href="/works/43/chapters/1002">2. Epilogue (The End)</a> <span class="datetime">(2022-12-25)</span></li>
       </ol>`,
    );
    const page = readPage(doc);
    expect(page.kind).toBe('chapter-index');
    expect(page.work as ChapterIndexPage).toEqual({
      workId: 43,
      title: 'Long Road',
      authors: [{ login: 'w', pseud: 'w' }],
      chapterList: [
        { id: 1001, position: 1, title: 'Start', date: '2022-12-19' },
        { id: 1002, position: 2, title: 'Epilogue (The End)', date: '2022-12-25' },
      ],
    });
  });
});
