/** Display settings shared by the archive pages, the popup and the options page. */
import type { SavedStatus } from '../db/types';
import { t, type MessageKey } from '../i18n';

/**
 * How reading and saved badges show on listings: `full` names the status
 * ("To read"), `compact` shows a short mark with the name as its tooltip,
 * `none` shows no badges (the save button stays).
 */
export const BADGE_STYLES = ['full', 'compact', 'none'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

/** The extension pages' colours: the system's scheme, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STATUS_LABELS: Record<SavedStatus, MessageKey> = {
  'to-read': 'statusToRead',
  reading: 'statusReading',
  finished: 'statusFinished',
  'on-hold': 'statusOnHold',
  dropped: 'statusDropped',
};

/** A saved status as readers see it: "To read". */
export const statusLabel = (status: SavedStatus): string => t(STATUS_LABELS[status]);

/** One-letter-ish marks for the compact badge style. */
export const STATUS_MARKS: Record<SavedStatus, string> = {
  'to-read': '☆',
  reading: '▶',
  finished: '✓',
  'on-hold': '❚❚',
  dropped: '✕',
};

/** The `storage.local` key where the background mirrors display settings for content scripts. */
export const DISPLAY_PREFS_KEY = 'displayPrefs';

export interface DisplayPrefs {
  badgeStyle: BadgeStyle;
}

export function displayPrefsFrom(value: unknown): DisplayPrefs {
  const style = (value as Partial<DisplayPrefs> | null)?.badgeStyle;
  return { badgeStyle: (BADGE_STYLES as readonly unknown[]).includes(style) ? (style as BadgeStyle) : 'full' };
}
