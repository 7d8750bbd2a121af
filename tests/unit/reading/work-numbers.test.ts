import { describe, expect, it } from 'vitest';
import { chapterKudosRatio, DEFAULT_WORDS_PER_MINUTE, durationParts, readingMinutes, wordsLeft } from '../../../utils/reading/work-numbers';

describe('the kudos ratio per chapter read', () => {
  it('is kudos ÷ (hits ÷ chapters posted)', () => {
    expect(chapterKudosRatio({ kudos: 50, hits: 1000, chapters: { posted: 1, expected: 1 } })).toBeCloseTo(0.05);
    // 10 chapters: 1,000 hits are about 100 readers' worth, 50 kudos of them is 50 %.
    expect(chapterKudosRatio({ kudos: 50, hits: 1000, chapters: { posted: 10, expected: 10 } })).toBeCloseTo(0.5);
  });

  it('uses the chapters posted, whatever is expected (`N/?` included)', () => {
    const known = chapterKudosRatio({ kudos: 30, hits: 600, chapters: { posted: 4, expected: 12 } });
    const unknown = chapterKudosRatio({ kudos: 30, hits: 600, chapters: { posted: 4, expected: null } });
    expect(known).toBeCloseTo(0.2);
    expect(unknown).toBe(known);
  });

  it('is unknown without hits, with unreadable kudos or without a chapter count', () => {
    expect(chapterKudosRatio({ kudos: 0, hits: 0, chapters: { posted: 1, expected: 1 } })).toBeNull();
    expect(chapterKudosRatio({ kudos: 3, hits: 0, chapters: { posted: 2, expected: null } })).toBeNull();
    expect(chapterKudosRatio({ kudos: null, hits: 100, chapters: { posted: 1, expected: 1 } })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: null, chapters: { posted: 1, expected: 1 } })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: 100, chapters: null })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: 100, chapters: { posted: 0, expected: null } })).toBeNull();
  });

  it('is 0 for a work with hits and no kudos (the archive shows none at zero)', () => {
    expect(chapterKudosRatio({ kudos: 0, hits: 250, chapters: { posted: 3, expected: null } })).toBe(0);
  });
});

describe('reading time', () => {
  it('is words ÷ words a minute, unknown without a word count', () => {
    expect(readingMinutes(5000, 250)).toBe(20);
    expect(readingMinutes(0, 250)).toBe(0);
    expect(readingMinutes(null, 250)).toBeNull();
  });

  it('falls back to the default speed for a speed that is no speed', () => {
    expect(readingMinutes(DEFAULT_WORDS_PER_MINUTE * 3, 0)).toBe(3);
    expect(readingMinutes(DEFAULT_WORDS_PER_MINUTE * 3, Number.NaN)).toBe(3);
  });

  it('splits into days, hours and minutes, at least a minute for any text', () => {
    expect(durationParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(0.2)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(durationParts(59.6)).toEqual({ days: 0, hours: 1, minutes: 0 });
    expect(durationParts(125)).toEqual({ days: 0, hours: 2, minutes: 5 });
    expect(durationParts(1440 * 2 + 61)).toEqual({ days: 2, hours: 1, minutes: 1 });
  });
});

describe('words left on a work page', () => {
  it('a one-shot: what is below the reading line', () => {
    expect(wordsLeft({ workWords: 1000, posted: 1, shown: [{ position: 1, words: 1000 }], at: { position: 1, scroll: 0.25 } })).toEqual({ chapter: 750, work: 750 });
    expect(wordsLeft({ workWords: 1000, posted: 1, shown: [{ position: 1, words: 1000 }], at: null })).toEqual({ chapter: 1000, work: 1000 });
  });

  it('a chapter page: the chapters after it share what the work count leaves', () => {
    // 5 chapters, 10,000 words; chapter 2 has 3,000, the other four share 7,000.
    const left = wordsLeft({ workWords: 10_000, posted: 5, shown: [{ position: 2, words: 3000 }], at: { position: 2, scroll: 0.5 } });
    expect(left).toEqual({ chapter: 1500, work: 1500 + 3 * 1750 });
  });

  it('the last chapter: nothing after it', () => {
    expect(wordsLeft({ workWords: 9000, posted: 3, shown: [{ position: 3, words: 2000 }], at: { position: 3, scroll: 1 } })).toEqual({ chapter: 0, work: 0 });
  });

  it('the whole work: every chapter after this one counted exactly', () => {
    const shown = [{ position: 1, words: 100 }, { position: 2, words: 200 }, { position: 3, words: 300 }];
    expect(wordsLeft({ workWords: 999, posted: 3, shown, at: { position: 2, scroll: 0.5 } })).toEqual({ chapter: 100, work: 400 });
  });

  it('nothing to say without a chapter text', () => {
    expect(wordsLeft({ workWords: 1000, posted: 2, shown: [{ position: 1, words: null }], at: null })).toBeNull();
  });

  it('a work count smaller than the chapter shown (edited since) leaves nothing to share, never less than nothing', () => {
    expect(wordsLeft({ workWords: 500, posted: 3, shown: [{ position: 1, words: 800 }], at: null })).toEqual({ chapter: 800, work: 800 });
  });
});
