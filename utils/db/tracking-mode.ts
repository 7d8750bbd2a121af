/**
 * Whether pages may record reading right now: tracking paused in the settings,
 * or a private window the reader hasn't allowed, records nothing.
 */
import { getSettings, type Settings } from './settings';
import type { ShelfmarkDb } from './schema';

export const TRACKING_MODES = ['on', 'paused', 'private'] as const;
export type TrackingMode = (typeof TRACKING_MODES)[number];

export const TRACKING_PAUSED_ERROR = 'tracking paused';

export function trackingModeFor(settings: Pick<Settings, 'trackingPaused' | 'recordPrivateWindows'>, incognito: boolean): TrackingMode {
  if (incognito && !settings.recordPrivateWindows) return 'private';
  return settings.trackingPaused ? 'paused' : 'on';
}

/** Throws when automatic recording is paused (the router already refused private windows). */
export async function assertTracking(db: ShelfmarkDb): Promise<void> {
  if ((await getSettings(db)).trackingPaused) throw new Error(TRACKING_PAUSED_ERROR);
}
