import { describe, expect, it } from 'vitest';
import { readingBadge, relativeTime, type BadgeInput } from '../../../utils/reading/badge';
import type { ChapterReading, ReadingRecord } from '../../../utils/db/types';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2024, 5, 20, 12);

function chapter(position: number, read: boolean, id: number | null = 1000 + position): ChapterReading {
  return { id, position, readAt: read ? NOW - 12 * DAY : null, scroll: null, scrollAt: null };
}

function reading(chapters: ChapterReading[], overrides: Partial<ReadingRecord> = {}): ReadingRecord {
  return { workId: 7, chapters, lastChapter: null, visitCount: 3, firstVisit: NOW - 40 * DAY, lastVisit: NOW - 12 * DAY, ...overrides };
}

function input(overrides: Partial<BadgeInput>): BadgeInput {
  return {
    workId: 7,
    chapters: { posted: 5, expected: 5 },
    complete: true,
    lastChapterId: 1005,
    reading: null,
    saved: null,
    knownChapters: [],
    now: NOW,
    locale: 'en',
    ...overrides,
  };
}

const known = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 1000 + i + 1, position: i + 1 }));

describe('reading badge', () => {
  it('shows nothing for a work without history', () => {
    expect(readingBadge(input({}))).toBeNull();
  });

  it('"Read 3/5", linking the first unread chapter by id', () => {
    const badge = readingBadge(input({ reading: reading([chapter(1, true), chapter(2, true), chapter(3, true)]), knownChapters: known(5) }));
    expect(badge).toMatchObject({ kind: 'progress', text: 'Read 3/5', href: '/works/7/chapters/1004' });
    expect(badge?.title).toBe('Shelfmark · read 3 of 5 chapters · last read 12 days ago');
  });

  it('counts by position and skips a gap: the first unread is the gap', () => {
    const badge = readingBadge(input({ reading: reading([chapter(1, true), chapter(3, true)]), knownChapters: known(5) }));
    expect(badge).toMatchObject({ text: 'Read 2/5', href: '/works/7/chapters/1002' });
  });

  it('"N new chapters" when every chapter seen was read and more are posted', () => {
    const r = reading([chapter(1, true), chapter(2, true), chapter(3, true)]);
    expect(readingBadge(input({ reading: r, knownChapters: known(3), chapters: { posted: 5, expected: null }, complete: false }))).toMatchObject({
      kind: 'new',
      text: '2 new chapters',
      // Chapter 4's id is not known yet (the blurb links only the newest, chapter 5).
      href: '/works/7/navigate',
    });
    expect(readingBadge(input({ reading: r, knownChapters: known(3), chapters: { posted: 4, expected: null }, complete: false, lastChapterId: 1004 }))?.href).toBe('/works/7/chapters/1004');
    expect(readingBadge(input({ reading: r, knownChapters: known(3), chapters: { posted: 4, expected: null }, complete: false }))).toMatchObject({ text: '1 new chapter' });
  });

  it('links the newest chapter from the blurb when that is the first unread, else the chapter index', () => {
    const r = reading([chapter(1, true), chapter(2, true)]);
    expect(readingBadge(input({ reading: r, chapters: { posted: 3, expected: null }, complete: false, lastChapterId: 999 }))?.href).toBe('/works/7/chapters/999');
    expect(readingBadge(input({ reading: r, knownChapters: known(2), chapters: { posted: 4, expected: null }, complete: false, lastChapterId: 999 }))).toMatchObject({
      text: '2 new chapters',
      href: '/works/7/navigate',
    });
  });

  it('"Finished" for a complete work read through, "Up to date" for a work in progress', () => {
    const all = reading([1, 2, 3, 4, 5].map((p) => chapter(p, true)));
    expect(readingBadge(input({ reading: all }))).toMatchObject({ kind: 'finished', text: 'Finished', href: '/works/7/navigate' });
    expect(readingBadge(input({ reading: all, chapters: { posted: 5, expected: null }, complete: false }))).toMatchObject({ kind: 'caught-up', text: 'Up to date' });
  });

  it('one-shots: "Finished" once read, linking the work itself', () => {
    const r = reading([chapter(1, true, null)]);
    expect(readingBadge(input({ reading: r, chapters: { posted: 1, expected: 1 }, lastChapterId: null }))).toMatchObject({ text: 'Finished', href: '/works/7' });
  });

  it('"Opened 12 days ago" for works opened (or imported from History) but never read to the end: not "read"', () => {
    const r = reading([], { lastVisit: NOW - 12 * DAY, visitCount: 7 });
    const badge = readingBadge(input({ reading: r }));
    expect(badge).toMatchObject({ kind: 'visited', text: 'Opened 12 days ago', href: '/works/7' });
    expect(badge?.title).toBe('Shelfmark · opened 7 times, no chapter finished yet');
    expect(readingBadge(input({ reading: reading([], { lastVisit: NOW - 1000 }) }))?.text).toBe('Opened today');
  });

  it('says what was posted since the last look even when the reader was not caught up', () => {
    // Read 1 of the 20 chapters the work page listed; the listing now says 22.
    const r = reading([chapter(1, true)]);
    const badge = readingBadge(input({ reading: r, knownChapters: known(20), chapters: { posted: 22, expected: null }, complete: false }));
    expect(badge).toMatchObject({ kind: 'progress', text: 'Read 1/22 · 2 new since you last looked', href: '/works/7/chapters/1002' });
    expect(badge?.title).toBe('Shelfmark · read 1 of 22 chapters · 2 new since you last looked · last read 12 days ago');
    expect(readingBadge(input({ reading: r, knownChapters: known(20), chapters: { posted: 21, expected: null }, complete: false }))?.text).toBe('Read 1/21 · 1 new since you last looked');
    // Nothing posted since: nothing new said.
    expect(readingBadge(input({ reading: r, knownChapters: known(20), chapters: { posted: 20, expected: null }, complete: false }))?.text).toBe('Read 1/20');
    // Opened, never read to the end, and chapters posted since.
    const opened = reading([], { lastVisit: NOW - 12 * DAY });
    expect(readingBadge(input({ reading: opened, knownChapters: known(3), chapters: { posted: 5, expected: null }, complete: false }))?.text).toBe('Opened 12 days ago · 2 new since you last looked');
    // Without a chapter list from a work page, what the reader saw is unknown: nothing is called new.
    expect(readingBadge(input({ reading: r, chapters: { posted: 22, expected: null }, complete: false }))?.text).toBe('Read 1/22');
  });

  it('a one-shot read, then grown into a work in chapters: its new chapters show', () => {
    // A one-shot's page lists no chapters: what it showed is the count kept with the visit.
    const r = reading([chapter(1, true, null)], { seenPosted: 1 });
    const badge = readingBadge(input({ reading: r, chapters: { posted: 3, expected: null }, complete: false, lastChapterId: 3003 }));
    expect(badge).toMatchObject({ kind: 'new', text: '2 new chapters', href: '/works/7/navigate' });
    // Opened, not read, then grown: said beside "Opened".
    const opened = reading([], { seenPosted: 1 });
    expect(readingBadge(input({ reading: opened, chapters: { posted: 2, expected: null }, complete: false }))?.text).toBe('Opened 12 days ago · 1 new since you last looked');
    // The count the page showed counts when the chapter list it kept is shorter.
    expect(readingBadge(input({ reading: reading([chapter(1, true)], { seenPosted: 20 }), knownChapters: known(1), chapters: { posted: 22, expected: null }, complete: false }))?.text).toBe('Read 1/22 · 2 new since you last looked');
  });

  it('a work marked finished in the saved list with nothing read is "Finished"', () => {
    const saved = { workId: 7, status: 'finished' as const, added: 0, changed: 0, note: '' };
    expect(readingBadge(input({ reading: reading([]), saved }))).toMatchObject({ text: 'Finished' });
  });

  it('formats numbers for the locale', () => {
    const r = reading(Array.from({ length: 1200 }, (_, i) => chapter(i + 1, true)));
    expect(readingBadge(input({ reading: r, chapters: { posted: 1500, expected: null }, complete: false, locale: 'en' }))?.text).toBe('Read 1,200/1,500');
    expect(readingBadge(input({ reading: r, knownChapters: known(1200), chapters: { posted: 1500, expected: null }, complete: false, locale: 'de' }))?.text).toBe('300 new chapters');
  });

  it('ignores read chapters beyond what is posted (deleted chapters)', () => {
    const r = reading([chapter(1, true), chapter(2, true), chapter(6, true)]);
    expect(readingBadge(input({ reading: r }))?.text).toBe('Read 2/5');
  });
});

describe('relative time', () => {
  it('says today, yesterday, days, months, years', () => {
    expect(relativeTime(NOW - 1000, NOW, 'en')).toBe('today');
    expect(relativeTime(NOW - DAY, NOW, 'en')).toBe('yesterday');
    expect(relativeTime(NOW - 12 * DAY, NOW, 'en')).toBe('12 days ago');
    expect(relativeTime(NOW - 95 * DAY, NOW, 'en')).toBe('3 months ago');
    expect(relativeTime(NOW - 800 * DAY, NOW, 'en')).toBe('2 years ago');
    expect(relativeTime(NOW + DAY, NOW, 'en')).toBe('today');
  });
});
