import { describe, expect, it } from 'vitest';
import { countWords, DWELL_WORDS_PER_MINUTE, dwellLeft, dwellMs, MIN_DWELL_MS, readEnough } from '../../../utils/reading/read-evidence';

describe('evidence of reading a chapter', () => {
  it('counts words as runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  The  quick\nbrown fox\tjumped. ')).toBe(5);
  });

  it('asks for the time a generous reading speed takes, never less than the floor', () => {
    expect(DWELL_WORDS_PER_MINUTE).toBeGreaterThanOrEqual(600);
    expect(MIN_DWELL_MS).toBeGreaterThan(1000);
    expect(dwellMs(0)).toBe(MIN_DWELL_MS);
    expect(dwellMs(50)).toBe(MIN_DWELL_MS);
    expect(dwellMs(DWELL_WORDS_PER_MINUTE)).toBe(60_000);
    expect(dwellMs(DWELL_WORDS_PER_MINUTE * 2.5)).toBe(150_000);
  });

  it('a short chapter in view from the start is not read the moment it opens, only once its reading time has passed', () => {
    const opened = { endInView: true, scrolledToEnd: false, words: 200 };
    expect(readEnough({ ...opened, visibleMs: 0 })).toBe(false);
    expect(readEnough({ ...opened, visibleMs: 1000 })).toBe(false);
    expect(readEnough({ ...opened, visibleMs: dwellMs(200) - 1 })).toBe(false);
    expect(readEnough({ ...opened, visibleMs: dwellMs(200) })).toBe(true);
    expect(dwellLeft(1000, 200)).toBe(dwellMs(200) - 1000);
    expect(dwellLeft(dwellMs(200) + 5, 200)).toBe(0);
  });

  it('the end scrolled into view counts at once; without the end in view nothing counts', () => {
    expect(readEnough({ endInView: true, scrolledToEnd: true, visibleMs: 300, words: 5000 })).toBe(true);
    expect(readEnough({ endInView: false, scrolledToEnd: true, visibleMs: 3_600_000, words: 10 })).toBe(false);
  });
});
