import { describe, expect, it } from 'vitest';
import { compareRevision, mergeWorkRecords, mergeWorkSnapshot } from '../../../utils/db/merge-work';
import { DAY, record, T0, work } from './fixtures';

describe('compareRevision', () => {
  it('orders by updatedAt, then the updated date, then chapters posted', () => {
    expect(compareRevision(work({ updatedAt: 200 }), work({ updatedAt: 100 }))).toBe('newer');
    expect(compareRevision(work({ updatedAt: 100 }), work({ updatedAt: 200 }))).toBe('older');
    expect(compareRevision(work({ updatedAt: null, updated: '2024-05-02' }), work({ updatedAt: 5, updated: '2024-05-01' }))).toBe('newer');
    expect(compareRevision(work({ updatedAt: null, updated: null, chapterCount: { posted: 4, expected: 5 } }), work())).toBe('newer');
    expect(compareRevision(work({ updatedAt: null, updated: null, chapterCount: { posted: 2, expected: 5 } }), work())).toBe('older');
    expect(compareRevision(work(), work())).toBe('same');
    expect(compareRevision(work({ updatedAt: null, updated: null, chapterCount: null }), work())).toBe('same');
  });
});

describe('mergeWorkSnapshot', () => {
  it('creates the record with first and last seen on first sight', () => {
    expect(mergeWorkSnapshot(undefined, work(), T0, 'listing')).toEqual({ ...work(), firstSeen: T0, lastSeen: T0, factsFrom: { page: 'listing', at: T0 } });
  });

  it('takes every fact of a newer page', () => {
    const stored = record(work(), T0);
    const newer = work({
      title: 'The Long Way Round (Revised)',
      words: 20_000,
      updated: '2024-04-01',
      updatedAt: 1_711_929_600,
      chapterCount: { posted: 4, expected: 5 },
      chapters: [...work().chapters, { id: 304, position: 4, title: 'Tadfield' }],
      tags: { ...work().tags, relationship: [] },
      complete: false,
    });
    const merged = mergeWorkSnapshot(stored, newer, T0 + DAY, 'listing');
    expect(merged.title).toBe('The Long Way Round (Revised)');
    expect(merged.words).toBe(20_000);
    expect(merged.chapterCount).toEqual({ posted: 4, expected: 5 });
    expect(merged.chapters.map((c) => c.id)).toEqual([301, 302, 303, 304]);
    // A newer page's tag list is the whole list: a relationship removed by the author goes.
    expect(merged.tags.relationship).toEqual([]);
    expect(merged.updated).toBe('2024-04-01');
    expect(merged.firstSeen).toBe(T0);
    expect(merged.lastSeen).toBe(T0 + DAY);
  });

  it('never lets an older page overwrite newer facts, but advances last seen', () => {
    const stored = record(work({ words: 20_000, updated: '2024-04-01', updatedAt: 1_711_929_600, chapterCount: { posted: 4, expected: 5 } }), T0);
    const older = work({ words: 9_000, title: 'Old Title', chapterCount: { posted: 2, expected: 5 }, tags: { ...work().tags, freeform: ['Old Tag'] } });
    const merged = mergeWorkSnapshot(stored, older, T0 + DAY, 'listing');
    expect(merged.words).toBe(20_000);
    expect(merged.title).toBe('The Long Way Round');
    expect(merged.chapterCount).toEqual({ posted: 4, expected: 5 });
    expect(merged.updatedAt).toBe(1_711_929_600);
    expect(merged.tags.freeform).toEqual(work().tags.freeform);
    expect(merged.lastSeen).toBe(T0 + DAY);
    expect(merged.firstSeen).toBe(T0);
  });

  it('lets an older page fill facts that were unknown', () => {
    const stored = record(work({ language: null, words: null, rating: null }), T0);
    const older = work({ updatedAt: 1, updated: '2020-01-01' });
    const merged = mergeWorkSnapshot(stored, older, T0 + 1, 'listing');
    expect(merged.language).toBe('English');
    expect(merged.words).toBe(12_345);
    expect(merged.rating).toBe('Teen And Up Audiences');
  });

  it('keeps known chapter ids when a listing blurb has none', () => {
    const stored = record(work(), T0);
    const blurb = work({ chapters: [], updatedAt: work().updatedAt! + 60, chapterCount: { posted: 3, expected: 5 } });
    expect(mergeWorkSnapshot(stored, blurb, T0 + 1, 'listing').chapters).toEqual(work().chapters);
  });

  it('unions chapter lists from partial pages, the fresher title winning', () => {
    const stored = record(work({ chapters: [{ id: 301, position: 1, title: 'Old name' }], chapterCount: { posted: 3, expected: 5 } }));
    const page = work({ chapters: [{ id: 301, position: 1, title: 'In the Beginning' }, { id: 303, position: 3, title: 'Soho' }] });
    expect(mergeWorkSnapshot(stored, page, T0, 'work').chapters).toEqual([
      { id: 301, position: 1, title: 'In the Beginning' },
      { id: 303, position: 3, title: 'Soho' },
    ]);
  });

  it('drops chapters a newer complete chapter list no longer has (deleted by the author)', () => {
    const stored = record(work());
    const page = work({ updatedAt: work().updatedAt! + 1, chapterCount: { posted: 2, expected: 5 }, chapters: [work().chapters[0]!, work().chapters[2]!] });
    expect(mergeWorkSnapshot(stored, page, T0, 'work').chapters.map((c) => c.id)).toEqual([301, 303]);
  });

  it('does not erase freeform tags or warnings hidden by the archive preference', () => {
    const stored = record(work());
    const hidden = work({
      updatedAt: work().updatedAt! + 100,
      tags: { ...work().tags, freeform: [], warning: [] },
      hiddenTags: { warnings: true, freeforms: true },
    });
    const merged = mergeWorkSnapshot(stored, hidden, T0 + 1, 'listing');
    expect(merged.tags.freeform).toEqual(work().tags.freeform);
    expect(merged.tags.warning).toEqual(work().tags.warning);
    expect(merged.hiddenTags).toEqual({ warnings: false, freeforms: false });
  });

  it('learns hidden tags once a page shows them, even an older page', () => {
    const stored = record(work({ tags: { ...work().tags, freeform: [] }, hiddenTags: { warnings: false, freeforms: true } }));
    const older = work({ updatedAt: 1, updated: '2020-01-01' });
    const merged = mergeWorkSnapshot(stored, older, T0, 'listing');
    expect(merged.tags.freeform).toEqual(work().tags.freeform);
    expect(merged.hiddenTags.freeforms).toBe(false);
  });

  it('keeps the exact revision time from a blurb when a work page of the same day lacks it', () => {
    const stored = record(work());
    const page = work({ updatedAt: null });
    expect(mergeWorkSnapshot(stored, page, T0, 'work').updatedAt).toBe(work().updatedAt);
  });

  it('never empties the title, authors or fandoms', () => {
    const stored = record(work());
    const partial = work({ updatedAt: work().updatedAt! + 5, title: '', authors: [], fandoms: [] });
    const merged = mergeWorkSnapshot(stored, partial, T0, 'listing');
    expect(merged.title).toBe('The Long Way Round');
    expect(merged.authors).toEqual(work().authors);
    expect(merged.fandoms).toEqual(work().fandoms);
  });

  it('merges two records, widening the seen range', () => {
    const a = record(work({ words: 100, updatedAt: 10 }), T0, T0 + DAY);
    const b = record(work({ words: 200, updatedAt: 20 }), T0 - DAY, T0);
    const merged = mergeWorkRecords(a, b);
    expect(merged.words).toBe(200);
    expect(merged.firstSeen).toBe(T0 - DAY);
    expect(merged.lastSeen).toBe(T0 + DAY);
    expect(mergeWorkRecords(b, a).words).toBe(200);
  });
});

