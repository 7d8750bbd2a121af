/**
 * The sync engine's bookkeeping in the `sync` store (migration 006): this
 * device's state, and the shadow — the document of the last merge, which
 * tells a record deleted here since (it is in the shadow, no longer in the
 * database) from one this device never had.
 */
import type { DeviceId, SyncDoc } from '../sync/doc';
import { emptyDoc } from '../sync/doc';
import type { LeftOut } from '../sync/fit';
import type { ShelfmarkDb } from './schema';
import type { Millis } from './types';

export type SyncProblemKind = 'partial' | 'corrupt' | 'newer' | 'write-failed' | 'error';

export interface SyncProblem {
  kind: SyncProblemKind;
  at: Millis;
  /** For `newer`: the format found; for errors: the browser's message. */
  detail?: string;
}

export interface SyncState {
  device: DeviceId;
  /** Whether this device has merged with the sync area at least once. */
  everSynced: boolean;
  lastSent: Millis | null;
  lastReceived: Millis | null;
  /** The generation this device last read or wrote: the area holding it again is not news (its own write coming back, a start with nothing new). */
  seenGeneration: string | null;
  /** When this device's write operations of the last hour were made (the write-rate governor). */
  writes: Millis[];
  /** The area's size after the last write or read, as the browser counts it. */
  bytes: number;
  /** What the area holds of each kind, and what stays on this device only. */
  synced: LeftOut | null;
  leftOut: LeftOut | null;
  problem: SyncProblem | null;
}

export type SyncStoreRecord = SyncState | SyncDoc | { since: Millis };

export const SYNC_STATE_KEY = 'state';
export const SYNC_SHADOW_KEY = 'shadow';
/**
 * Present while this device has local changes not sent yet: a record of its own, so marking a
 * change never rewrites the state a pass is writing, and kept in the database, so a stopped
 * worker or sync turned off loses none.
 */
export const SYNC_DIRTY_KEY = 'dirty';

export function newDeviceId(): DeviceId {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** A device's first state: never synced (so its first pass merges and sends everything). */
export function initialSyncState(): SyncState {
  return { device: newDeviceId(), everSynced: false, lastSent: null, lastReceived: null, seenGeneration: null, writes: [], bytes: 0, synced: null, leftOut: null, problem: null };
}

/** The state, made (and stored) on first use. */
export async function readSyncState(db: ShelfmarkDb): Promise<SyncState> {
  const tx = db.transaction('sync', 'readwrite');
  const stored = (await tx.store.get(SYNC_STATE_KEY)) as SyncState | undefined;
  if (stored) {
    await tx.done;
    return stored;
  }
  const state = initialSyncState();
  await tx.store.put(state, SYNC_STATE_KEY);
  await tx.done;
  return state;
}

export async function writeSyncState(db: ShelfmarkDb, state: SyncState): Promise<void> {
  await db.put('sync', state, SYNC_STATE_KEY);
}

export async function readShadow(db: ShelfmarkDb): Promise<SyncDoc> {
  return ((await db.get('sync', SYNC_SHADOW_KEY)) as SyncDoc | undefined) ?? emptyDoc();
}

export async function markDirty(db: ShelfmarkDb, now: Millis): Promise<void> {
  const tx = db.transaction('sync', 'readwrite');
  if ((await tx.store.getKey(SYNC_DIRTY_KEY)) === undefined) await tx.store.put({ since: now }, SYNC_DIRTY_KEY);
  await tx.done;
}

export async function isDirty(db: ShelfmarkDb): Promise<boolean> {
  return (await db.getKey('sync', SYNC_DIRTY_KEY)) !== undefined;
}

/** When the first local change not sent yet was made; null when there is none. */
export async function dirtySince(db: ShelfmarkDb): Promise<Millis | null> {
  const marker = (await db.get('sync', SYNC_DIRTY_KEY)) as { since?: unknown } | undefined;
  return typeof marker?.since === 'number' ? marker.since : null;
}

export async function clearDirty(db: ShelfmarkDb): Promise<void> {
  await db.delete('sync', SYNC_DIRTY_KEY);
}
