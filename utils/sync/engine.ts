/**
 * The sync engine, in the background (which alone owns the database). One
 * pass reads the browser's sync area and the local data, merges them
 * (merge.ts), writes what came from elsewhere into the database in one
 * transaction (utils/db/sync-local.ts) and, when the area lacks something,
 * writes the merged document to it (fit.ts, codec.ts) — at most one write per
 * pass, passes coalesced, writes spaced by the governor (governor.ts).
 *
 * Passes run when a request changed synced data (a few seconds later, so a
 * burst of clicks is one write; always within a minute), when the area
 * changes (another device's write, a second or so later), and at each start
 * of the worker. A local change is marked in the database first, so one made
 * while sync is off, failing or the worker stopped goes out on the next pass
 * that can write. An area that is empty, partial, corrupt or of a newer format
 * is never taken as data: nothing local is deleted or changed from it.
 */
import type { ShelfmarkDb } from '../db/schema';
import { getSettings } from '../db/settings';
import { applyMerged, changedWorkIds, localDoc, readLocalData, type Applied } from '../db/sync-local';
import {
  clearDirty,
  dirtySince,
  isDirty,
  markDirty,
  readShadow,
  readSyncState,
  writeSyncState,
  type SyncProblem,
  type SyncState,
} from '../db/sync-state';
import type { Millis } from '../db/types';
import { decodeItems, isSyncKey, MANIFEST_KEY, type Manifest } from './codec';
import type { SyncDoc } from './doc';
import { fitDoc } from './fit';
import { nextWriteAt, recordWrites } from './governor';
import { itemsBytes, SYNC_LIMITS } from './limits';
import { expire, mergeDocs } from './merge';

/** The slice of `browser.storage.sync` the engine uses. */
export interface SyncArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SyncEngineDeps {
  getDb: () => Promise<ShelfmarkDb>;
  now: () => Millis;
  /** The sync area, or null where the browser has none. */
  area: SyncArea | null;
  /** False where the browser keeps a sync area but never syncs it (Firefox for Android, Mozilla bug 1625257). */
  available?: () => Promise<boolean>;
  /** Before data from elsewhere is written: the works whose Saved entry or progress may change (the state filter). */
  beforeWorkWrites?(workIds: readonly number[]): Promise<void>;
  /** After data from elsewhere was written: brings open archive tabs up to date (the rules mirror). */
  afterApply(applied: Applied): Promise<void>;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

export interface SyncStatus {
  /** False where the browser does not sync extension data (Firefox for Android). */
  available: boolean;
  enabled: boolean;
  /** Local changes not sent yet. */
  pending: boolean;
  everSynced: boolean;
  lastSent: Millis | null;
  lastReceived: Millis | null;
  bytes: number;
  quotaBytes: number;
  synced: SyncState['synced'];
  leftOut: SyncState['leftOut'];
  problem: SyncProblem | null;
}

export interface SyncEngine {
  /** A request changed synced data: mark it, and pass within the coalescing delay. */
  noteLocalChange(): Promise<void>;
  /** The area changed (`storage.onChanged`, area `sync`): pass soon, unless it is this device's own write. */
  noteAreaChange(changes: Record<string, { newValue?: unknown }>): void;
  /** At each start of the worker. */
  start(): void;
  /** Runs a pass now and waits for it (tests, and the settings page's "sync now"). */
  syncNow(): Promise<void>;
  /** Resolves once no pass is running. */
  idle(): Promise<void>;
  status(): Promise<SyncStatus>;
  /** Removes Shelfmark's items from the sync area (one write); the caller turns sync off here. */
  removeAreaData(): Promise<void>;
}

/** A local change waits this long for more before a pass (a burst of clicks makes one write). */
export const LOCAL_DELAY = 5_000;
/** Another device's write is read this long after its first item arrives (the rest come with it). */
export const INCOMING_DELAY = 1_500;
/** A partial area is read again this often, this many times, before it is written over. */
export const PARTIAL_RETRY = 5_000;
export const PARTIAL_RETRIES = 12;
/** After a failed write. */
export const FAILURE_RETRY = 60_000;

/** Whether two documents hold the same records (key order aside). */
export function sameDoc(a: SyncDoc, b: SyncDoc): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let timerAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;
  /** Local changes noted since the worker started: a pass clears the dirty mark only if none came during it. */
  let changes = 0;
  let markedDirty = false;
  let partialTries = 0;
  /** The generation last read or written here (SyncState.seenGeneration), once known. */
  let seenGeneration: string | null = null;