describe('what a page script can forge', () => {
  const FAR_FUTURE = 4_102_444_800; // 2100-01-01, in seconds
  const forged = (overrides = {}) =>
    work({ title: 'Forged', authors: [{ login: 'mallory', pseud: 'mallory' }], rating: 'Explicit', tags: { ...work().tags, freeform: ['Forged Tag'] }, chapters: [], ...overrides });
  /** What the reader's visit to the work page stored. */
  const visited = () => mergeWorkSnapshot(undefined, work({ updatedAt: null }), T0, 'work');

  it('a date in the future makes no blurb newer, and is not kept', () => {
    const stored = mergeWorkSnapshot(undefined, work(), T0, 'listing');
    const merged = mergeWorkSnapshot(stored, forged({ updatedAt: FAR_FUTURE, updated: '2100-01-01' }), T0 + DAY, 'listing');
    expect(merged).toMatchObject({ title: work().title, authors: work().authors, rating: work().rating, tags: work().tags });
    expect(merged).toMatchObject({ updated: work().updated, updatedAt: work().updatedAt });
  });

  it('an honest page corrects facts a future-dated blurb left before this check', () => {
    const poisoned = { ...record(forged({ updatedAt: FAR_FUTURE, updated: '2100-01-01' })), factsFrom: { page: 'listing' as const, at: T0 } };
    expect(mergeWorkSnapshot(poisoned, work(), T0 + DAY, 'listing')).toMatchObject({ title: work().title, tags: work().tags, updatedAt: work().updatedAt });
    expect(mergeWorkSnapshot(poisoned, work({ updatedAt: null }), T0 + DAY, 'work')).toMatchObject({ title: work().title, updated: work().updated, updatedAt: null });
  });

  it('a blurb never overwrites what the work’s own page said more recently, whatever revision it claims up to that visit', () => {
    const visitedAt = T0;
    const claims = [work().updatedAt! + 60, visitedAt / 1000 - 1, visitedAt / 1000];
    for (const updatedAt of claims) {
      const merged = mergeWorkSnapshot(visited(), forged({ updatedAt }), visitedAt + DAY, 'listing');
      expect(merged, String(updatedAt)).toMatchObject({ title: work().title, authors: work().authors, rating: work().rating, tags: work().tags });
      expect(merged.factsFrom, String(updatedAt)).toEqual({ page: 'work', at: visitedAt });
      expect(merged.lastSeen).toBe(visitedAt + DAY);
    }
    // Nor does one that gives no revision at all.
    expect(mergeWorkSnapshot(visited(), forged({ updatedAt: null, updated: null }), visitedAt + DAY, 'listing').title).toBe(work().title);
  });

  it('a blurb of a revision made after the visit does update the facts (the author changed the work)', () => {
    const revised = work({ title: 'Renamed by the author', chapters: [], updatedAt: T0 / 1000 + 3_600, updated: '2024-05-01' });
    const merged = mergeWorkSnapshot(visited(), revised, T0 + DAY, 'listing');
    expect(merged.title).toBe('Renamed by the author');
    expect(merged.chapters).toEqual(work().chapters);
    expect(merged.factsFrom).toEqual({ page: 'listing', at: T0 + DAY });
  });

  it('the work’s own page, opened later, corrects what a blurb said, whatever revision it claimed', () => {
    const fooled = mergeWorkSnapshot(undefined, forged({ updatedAt: T0 / 1000 - 60 }), T0, 'listing');
    expect(fooled.title).toBe('Forged');
    const merged = mergeWorkSnapshot(fooled, work({ updatedAt: null }), T0 + DAY, 'work');
    expect(merged).toMatchObject({ title: work().title, authors: work().authors, rating: work().rating, tags: work().tags, chapters: work().chapters });
    expect(merged.factsFrom).toEqual({ page: 'work', at: T0 + DAY });
    // A page that visit's tab sends later (a stale tab) does not undo a later visit.
    const later = mergeWorkSnapshot(merged, work({ updatedAt: null, title: 'Older tab', updated: '2024-01-01' }), T0 + DAY - 1, 'work');
    expect(later.title).toBe(work().title);
  });

  it('an import keeps the record’s source', () => {
    const merged = mergeWorkRecords(visited(), record(work({ words: 99_999, updatedAt: work().updatedAt! + 10 })));
    expect(merged.words).toBe(99_999);
    expect(merged.factsFrom).toEqual({ page: 'work', at: T0 });
  });
});
