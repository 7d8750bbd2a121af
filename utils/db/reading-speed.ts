/**
 * The reader's reading speed samples (utils/reading/reading-speed.ts), kept
 * in the settings store: one chapter read to its end adds one, in one
 * transaction that reads the samples and writes them back, so two tabs
 * finishing chapters at once both count.
 */
import { speedSample, withSample } from '../reading/reading-speed';
import type { ShelfmarkDb } from './schema';
import { forgetSettings, getSettings, settingsFromRecords, type Settings } from './settings';
import { inTransaction } from './transaction';
import type { Millis } from './types';

const KEY = 'readingSpeedSamples';

/** Adds the sample a chapter of `words` read in `activeMs` gives, if it gives one; returns the settings as they now are. */
export async function addReadingSpeedSample(db: ShelfmarkDb, words: number, activeMs: number, now: Millis): Promise<{ added: boolean; settings: Settings }> {
  const wpm = speedSample(words, activeMs);
  if (wpm === null) return { added: false, settings: await getSettings(db) };
  await inTransaction(db, ['settings'], 'readwrite', async (tx) => {
    const store = tx.objectStore('settings');
    const samples = settingsFromRecords(await store.getAll()).readingSpeedSamples;
    await store.put({ key: KEY, value: withSample(samples, wpm), changed: now });
  });
  forgetSettings(db);
  return { added: true, settings: await getSettings(db) };
}
