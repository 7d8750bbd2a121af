/**
 * The reader's badge style (Settings → badge style), read from the
 * background's mirror at document_start and kept in step, so the badges'
 * closed roots (closed-host.ts) show saved badges named, compact or not at all.
 * It stays inside those roots: the page can't read the setting either.
 */
import { browser } from 'wxt/browser';
import { DISPLAY_PREFS_KEY, displayPrefsFrom } from '../../../utils/library/display';
import { setBadgeStyle } from '../closed-host';

export function followBadgeStyle(): void {
  browser.storage.local.get(DISPLAY_PREFS_KEY).then(
    (stored) => setBadgeStyle(displayPrefsFrom(stored[DISPLAY_PREFS_KEY]).badgeStyle),
    () => undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[DISPLAY_PREFS_KEY];
    if (area === 'local' && change) setBadgeStyle(displayPrefsFrom(change.newValue).badgeStyle);
  });
}
