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
    expect(mergeWorkSnapshot(undefined, work(), T0)).toEqual({ ...work(), firstSeen: T0, lastSeen: T0 });
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
    const merged = mergeWorkSnapshot(stored, newer, T0 + DAY);
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
    const merged = mergeWorkSnapshot(stored, older, T0 + DAY);
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
    const merged = mergeWorkSnapshot(stored, older, T0 + 1);
    expect(merged.language).toBe('English');
    expect(merged.words).toBe(12_345);
    expect(merged.rating).toBe('Teen And Up Audiences');
  });

  it('keeps known chapter ids when a listing blurb has none', () => {
    const stored = record(work(), T0);
    const blurb = work({ chapters: [], updatedAt: work().updatedAt! + 60, chapterCount: { posted: 3, expected: 5 } });
    expect(mergeWorkSnapshot(stored, blurb, T0 + 1).chapters).toEqual(work().chapters);
  });

  it('unions chapter lists from partial pages, the fresher title winning', () => {
    const stored = record(work({ chapters: [{ id: 301, position: 1, title: 'Old name' }], chapterCount: { posted: 3, expected: 5 } }));
    const page = work({ chapters: [{ id: 301, position: 1, title: 'In the Beginning' }, { id: 303, position: 3, title: 'Soho' }] });
    expect(mergeWorkSnapshot(stored, page, T0).chapters).toEqual([
      { id: 301, position: 1, title: 'In the Beginning' },
      { id: 303, position: 3, title: 'Soho' },
    ]);
  });

  it('drops chapters a newer complete chapter list no longer has (deleted by the author)', () => {
    const stored = record(work());
    const page = work({ updatedAt: work().updatedAt! + 1, chapterCount: { posted: 2, expected: 5 }, chapters: [work().chapters[0]!, work().chapters[2]!] });
    expect(mergeWorkSnapshot(stored, page, T0).chapters.map((c) => c.id)).toEqual([301, 303]);
  });

  it('does not erase freeform tags or warnings hidden by the archive preference', () => {
    const stored = record(work());
    const hidden = work({
      updatedAt: work().updatedAt! + 100,
      tags: { ...work().tags, freeform: [], warning: [] },
      hiddenTags: { warnings: true, freeforms: true },
    });
    const merged = mergeWorkSnapshot(stored, hidden, T0 + 1);
    expect(merged.tags.freeform).toEqual(work().tags.freeform);
    expect(merged.tags.warning).toEqual(work().tags.warning);
    expect(merged.hiddenTags).toEqual({ warnings: false, freeforms: false });
  });

  it('learns hidden tags once a page shows them, even an older page', () => {
    const stored = record(work({ tags: { ...work().tags, freeform: [] }, hiddenTags: { warnings: false, freeforms: true } }));
    const older = work({ updatedAt: 1, updated: '2020-01-01' });
    const merged = mergeWorkSnapshot(stored, older, T0);
    expect(merged.tags.freeform).toEqual(work().tags.freeform);
    expect(merged.hiddenTags.freeforms).toBe(false);
  });

  it('keeps the exact revision time from a blurb when a work page of the same day lacks it', () => {
    const stored = record(work());
    const page = work({ updatedAt: null });
    expect(mergeWorkSnapshot(stored, page, T0).updatedAt).toBe(work().updatedAt);
  });

  it('never empties the title, authors or fandoms', () => {
    const stored = record(work());
    const partial = work({ updatedAt: work().updatedAt! + 5, title: '', authors: [], fandoms: [] });
    const merged = mergeWorkSnapshot(stored, partial, T0);
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
