import { describe, expect, it } from 'vitest';
import { applyChaptersRead, applyScrollPosition, applyVisit, mergeReadingRecords } from '../../../utils/db/reading';
import { DAY, T0 } from './fixtures';

describe('reading records', () => {
  it('counts visits and keeps the first and last visit', () => {
    let r = applyVisit(undefined, 7, { id: 301, position: 1 }, T0);
    r = applyVisit(r, 7, { id: 302, position: 2 }, T0 + DAY);
    expect(r).toMatchObject({ workId: 7, visitCount: 2, firstVisit: T0, lastVisit: T0 + DAY, lastChapter: { id: 302, position: 2, at: T0 + DAY } });
  });

  it('marks chapters read and unread, keeping the first read time', () => {
    let r = applyChaptersRead(undefined, 7, [{ id: 301, position: 1 }, { id: 302, position: 2 }], true, T0);
    r = applyChaptersRead(r, 7, [{ id: 301, position: 1 }], true, T0 + DAY);
    expect(r.chapters.map((c) => [c.id, c.readAt])).toEqual([[301, T0], [302, T0]]);
    // Re-reading chapter 1 makes it the chapter the reader was last on.
    expect(r.lastChapter).toEqual({ id: 301, position: 1, at: T0 + DAY });
    r = applyChaptersRead(r, 7, [{ id: 302, position: 2 }], false, T0 + DAY);
    expect(r.chapters.find((c) => c.id === 302)?.readAt).toBeNull();
    expect(r.visitCount).toBe(0);
  });

  it('keeps a scroll position per chapter, one-shots by position', () => {
    let r = applyScrollPosition(undefined, 7, { id: null, position: 1 }, 0.4, T0);
    r = applyScrollPosition(r, 7, { id: null, position: 1 }, 0.9, T0 + 1);
    expect(r.chapters).toEqual([{ id: null, position: 1, readAt: null, scroll: 0.9, scrollAt: T0 + 1 }]);
  });

  it('merges two records without double counting visits', () => {
    const local = applyChaptersRead(applyVisit(applyVisit(undefined, 7, null, T0), 7, null, T0 + DAY), 7, [{ id: 301, position: 1 }], true, T0);
    const imported = applyChaptersRead(applyVisit(undefined, 7, { id: 302, position: 2 }, T0 - DAY), 7, [{ id: 302, position: 2 }], true, T0 - DAY);
    const merged = mergeReadingRecords(local, imported);
    expect(merged.visitCount).toBe(2);
    expect(merged.firstVisit).toBe(T0 - DAY);
    expect(merged.lastVisit).toBe(T0 + DAY);
    expect(merged.chapters.map((c) => c.id)).toEqual([301, 302]);
    expect(merged.lastChapter).toEqual({ id: 301, position: 1, at: T0 });
  });

  it('keeps the chapters posted as of the latest visit to the work\'s page, also through a merge', () => {
    let r = applyVisit(undefined, 7, { id: null, position: 1 }, T0 + DAY, 1);
    // A visit recorded late (an older time) or from a page that did not say leaves it alone.
    r = applyVisit(r, 7, null, T0, 5);
    r = applyVisit(r, 7, null, T0 + 2 * DAY, null);
    expect(r.seenPosted).toBe(1);
    r = applyVisit(r, 7, null, T0 + 3 * DAY, 3);
    expect(r.seenPosted).toBe(3);
    const older = applyVisit(undefined, 7, null, T0, 2);
    expect(mergeReadingRecords(r, older).seenPosted).toBe(3);
    expect(mergeReadingRecords(older, r).seenPosted).toBe(3);
    // A side that never kept it (an older backup) takes the other's.
    const { seenPosted: _, ...without } = r;
    expect(mergeReadingRecords(without, older).seenPosted).toBe(2);
    expect('seenPosted' in mergeReadingRecords(without, applyVisit(undefined, 7, null, T0))).toBe(false);
  });
});
