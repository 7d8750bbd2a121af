/**
 * The background's side of the reading requests whose logic goes beyond one
 * store call: a page's work states (with the listing's snapshots merged after
 * the answer), and the tracking pause.
 */
import type { ShelfmarkDb } from './schema';
import { getSettings } from './settings';
import { storeWorkSnapshots } from './tracking';
import { trackingModeFor, type TrackingMode } from './tracking-mode';
import type { Millis, WorkFacts } from './types';
import { getWorkStates, type WorkState } from './work-state';

export interface StatesAnswer {
  states: WorkState[];
  tracking: TrackingMode;
  /** The merge of the listing's snapshots, started after the states were read (for tests to await). */
  merged: Promise<number>;
}

/**
 * The states of `workIds`, then — without holding up the answer — the snapshots of the works
 * the reader has a relation with (read or saved) merged into the works store, so their facts
 * (chapter counts, tags) stay current. Works the reader never touched are not stored: a
 * listing a day would otherwise grow the database by thousands of strangers' works.
 */
export async function answerWorkStates(
  db: ShelfmarkDb,
  workIds: readonly number[],
  snapshot: readonly WorkFacts[] | undefined,
  incognito: boolean,
  now: Millis,
): Promise<StatesAnswer> {
  const [states, settings] = await Promise.all([getWorkStates(db, workIds), getSettings(db)]);
  const tracking = trackingModeFor(settings, incognito);
  let merged: Promise<number> = Promise.resolve(0);
  if (snapshot && snapshot.length > 0 && tracking === 'on') {
    const known = new Set(states.filter((s) => s.reading !== null || s.saved !== null).map((s) => s.workId));
    const wanted = snapshot.filter((w) => known.has(w.workId));
    if (wanted.length > 0) {
      // After the reply has gone: the page waits for the states, not for this.
      merged = new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => storeWorkSnapshots(db, wanted, now))
        .catch((error: unknown) => {
          console.warn('Shelfmark: could not store the listing\'s work facts.', error);
          return 0;
        });
    }
  }
  return { states, tracking, merged };
}
