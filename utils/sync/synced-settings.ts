/**
 * Which settings follow the reader through the browser's sync. The others are
 * about this device: whether it records private windows, whether the rules or
 * the tracking are paused here (a pause on the laptop must not pause the
 * desktop), and whether this device syncs at all. A setting added later stays
 * on each device until it is listed here.
 */
import type { Settings } from '../db/settings';

export const SYNCED_SETTINGS: ReadonlySet<keyof Settings> = new Set<keyof Settings>(['alwaysShow', 'hiddenWorks', 'badgeStyle', 'theme']);

export const LOCAL_SETTINGS: ReadonlyArray<keyof Settings> = ['recordPrivateWindows', 'rulesPaused', 'trackingPaused', 'syncEnabled'];
