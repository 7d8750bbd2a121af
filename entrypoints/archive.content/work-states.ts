/**
 * The reader's state (reading, saved) of every work on the page, in one
 * message to the background; a listing sends its blurbs' snapshots along, so
 * the background keeps the facts of works the reader follows current. Never
 * rejects: without an answer the page simply shows no state.
 *
 * What one blurb holds must not cost the others their answer: ids the
 * background would refuse are left out, snapshots are cut to fit
 * (work-snapshot.ts), and the snapshots sent stay within a size a runtime
 * message carries. A page with more works than one request may ask about
 * (only a page a script padded) asks in several.
 */
import type { Blurb, PageRecord } from '../../utils/ao3/types';
import type { TrackingMode } from '../../utils/db/tracking-mode';
import type { WorkFacts } from '../../utils/db/types';
import type { WorkState } from '../../utils/db/work-state';
import { factsSize, isWorkId } from '../../utils/db/fit-facts';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import { MAX_STATE_IDS, MAX_STATE_SNAPSHOTS } from '../../utils/messaging/protocol';
import { sendRequest } from '../../utils/messaging/client';

export interface WorkStates extends ReadonlyMap<number, WorkState> {
  /** Whether this page may record reading (null: the background did not say). */
  readonly tracking: TrackingMode | null;
}

/** Performance marks set when the states are asked for and when the background's answer arrives; `npm run bench` reads them. */
export const STATE_ASKED_MARK = 'shelfmark:state-asked';
export const STATE_MARK = 'shelfmark:state';

function statesOf(states: readonly WorkState[], tracking: TrackingMode | null): WorkStates {
  return Object.assign(new Map(states.map((state) => [state.workId, state])), { tracking });
}

const NONE: WorkStates = statesOf([], null);

/**
 * The snapshots' texts, at most, in one message: Chrome refuses messages over 64 MiB, and real
 * blurbs take a few thousand characters each; a snapshot that would pass this is not sent.
 */
export const SNAPSHOT_BUDGET = 8_000_000;

/** The page's work ids the background accepts, each once. */
export function workIdsOf(page: PageRecord): number[] {
  const ids = new Set<number>();
  for (const blurb of page.blurbs) if (isWorkId(blurb.workId)) ids.add(blurb.workId);
  if (isWorkId(page.work?.workId)) ids.add(page.work.workId);
  return [...ids];
}

function snapshotOf(blurb: Blurb): WorkFacts | null {
  if (blurb.type === 'work' || (blurb.type === 'bookmark' && blurb.item === 'work')) return snapshotFromBlurb(blurb);
  return null;
}

/** The listing's work blurbs as snapshots, one per work, as many as one request carries. */
export function snapshotsOf(page: PageRecord): WorkFacts[] {
  const seen = new Set<number>();
  const snapshots: WorkFacts[] = [];
  let size = 0;
  for (const blurb of page.blurbs) {
    if (snapshots.length === MAX_STATE_SNAPSHOTS) break;
    const snapshot = snapshotOf(blurb);
    if (!snapshot || seen.has(snapshot.workId)) continue;
    const cost = factsSize(snapshot);
    if (size + cost > SNAPSHOT_BUDGET) continue;
    size += cost;
    seen.add(snapshot.workId);
    snapshots.push(snapshot);
  }
  return snapshots;
}

/** The ids in requests of at most MAX_STATE_IDS each: one for every page the archive serves. */
export function idBatches(workIds: readonly number[]): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < workIds.length; i += MAX_STATE_IDS) batches.push(workIds.slice(i, i + MAX_STATE_IDS));
  return batches;
}

async function askStates(workIds: number[], snapshot: WorkFacts[]): Promise<WorkStates> {
  try {
    const reply = await sendRequest({ type: 'works/state', workIds, ...(snapshot.length > 0 ? { snapshot } : {}) });
    return reply.ok ? statesOf(reply.value.states, reply.value.tracking) : NONE;
  } catch {
    return NONE;
  }
}

export async function requestWorkStates(page: PageRecord): Promise<WorkStates> {
  const workIds = workIdsOf(page);
  if (workIds.length === 0) return NONE;
  const [first, ...rest] = idBatches(workIds);
  performance.mark(STATE_ASKED_MARK);
  const answers = await Promise.all([askStates(first!, snapshotsOf(page)), ...rest.map((ids) => askStates(ids, []))]);
  performance.mark(STATE_MARK);
  if (answers.length === 1) return answers[0]!;
  return statesOf(answers.flatMap((states) => [...states.values()]), answers.find((states) => states.tracking !== null)?.tracking ?? null);
}
