/**
 * What the content script needs to draw the work numbers (work-numbers.ts):
 * whether the reader wants them and their reading speed. The background
 * mirrors it into `storage.local` beside the listing config
 * (utils/messaging/listing-mirror.ts), which only the extension can read;
 * on the page it is drawn only inside closed shadow roots (closed-host.ts),
 * since the times it gives tell the reader's speed.
 */
import type { Settings } from '../db/settings';
import { readingSpeed, SPEED_LIMITS } from './reading-speed';
import { DEFAULT_WORDS_PER_MINUTE } from './work-numbers';

export const NUMBERS_PREFS_KEY = 'workNumbers';

export interface NumbersPrefs {
  show: boolean;
  wordsPerMinute: number;
}

export const DEFAULT_NUMBERS_PREFS: NumbersPrefs = { show: true, wordsPerMinute: DEFAULT_WORDS_PER_MINUTE };

export function numbersPrefsOf(settings: Pick<Settings, 'workNumbers' | 'readingSpeed' | 'readingSpeedSamples'>): NumbersPrefs {
  return { show: settings.workNumbers, wordsPerMinute: readingSpeed(settings.readingSpeed, settings.readingSpeedSamples).wordsPerMinute };
}

/** The stored mirror, or the defaults when it is missing or misshapen. */
export function numbersPrefsFrom(value: unknown): NumbersPrefs {
  if (typeof value !== 'object' || value === null) return DEFAULT_NUMBERS_PREFS;
  const v = value as Partial<NumbersPrefs>;
  const wpm = v.wordsPerMinute;
  const speedOk = typeof wpm === 'number' && Number.isFinite(wpm) && wpm >= SPEED_LIMITS.min && wpm <= SPEED_LIMITS.max;
  return { show: v.show !== false, wordsPerMinute: speedOk ? wpm : DEFAULT_WORDS_PER_MINUTE };
}
