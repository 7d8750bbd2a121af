/**
 * The reader's badge style (Settings → badge style), read from the
 * background's mirror at document_start and kept in step, so the badges'
 * closed roots (closed-host.ts) show saved badges named, compact or not at all.
 * It stays inside those roots: the page can't read the setting either.
 */
import { browser } from 'wxt/browser';
import { DISPLAY_PREFS_KEY, displayPrefsFrom } from '../../../utils/library/display';
import { setBadgeStyle } from '../closed-host';
import type { StoredSettings } from '../page-settings';

/** Takes the style from the page's one read of storage (page-settings.ts), then follows changes. */
export function followBadgeStyle(settings: Promise<StoredSettings>): void {
  void settings.then((stored) => setBadgeStyle(displayPrefsFrom(stored[DISPLAY_PREFS_KEY]).badgeStyle));
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[DISPLAY_PREFS_KEY];
    if (area === 'local' && change) setBadgeStyle(displayPrefsFrom(change.newValue).badgeStyle);
  });
}
