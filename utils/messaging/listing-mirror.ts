/**
 * Keeps the listing config (utils/rules/listing-config.ts) that content
 * scripts read from `storage.local` in step with the database, the one
 * source of truth: rewritten after every request that changes rules or
 * settings, and rebuilt at every start of the background (see
 * recovery.ts), so a worker stopped between a change's commit and
 * its mirror write leaves the mirror stale only until the worker next starts.
 */
import { listRules } from '../db/rules';
import type { ShelfmarkDb } from '../db/schema';
import { getSettings } from '../db/settings';
import { LISTING_CONFIG_KEY, listingConfigText, type ListingConfig } from '../rules/listing-config';
import { mirrorFamilies } from '../rules/family-names';
import type { TagFamily } from '../rules/tag-family';
import type { RequestType } from './protocol';
import { oneAtATime } from './one-at-a-time';
import { DISPLAY_PREFS_KEY } from '../library/display';
import { NUMBERS_PREFS_KEY, numbersPrefsOf } from '../reading/numbers-prefs';

/** The slice of `browser.storage.local` the background uses. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Everything in it (this mirror, History-import progress) goes with "Delete all my data". */
  clear(): Promise<void>;
}

export const MIRRORED_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'rules/put',
  'rules/delete',
  'rules/reorder',
  'settings/set',
  'alwaysShow/set',
  'backup/import',
  'backups/restore',
  'rules/import',
  'reading/speed-sample',
]);

/**
 * The learned tag families the rules may use: the background's family store,
 * or none (learning turned off, or nothing learned yet). The mirror keeps only
 * those some rule uses.
 */
export type FamilySource = (db: ShelfmarkDb) => Promise<readonly TagFamily[]>;

/** What the mirror should hold, read from the database. */
async function mirrorItems(db: ShelfmarkDb, families?: FamilySource): Promise<Record<string, unknown>> {
  const [rules, settings, learned] = await Promise.all([listRules(db), getSettings(db), families ? families(db) : []]);
  const config: ListingConfig = {
    rules,
    alwaysShow: settings.alwaysShow,
    hiddenWorks: settings.hiddenWorks,
    placeholderTitles: settings.placeholderTitles,
    paused: settings.rulesPaused,
  };
  const table = mirrorFamilies(rules, learned);
  if (table) config.families = table;
  return {
    [LISTING_CONFIG_KEY]: listingConfigText(config),
    [DISPLAY_PREFS_KEY]: { badgeStyle: settings.badgeStyle },
    [NUMBERS_PREFS_KEY]: numbersPrefsOf(settings),
  };
}

/** Writes the items that differ from what the area holds: an unchanged mirror wakes no open tab. */
async function writeChanged(area: LocalArea, items: Record<string, unknown>): Promise<void> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    const stored = (await area.get(key))[key];
    if (JSON.stringify(stored) !== JSON.stringify(value)) changed[key] = value;
  }
  if (Object.keys(changed).length > 0) await area.set(changed);
}

export interface ListingMirror {
  /** Rewrites the mirror from the database as it is once this runs. */
  refresh(): Promise<void>;
  /** Empties `storage.local` (the mirror and whatever else is there), then writes the mirror again. */
  clearAndRefresh(): Promise<void>;
}

/**
 * One mirror writer per background. Writes run one at a time, each reading the
 * database when its turn comes: two writes overlapping (the start's rebuild and a
 * request's) could otherwise land in the wrong order and leave the older data.
 * Calls made while a write waits its turn share it.
 */
export function createListingMirror(getDb: () => Promise<ShelfmarkDb>, area: LocalArea, families?: FamilySource): ListingMirror {
  const enqueue = oneAtATime();
  let waiting: Promise<void> | null = null;
  return {
    refresh() {
      waiting ??= enqueue(async () => {
        waiting = null;
        await writeChanged(area, await mirrorItems(await getDb(), families));
      });
      return waiting;
    },
    clearAndRefresh() {
      return enqueue(async () => {
        await area.clear();
        await area.set(await mirrorItems(await getDb(), families));
      });
    },
  };
}
