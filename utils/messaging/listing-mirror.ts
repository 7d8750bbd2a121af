/**
 * Keeps the listing config (utils/rules/listing-config.ts) that content
 * scripts read from `storage.local` in step with the database, the one
 * source of truth: rewritten after every request that changes rules or
 * settings, and when the extension is installed or updated.
 */
import { listRules } from '../db/rules';
import type { ShelfmarkDb } from '../db/schema';
import { getSettings } from '../db/settings';
import { LISTING_CONFIG_KEY, type ListingConfig } from '../rules/listing-config';
import type { RequestType } from './protocol';
import { DISPLAY_PREFS_KEY } from '../library/display';

/** The slice of `browser.storage.local` the background uses. */
export interface LocalArea {
  set(items: Record<string, unknown>): Promise<void>;
  /** Everything in it (this mirror, History-import progress) goes with "Delete all my data". */
  clear(): Promise<void>;
}

export const MIRRORED_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'rules/put',
  'rules/delete',
  'rules/reorder',
  'settings/set',
  'backup/import',
  'backups/restore',
  'rules/import',
  'data/wipe',
]);

export async function writeListingMirror(db: ShelfmarkDb, area: LocalArea): Promise<ListingConfig> {
  const [rules, settings] = await Promise.all([listRules(db), getSettings(db)]);
  const config: ListingConfig = {
    rules,
    alwaysShow: settings.alwaysShow,
    hiddenWorks: settings.hiddenWorks,
    paused: settings.rulesPaused,
  };
  await area.set({ [LISTING_CONFIG_KEY]: config, [DISPLAY_PREFS_KEY]: { badgeStyle: settings.badgeStyle } });
  return config;
}
