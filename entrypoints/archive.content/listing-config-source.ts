/** The rules and settings a listing needs, read from the background's mirror in storage.local. */
import { browser } from 'wxt/browser';
import { mayHaveStateFrom, STATE_FILTER_KEY } from '../../utils/reading/state-filter';
import { EMPTY_LISTING_CONFIG, LISTING_CONFIG_KEY, listingConfigFrom, type ListingConfig } from '../../utils/rules/listing-config';
import type { StoredSettings } from './page-settings';

/**
 * The stored config, with the filter of works that may have a reader state, from the page's one
 * read of storage (page-settings.ts); when nothing could be read, no rules (works are shown, never
 * hidden by mistake).
 */
export async function loadListingConfig(settings: Promise<StoredSettings>): Promise<ListingConfig> {
  const stored = await settings;
  try {
    const config = listingConfigFrom(stored[LISTING_CONFIG_KEY]);
    return config === EMPTY_LISTING_CONFIG ? config : { ...config, mayHaveState: mayHaveStateFrom(stored[STATE_FILTER_KEY]) };
  } catch {
    return EMPTY_LISTING_CONFIG;
  }
}

/** Calls `listener` with the new config whenever the background changes it: rules apply without a reload. */
export function onListingConfigChange(listener: (config: ListingConfig) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[LISTING_CONFIG_KEY];
    if (area === 'local' && change) listener(listingConfigFrom(change.newValue));
  });
}
