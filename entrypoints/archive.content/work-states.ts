/**
 * The reader's state (reading, saved) of every work on the page, in one
 * message to the background. Never rejects: without an answer the page
 * simply shows no state.
 */
import type { PageRecord } from '../../utils/ao3/types';
import type { WorkState } from '../../utils/db/work-state';
import { sendRequest } from '../../utils/messaging/client';

export type WorkStates = ReadonlyMap<number, WorkState>;

const NONE: WorkStates = new Map();

export function workIdsOf(page: PageRecord): number[] {
  const ids = new Set<number>();
  for (const blurb of page.blurbs) if (blurb.workId !== null) ids.add(blurb.workId);
  if (page.work?.workId != null) ids.add(page.work.workId);
  return [...ids];
}

export async function requestWorkStates(page: PageRecord): Promise<WorkStates> {
  const workIds = workIdsOf(page);
  if (workIds.length === 0) return NONE;
  try {
    const reply = await sendRequest({ type: 'works/state', workIds });
    return reply.ok ? new Map(reply.value.states.map((state) => [state.workId, state])) : NONE;
  } catch {
    return NONE;
  }
}
