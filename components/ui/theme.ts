/**
 * The reader's theme on the extension pages: `data-theme` on `<html>`
 * (theme.css keys on it). The last choice is kept in the pages' own
 * localStorage so a page opens in the right colours before the background
 * has answered, then follows the stored setting.
 */
import type { Theme } from '../../utils/library/display';

const CACHE_KEY = 'shelfmark-theme';

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Without storage the page follows the setting once it loads.
  }
}

/** The cached choice, applied at once (call before the first render). */
export function applyCachedTheme(): void {
  try {
    const cached = localStorage.getItem(CACHE_KEY);
    if (cached === 'light' || cached === 'dark') document.documentElement.dataset.theme = cached;
  } catch {
    // Nothing cached: the system's scheme until the setting loads.
  }
}
