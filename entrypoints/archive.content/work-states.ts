/**
 * The reader's state (reading, saved) of every work on the page, in one
 * message to the background; a listing sends its blurbs' snapshots along, so
 * the background keeps the facts of works the reader follows current. Never
 * rejects: without an answer the page simply shows no state.
 */
import type { Blurb, PageRecord } from '../../utils/ao3/types';
import type { TrackingMode } from '../../utils/db/tracking-mode';
import type { WorkFacts } from '../../utils/db/types';
import type { WorkState } from '../../utils/db/work-state';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import { sendRequest } from '../../utils/messaging/client';

export interface WorkStates extends ReadonlyMap<number, WorkState> {
  /** Whether this page may record reading (null: the background did not say). */
  readonly tracking: TrackingMode | null;
}

/** Performance mark set when the background's answer arrives; `npm run bench` reads it. */
export const STATE_MARK = 'shelfmark:state';

function statesOf(states: readonly WorkState[], tracking: TrackingMode | null): WorkStates {
  return Object.assign(new Map(states.map((state) => [state.workId, state])), { tracking });
}

const NONE: WorkStates = statesOf([], null);

export function workIdsOf(page: PageRecord): number[] {
  const ids = new Set<number>();
  for (const blurb of page.blurbs) if (blurb.workId !== null) ids.add(blurb.workId);
  if (page.work?.workId != null) ids.add(page.work.workId);
  return [...ids];
}

function snapshotOf(blurb: Blurb): WorkFacts | null {
  if (blurb.type === 'work' || (blurb.type === 'bookmark' && blurb.item === 'work')) return snapshotFromBlurb(blurb);
  return null;
}

/** The listing's work blurbs as snapshots, one per work. */
export function snapshotsOf(page: PageRecord): WorkFacts[] {
  const seen = new Set<number>();
  const snapshots: WorkFacts[] = [];
  for (const blurb of page.blurbs) {
    const snapshot = snapshotOf(blurb);
    if (snapshot && !seen.has(snapshot.workId)) {
      seen.add(snapshot.workId);
      snapshots.push(snapshot);
    }
  }
  return snapshots;
}

export async function requestWorkStates(page: PageRecord): Promise<WorkStates> {
  const workIds = workIdsOf(page);
  if (workIds.length === 0) return NONE;
  try {
    const snapshot = snapshotsOf(page);
    const reply = await sendRequest({ type: 'works/state', workIds, ...(snapshot.length > 0 ? { snapshot } : {}) });
    performance.mark(STATE_MARK);
    return reply.ok ? statesOf(reply.value.states, reply.value.tracking) : NONE;
  } catch {
    return NONE;
  }
}
