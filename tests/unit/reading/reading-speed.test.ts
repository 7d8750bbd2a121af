import { describe, expect, it } from 'vitest';
import { ActiveClock, IDLE_MS, KEPT_SAMPLES, learnedWordsPerMinute, MAX_WPM, MIN_SAMPLES, MIN_WPM, readingSpeed, speedSample, withSample } from '../../../utils/reading/reading-speed';
import { DEFAULT_WORDS_PER_MINUTE } from '../../../utils/reading/work-numbers';

const MINUTE = 60_000;

describe('active reading time', () => {
  it('counts visible time while the reader keeps doing something', () => {
    const clock = new ActiveClock(0, true);
    for (let t = MINUTE; t <= 10 * MINUTE; t += MINUTE) clock.activity(t);
    expect(clock.ms(10 * MINUTE)).toBe(10 * MINUTE);
  });

  it('a tab left open stops counting once the reader has been idle for IDLE_MS', () => {
    const clock = new ActiveClock(0, true);
    clock.activity(MINUTE);
    // Left open overnight.
    expect(clock.ms(8 * 60 * MINUTE)).toBe(MINUTE + IDLE_MS);
    // Back, and reading again: the night still counts for no more than IDLE_MS.
    clock.activity(8 * 60 * MINUTE);
    clock.activity(8 * 60 * MINUTE + MINUTE);
    expect(clock.ms(8 * 60 * MINUTE + MINUTE)).toBe(MINUTE + IDLE_MS + MINUTE);
  });

  it('a hidden page counts nothing, however active the reader is elsewhere', () => {
    const clock = new ActiveClock(0, true);
    clock.activity(MINUTE);
    clock.setVisible(false, MINUTE);
    clock.activity(5 * MINUTE);
    expect(clock.ms(30 * MINUTE)).toBe(MINUTE);
    clock.setVisible(true, 30 * MINUTE);
    expect(clock.ms(31 * MINUTE)).toBe(2 * MINUTE);
  });

  it('a page opened in the background counts from when it is shown', () => {
    const clock = new ActiveClock(0, false);
    clock.setVisible(true, 60 * MINUTE);
    clock.activity(61 * MINUTE);
    expect(clock.ms(61 * MINUTE)).toBe(MINUTE);
  });
});

describe('speed samples', () => {
  it('is words ÷ minutes of active time', () => {
    expect(speedSample(3000, 10 * MINUTE)).toBe(300);
  });

  it('drops what no reader reads at: a skimmed chapter, a tab left open, a chapter too short to tell', () => {
    expect(speedSample(3000, 10_000)).toBeNull();
    expect(speedSample(3000, 3000 / (MIN_WPM - 1) * MINUTE)).toBeNull();
    expect(speedSample(3000, 3000 / (MAX_WPM + 1) * MINUTE)).toBeNull();
    expect(speedSample(100, MINUTE / 2)).toBeNull();
    expect(speedSample(3000, 0)).toBeNull();
  });

  it('keeps the last KEPT_SAMPLES', () => {
    let samples: number[] = [];
    for (let i = 1; i <= KEPT_SAMPLES + 5; i++) samples = withSample(samples, i);
    expect(samples).toHaveLength(KEPT_SAMPLES);
    expect(samples[0]).toBe(6);
    expect(samples.at(-1)).toBe(KEPT_SAMPLES + 5);
  });
});

describe('the learned reading speed', () => {
  it('is the median of the samples, once there are enough', () => {
    expect(learnedWordsPerMinute([300, 320].slice(0, MIN_SAMPLES - 1))).toBeNull();
    expect(learnedWordsPerMinute([300, 280, 320])).toBe(300);
    expect(learnedWordsPerMinute([300, 280, 320, 340])).toBe(310);
  });

  it('tabs left open do not skew it: each counts idle time for at most IDLE_MS, and an odd sample left does not move the median', () => {
    // Ten chapters of 3,000 words read at 300 wpm (10 active minutes each, a sign of life every 30 s).
    let samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const clock = new ActiveClock(0, true);
      for (let t = 30_000; t <= 10 * MINUTE; t += 30_000) clock.activity(t);
      samples = withSample(samples, speedSample(3000, clock.ms(10 * MINUTE))!);
    }
    // Two chapters left open for hours before the reader came back and finished them.
    for (let i = 0; i < 2; i++) {
      const clock = new ActiveClock(0, true);
      for (let t = 30_000; t <= 5 * MINUTE; t += 30_000) clock.activity(t);
      for (let t = 300 * MINUTE; t <= 305 * MINUTE; t += 30_000) clock.activity(t);
      const sample = speedSample(3000, clock.ms(305 * MINUTE));
      // 12 active minutes at most (10 of reading, 2 idle): still a plausible sample, close to the truth.
      expect(sample).toBe(250);
      samples = withSample(samples, sample!);
    }
    expect(learnedWordsPerMinute(samples)).toBe(300);
  });

  it('the reader’s own figure wins, then the learned one, then the default', () => {
    expect(readingSpeed(null, [])).toEqual({ wordsPerMinute: DEFAULT_WORDS_PER_MINUTE, source: 'default' });
    expect(readingSpeed(null, [200, 210, 220])).toEqual({ wordsPerMinute: 210, source: 'learned' });
    expect(readingSpeed(400, [200, 210, 220])).toEqual({ wordsPerMinute: 400, source: 'set' });
  });
});
