import { describe, expect, it } from 'vitest';
import { chapterMarks, isRead, lastActivity, resumePoint } from '../../../utils/reading/progress';
import type { ReadingRecord } from '../../../utils/db/types';

const record = (chapters: ReadingRecord['chapters'], overrides: Partial<ReadingRecord> = {}): ReadingRecord => ({
  workId: 1,
  chapters,
  lastChapter: null,
  visitCount: 1,
  firstVisit: 10,
  lastVisit: 10,
  ...overrides,
});

describe('reading progress', () => {
  const r = record([
    { id: 11, position: 1, readAt: 100, scroll: 1, scrollAt: 100 },
    { id: 12, position: 2, readAt: null, scroll: 0.6, scrollAt: 200 },
    { id: 13, position: 3, readAt: null, scroll: 0.01, scrollAt: 150 },
  ]);

  it('knows read chapters by id, or by position when ids are missing', () => {
    expect(isRead(r, { id: 11, position: 1 })).toBe(true);
    expect(isRead(r, { id: null, position: 1 })).toBe(true);
    expect(isRead(r, { id: 12, position: 2 })).toBe(false);
    expect(isRead(null, { id: 11, position: 1 })).toBe(false);
  });

  it('marks read chapters and the next unread one (none before anything is read)', () => {
    const list = [1, 2, 3].map((p) => ({ id: 10 + p, position: p }));
    const { read, nextUnread } = chapterMarks(r, list);
    expect([...read].map((c) => c.position)).toEqual([1]);
    expect(nextUnread?.position).toBe(2);
    expect(chapterMarks(record([]), list).nextUnread).toBeNull();
  });

  it('resumes at the chapter whose position was saved last, when partway through', () => {
    expect(resumePoint(r)).toEqual({ chapter: { id: 12, position: 2 }, scroll: 0.6, at: 200 });
    // Opening chapter 3 later without reading it doesn't lose the place…
    expect(resumePoint({ ...r, lastChapter: { id: 13, position: 3, at: 300 } })?.chapter.position).toBe(2);
    // …reading to the end of it does.
    expect(resumePoint(record([{ id: 12, position: 2, readAt: 250, scroll: 0.99, scrollAt: 250 }]))).toBeNull();
    expect(resumePoint(record([]))).toBeNull();
  });

  it('last activity is the latest of visits, reads and positions', () => {
    expect(lastActivity(r)).toBe(200);
    expect(lastActivity(record([], { lastVisit: null }))).toBeNull();
  });
});
