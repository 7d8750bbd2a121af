/**
 * The reader's badge style (Settings → badge style) as a class on `<html>`,
 * read from the background's mirror at document_start and kept in step, so
 * style.css shows saved (and reading) badges named, compact or not at all.
 */
import { browser } from 'wxt/browser';
import { BADGE_STYLES, badgeStyleClass, DISPLAY_PREFS_KEY, displayPrefsFrom, type BadgeStyle } from '../../../utils/library/display';

function apply(style: BadgeStyle): void {
  const root = document.documentElement;
  for (const each of BADGE_STYLES) root.classList.toggle(badgeStyleClass(each), each === style);
}

export function followBadgeStyle(): void {
  apply('full');
  browser.storage.local.get(DISPLAY_PREFS_KEY).then(
    (stored) => apply(displayPrefsFrom(stored[DISPLAY_PREFS_KEY]).badgeStyle),
    () => undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[DISPLAY_PREFS_KEY];
    if (area === 'local' && change) apply(displayPrefsFrom(change.newValue).badgeStyle);
  });
}
