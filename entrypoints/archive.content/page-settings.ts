/**
 * Everything a page needs from the background's mirrors in storage.local,
 * asked for in one request at document_start: the rules (with the filter of
 * works that may have a reader state), the badge style, and the work
 * numbers' prefs. Each feature takes its part of the one reply.
 *
 * One reply, not three: a blurb released the moment the rules arrive then
 * always finds the numbers' prefs already read, and gets its numbers before
 * it paints — with separate replies the rules could come first, and the
 * numbers, drawn later, widened the stats of works already on screen. And a
 * page waits on one round trip instead of three.
 */
import { browser } from 'wxt/browser';
import { DISPLAY_PREFS_KEY } from '../../utils/library/display';
import { NUMBERS_PREFS_KEY } from '../../utils/reading/numbers-prefs';
import { STATE_FILTER_KEY } from '../../utils/reading/state-filter';
import { LISTING_CONFIG_KEY } from '../../utils/rules/listing-config';

/** What storage held under each key asked for (absent keys are missing). */
export type StoredSettings = Readonly<Record<string, unknown>>;

/** The one read; nothing (every feature's defaults: no rules, nothing hidden) when storage can't be read. */
export function readPageSettings(): Promise<StoredSettings> {
  return browser.storage.local.get([LISTING_CONFIG_KEY, STATE_FILTER_KEY, DISPLAY_PREFS_KEY, NUMBERS_PREFS_KEY]).catch(() => ({}));
}
