/**
 * The reader's own reading speed, learned from their reading: each chapter
 * they read to its end on a work page gives one sample, the chapter's words
 * ÷ the time they spent on it. A tab left open must not teach it anything,
 * so:
 *
 * - only active time counts: the page visible, and at most `IDLE_MS` after
 *   the reader last scrolled, pressed a key, touched or moved the pointer
 *   (reading a screenful takes well under that; a tab left open stops
 *   counting once it passes);
 * - a sample outside what people read at (`MIN_WPM`..`MAX_WPM`) is dropped —
 *   a chapter skimmed, or marked read by hand;
 * - the speed is the median of the last `KEPT_SAMPLES` samples, so an odd
 *   one left does not move it, and it is used only from `MIN_SAMPLES` on.
 *
 * Pure; the work page feeds it what it sees (features/reading-speed.ts), and
 * the background keeps the samples in the settings.
 */
import { DEFAULT_WORDS_PER_MINUTE } from './work-numbers';

/** The longest stretch without any sign of the reader that still counts as reading. */
export const IDLE_MS = 2 * 60_000;
/** Chapters shorter than this say little about a speed (a note, a drabble read in seconds). */
export const MIN_SAMPLE_WORDS = 300;
export const MIN_WPM = 80;
export const MAX_WPM = 1200;
/** Samples kept: the last ones, so the speed follows the reader over time. */
export const KEPT_SAMPLES = 25;
/** Samples needed before the learned speed replaces the default. */
export const MIN_SAMPLES = 3;
/** What a reader may set by hand, in words a minute. */
export const SPEED_LIMITS = { min: 30, max: 3000 } as const;

/**
 * Active reading time, from the moments the page says something happened: counts while the page
 * is visible, and each stretch without activity for at most `IDLE_MS`. Times are in milliseconds
 * from any fixed origin (`performance.now()`).
 */
export class ActiveClock {
  private total = 0;
  private mark: number;
  private lastActive: number;
  private visible: boolean;

  constructor(now: number, visible: boolean, private readonly idleMs = IDLE_MS) {
    this.mark = now;
    this.lastActive = now;
    this.visible = visible;
  }

  private credit(now: number): number {
    if (!this.visible) return 0;
    const until = Math.min(now, this.lastActive + this.idleMs);
    return Math.max(0, until - this.mark);
  }

  private settle(now: number): void {
    this.total += this.credit(now);
    this.mark = Math.max(this.mark, now);
  }

  /** The reader did something: scrolled, pressed a key, touched or pointed. */
  activity(now: number): void {
    this.settle(now);
    this.lastActive = now;
  }

  /** The page was shown or hidden; showing it is activity. */
  setVisible(visible: boolean, now: number): void {
    this.settle(now);
    this.visible = visible;
    if (visible) this.lastActive = now;
  }

  /** Active time so far. */
  ms(now: number): number {
    return this.total + this.credit(now);
  }
}

/** One chapter's words a minute, or null when it says nothing about the reader's speed. */
export function speedSample(words: number, activeMs: number): number | null {
  if (!Number.isFinite(words) || !Number.isFinite(activeMs) || words < MIN_SAMPLE_WORDS || activeMs <= 0) return null;
  const wpm = words / (activeMs / 60_000);
  return wpm >= MIN_WPM && wpm <= MAX_WPM ? Math.round(wpm) : null;
}

/** The samples with a new one, the oldest dropped beyond `KEPT_SAMPLES`. */
export function withSample(samples: readonly number[], wpm: number): number[] {
  return [...samples, wpm].slice(-KEPT_SAMPLES);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The learned speed: the median of the samples, once there are enough of them. */
export function learnedWordsPerMinute(samples: readonly number[]): number | null {
  return samples.length < MIN_SAMPLES ? null : Math.round(median(samples));
}

export type SpeedSource = 'set' | 'learned' | 'default';

export interface ReadingSpeed {
  wordsPerMinute: number;
  source: SpeedSource;
}

/** The speed in use: the reader's own figure if they set one, else the learned one, else the default. */
export function readingSpeed(set: number | null, samples: readonly number[]): ReadingSpeed {
  if (set !== null) return { wordsPerMinute: set, source: 'set' };
  const learned = learnedWordsPerMinute(samples);
  return learned === null ? { wordsPerMinute: DEFAULT_WORDS_PER_MINUTE, source: 'default' } : { wordsPerMinute: learned, source: 'learned' };
}