  function schedule(ms: number): void {
    const at = deps.now() + ms;
    if (timer !== null && timerAt <= at) return;
    if (timer !== null) clearTimer(timer);
    timerAt = at;
    timer = setTimer(() => {
      timer = null;
      timerAt = Infinity;
      void run();
    }, ms);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch(async (error: unknown) => {
        console.warn('Shelfmark: sync pass failed.', error);
        await saveProblem({ kind: 'error', at: deps.now(), detail: errorText(error) }).catch(() => undefined);
        schedule(FAILURE_RETRY);
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        }
      });
    return running;
  }

  async function saveProblem(problem: SyncProblem): Promise<void> {
    const db = await deps.getDb();
    const state = await readSyncState(db);
    await writeSyncState(db, { ...state, problem });
  }

  const usableArea = async (): Promise<SyncArea | null> => (deps.area && (await (deps.available?.() ?? true)) ? deps.area : null);

  async function pass(): Promise<void> {
    const area = await usableArea();
    if (!area) return;
    const db = await deps.getDb();
    if (!(await getSettings(db)).syncEnabled) return;
    const startChanges = changes;
    const since = await dirtySince(db);
    const dirty = since !== null;
    let state = await readSyncState(db);
    const now = deps.now();

    const all = await area.get(null);
    const ours = Object.fromEntries(Object.entries(all).filter(([key]) => isSyncKey(key)));
    const decoded = await decodeItems(ours);
    if (decoded.state === 'partial' && partialTries < PARTIAL_RETRIES) {
      partialTries++;
      schedule(PARTIAL_RETRY);
      return;
    }
    const wasPartial = decoded.state === 'partial';
    partialTries = 0;
    if (decoded.state === 'newer') {
      // Written by a newer Shelfmark: neither read nor written over, until this one is updated.
      await writeSyncState(db, { ...state, problem: { kind: 'newer', at: now, detail: String(decoded.format) } });
      return;
    }
    if (decoded.state === 'ok' && decoded.manifest.g === state.seenGeneration && !dirty && state.everSynced && state.problem === null) {
      // Nothing new on either side since the last pass.
      seenGeneration = state.seenGeneration;
      if (changes === startChanges) markedDirty = false;
      return;
    }
    const remote = decoded.state === 'ok' ? decoded.doc : null;
    const problem: SyncProblem | null =
      decoded.state === 'corrupt' ? { kind: 'corrupt', at: now, detail: decoded.problem } : wasPartial ? { kind: 'partial', at: now } : null;

    const shadow = await readShadow(db);
    const local = localDoc(await readLocalData(db), shadow, state.device, since ?? now);
    const merged = expire(remote ? mergeDocs(local, remote) : local, now);
    await deps.beforeWorkWrites?.(changedWorkIds(local, merged));
    const applied = await applyMerged(db, local, merged, now);
    const received = applied.rules + applied.settings + applied.saved + applied.progress;
    if (received > 0) {
      state = { ...state, lastReceived: now };
      await deps.afterApply(applied).catch((error: unknown) => console.warn('Shelfmark: could not bring open tabs up to date after sync.', error));
    }

    const fitted = await fitDoc(merged, state.device, now);
    // An empty area that this device has synced with before was emptied on purpose (another device's
    // "remove from sync"): it is filled again only with a change made here since.
    const emptiedOnPurpose = decoded.state === 'empty' && state.everSynced && !dirty;
    const needsWrite = !emptiedOnPurpose && (remote === null || !sameDoc(fitted.doc, remote));
    state = { ...state, synced: fitted.synced, leftOut: fitted.leftOut, bytes: itemsBytes(ours), problem };

    if (needsWrite) {
      const stale = Object.keys(ours).filter((key) => key !== MANIFEST_KEY && !(key in fitted.encoded.items));
      const ops = stale.length > 0 ? 2 : 1;
      const allowed = nextWriteAt(state.writes, now, ops);
      if (allowed > now) {
        await writeSyncState(db, state);
        schedule(allowed - now);
        return;
      }
      try {
        // One `set` of every item: the manifest and its chunks arrive together where the browser can.
        await area.set(fitted.encoded.items);
        state = { ...state, writes: recordWrites(state.writes, now, 1) };
        if (stale.length > 0) {
          await area.remove(stale);
          state = { ...state, writes: recordWrites(state.writes, now, 1) };
        }
      } catch (error) {
        await writeSyncState(db, { ...state, writes: recordWrites(state.writes, now, ops), problem: { kind: 'write-failed', at: now, detail: errorText(error) } });
        schedule(FAILURE_RETRY);
        return;
      }
      state = { ...state, lastSent: now, seenGeneration: fitted.encoded.manifest.g, bytes: fitted.encoded.bytes, problem: null };
    } else if (decoded.state === 'ok') state = { ...state, seenGeneration: decoded.manifest.g };
    seenGeneration = state.seenGeneration;
    state = { ...state, everSynced: state.everSynced || remote !== null || needsWrite };
    await writeSyncState(db, state);
    if (changes === startChanges && applied.deferred === 0) {
      await clearDirty(db);
      markedDirty = false;
    } else schedule(LOCAL_DELAY);
  }

  return {
    async noteLocalChange() {
      changes++;
      if (!markedDirty) {
        markedDirty = true;
        await markDirty(await deps.getDb(), deps.now());
      }
      schedule(LOCAL_DELAY);
    },
    noteAreaChange(changed) {
      if (!Object.keys(changed).some(isSyncKey)) return;
      const manifest = changed[MANIFEST_KEY]?.newValue as Partial<Manifest> | undefined;
      // This device's own write coming back.
      if (manifest && seenGeneration !== null && manifest.g === seenGeneration) return;
      schedule(INCOMING_DELAY);
    },
    start() {
      // A pass costs a read of every work: at a start, only when something is waiting on either side.
      void (async () => {
        const area = await usableArea();
        if (!area) return;
        const db = await deps.getDb();
        const [state, dirty, manifest] = await Promise.all([readSyncState(db), isDirty(db), area.get(MANIFEST_KEY)]);
        seenGeneration = state.seenGeneration;
        const generation = (manifest[MANIFEST_KEY] as Partial<Manifest> | undefined)?.g ?? null;
        if (dirty || !state.everSynced || state.problem !== null || generation !== state.seenGeneration) schedule(INCOMING_DELAY);
      })().catch((error: unknown) => console.warn('Shelfmark: could not check browser sync at start.', error));
    },
    async syncNow() {
      await run();
      if (running) await running;
    },
    async idle() {
      while (running) await running;
    },
    async status() {
      const db = await deps.getDb();
      const [state, settings, pending] = await Promise.all([readSyncState(db), getSettings(db), isDirty(db)]);
      return {
        available: (await usableArea()) !== null,
        enabled: settings.syncEnabled,
        pending,
        everSynced: state.everSynced,
        lastSent: state.lastSent,
        lastReceived: state.lastReceived,
        bytes: state.bytes,
        quotaBytes: SYNC_LIMITS.quotaBytes,
        synced: state.synced,
        leftOut: state.leftOut,
        problem: state.problem,
      };
    },
    async removeAreaData() {
      const area = await usableArea();
      if (!area) return;
      const keys = Object.keys(await area.get(null)).filter(isSyncKey);
      const db = await deps.getDb();
      const state = await readSyncState(db);
      if (keys.length > 0) await area.remove(keys);
      seenGeneration = null;
      markedDirty = false;
      await writeSyncState(db, { ...state, writes: recordWrites(state.writes, deps.now(), keys.length > 0 ? 1 : 0), everSynced: false, seenGeneration: null, bytes: 0, synced: null, leftOut: null, problem: null });
    },
  };
}

