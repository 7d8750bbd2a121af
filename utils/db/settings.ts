/**
 * The reader's settings: a registry of known keys with their defaults and
 * checks. Later features add keys here; the store keeps one record per key.
 */
import { HIDDEN_WORKS_STYLES, type HiddenWorksStyle } from '../rules/listing-config';
import { BADGE_STYLES, THEMES, type BadgeStyle, type Theme } from '../library/display';
import { KEPT_SAMPLES, MAX_WPM, MIN_WPM, SPEED_LIMITS } from '../reading/reading-speed';
import { array, bool, type Check, int, isPlainObject, nullable, object, oneOf, str } from './check';
import { inTransaction, RequestGroup } from './transaction';
import type { ShelfmarkDb } from './schema';
import type { Millis, SettingRecord } from './types';

export interface Settings {
  /** Record visits and reading from private (incognito) windows. */
  recordPrivateWindows: boolean;
  /** Works the reader chose to always see, whatever rules hide them. */
  alwaysShow: number[];
  /** Hidden works dimmed, as a one-line placeholder, or removed from the page: the severity of hide rules that have none. */
  hiddenWorks: HiddenWorksStyle;
  /** Placeholders name the hidden work's title and creators (off by default: a title can be what the reader avoids). */
  placeholderTitles: boolean;
  /** Every hide/highlight rule paused, everywhere. */
  rulesPaused: boolean;
  /** Reading tracking paused: no visits, chapters read or reading positions recorded from pages. */
  trackingPaused: boolean;
  /** Reading and saved badges on listings: named, compact marks, or none. */
  badgeStyle: BadgeStyle;
  /** The popup's and options page's colours. */
  theme: Theme;
  /** Rules, settings, the saved list and reading progress through the browser's own sync (utils/sync). */
  syncEnabled: boolean;
  /** Kudos ratio per chapter and reading time on blurbs, time left on work pages. */
  workNumbers: boolean;
  /** The reader's own reading speed in words a minute; null: learned from `readingSpeedSamples`, or the default. */
  readingSpeed: number | null;
  /** Words a minute of the last chapters the reader read (utils/reading/reading-speed.ts), oldest first. */
  readingSpeedSamples: number[];
  /** Learn from the archive's tag pages what it files under each tag a rule names (off: rules match their text only). */
  learnTagFamilies: boolean;
}

export const SETTING_DEFAULTS: Settings = {
  recordPrivateWindows: false,
  alwaysShow: [],
  hiddenWorks: 'placeholder',
  placeholderTitles: false,
  rulesPaused: false,
  trackingPaused: false,
  badgeStyle: 'full',
  theme: 'system',
  syncEnabled: true,
  workNumbers: true,
  readingSpeed: null,
  readingSpeedSamples: [],
  learnTagFamilies: true,
};

const SETTING_CHECKS: { [K in keyof Settings]: Check<Settings[K]> } = {
  recordPrivateWindows: bool,
  alwaysShow: array(int({ min: 1 }), { max: 100_000 }),
  hiddenWorks: oneOf(...HIDDEN_WORKS_STYLES),
  placeholderTitles: bool,
  rulesPaused: bool,
  trackingPaused: bool,
  badgeStyle: oneOf(...BADGE_STYLES),
  theme: oneOf(...THEMES),
  syncEnabled: bool,
  workNumbers: bool,
  readingSpeed: nullable(int(SPEED_LIMITS)),
  readingSpeedSamples: array(int({ min: MIN_WPM, max: MAX_WPM }), { max: KEPT_SAMPLES }),
  learnTagFamilies: bool,
};

const isSettingKey = (key: string): key is keyof Settings => Object.hasOwn(SETTING_CHECKS, key);

export const checkSettings: Check<Settings> = object<Settings>(SETTING_CHECKS);

/** A partial settings object, as `settings/set` sends it: known keys only. */
export const checkSettingsPatch: Check<Partial<Settings>> = object<Settings>(SETTING_CHECKS, Object.keys(SETTING_CHECKS) as Array<keyof Settings>);

export const checkSettingRecord: Check<SettingRecord> = (value, path) => {
  const shape = object<SettingRecord>({ key: str({ nonEmpty: true, max: 200 }), value: () => null, changed: int({ min: 0 }) });
  const problem = shape(value, path);
  if (problem || !isPlainObject(value)) return problem;
  const key = value.key as string;
  if (!isSettingKey(key)) return `${path}.key: unknown setting ${JSON.stringify(key)}`;
  return SETTING_CHECKS[key](value.value, `${path}.value`);
};

export function settingsFromRecords(records: SettingRecord[]): Settings {
  const settings: Settings = { ...SETTING_DEFAULTS };
  for (const record of records) {
    // Records were checked on the way in; a key this version doesn't know is skipped, not trusted.
    if (isSettingKey(record.key) && !SETTING_CHECKS[record.key](record.value, 'value')) {
      (settings as unknown as Record<string, unknown>)[record.key] = record.value;
    }
  }
  return settings;
}

/**
 * The settings as of the last read or write, one promise per open connection: nearly every message
 * asks for them (tracking, private windows) and only this background writes them, so they are read
 * once instead of in a transaction of their own per message. Kept per connection object, so a
 * restarted worker or a reopened database reads them afresh.
 */
const kept = new WeakMap<ShelfmarkDb, Promise<Settings>>();

/** Frozen, because every caller shares the one object. */
function shared(settings: Settings): Settings {
  Object.freeze(settings.alwaysShow);
  Object.freeze(settings.readingSpeedSamples);
  return Object.freeze(settings);
}

export function getSettings(db: ShelfmarkDb): Promise<Settings> {
  let settings = kept.get(db);
  if (!settings) {
    const reading = db.getAll('settings').then((records) => shared(settingsFromRecords(records)));
    // A failed read is not kept: the next caller tries again.
    reading.catch(() => kept.get(db) === reading && kept.delete(db));
    kept.set(db, (settings = reading));
  }
  return settings;
}

/** For writes that may change settings other than through setSettings (imports, restores): the next read goes to the store. */
export function forgetSettings(db: ShelfmarkDb): void {
  kept.delete(db);
}

export async function setSettings(db: ShelfmarkDb, patch: Partial<Settings>, now: Millis): Promise<Settings> {
  const settings = await inTransaction(db, ['settings'], 'readwrite', async (tx) => {
    const store = tx.objectStore('settings');
    const writes = new RequestGroup();
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) writes.add(store.put({ key, value, changed: now }));
    await writes.done();
    return shared(settingsFromRecords(await store.getAll()));
  });
  kept.set(db, Promise.resolve(settings));
  return settings;
}

/**
 * A change computed from the settings as stored (adding one work to `alwaysShow`), read and
 * written in one transaction: two such changes sent at once both land, neither undoes the other.
 */
export async function updateSettings(db: ShelfmarkDb, change: (current: Settings) => Partial<Settings>, now: Millis): Promise<Settings> {
  const settings = await inTransaction(db, ['settings'], 'readwrite', async (tx) => {
    const store = tx.objectStore('settings');
    const patch = change(settingsFromRecords(await store.getAll()));
    const problem = checkSettingsPatch(patch, 'settings');
    if (problem) throw new Error(problem);
    const writes = new RequestGroup();
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) writes.add(store.put({ key, value, changed: now }));
    await writes.done();
    return shared(settingsFromRecords(await store.getAll()));
  });
  kept.set(db, Promise.resolve(settings));
  return settings;
}
