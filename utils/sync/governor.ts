/**
 * The write-rate governor: when the next write to the sync area may go, given
 * the times of this device's recent writes, so Shelfmark stays under its
 * share of the browser's limits (limits.ts: SYNC_BUDGET) however fast the
 * reader clicks. Pure, so the engine and the tests share it.
 */
import { SYNC_BUDGET } from './limits';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Writes never follow each other closer than this: changes made meanwhile go together in the next. */
export const MIN_WRITE_GAP = 10_000;

export interface WriteBudget {
  writesPerMinute: number;
  writesPerHour: number;
}

/** The earliest time `ops` more write operations keep every window within the budget. */
export function nextWriteAt(writes: readonly number[], now: number, ops: number, budget: WriteBudget = SYNC_BUDGET): number {
  const sorted = writes.filter((at) => at > now - HOUR).sort((a, b) => a - b);
  let at = Math.max(now, (sorted.at(-1) ?? -Infinity) + MIN_WRITE_GAP);
  for (const [limit, span] of [[budget.writesPerMinute, MINUTE], [budget.writesPerHour, HOUR]] as const) {
    const inWindow = sorted.filter((time) => time > at - span);
    const excess = inWindow.length + ops - limit;
    // The window must lose `excess` writes: wait until the excess-th oldest in it is out.
    if (excess > 0) at = Math.max(at, inWindow[excess - 1]! + span);
  }
  return at;
}

/** The log after `ops` writes at `now`, without those older than an hour. */
export function recordWrites(writes: readonly number[], now: number, ops: number): number[] {
  return [...writes.filter((at) => at > now - HOUR), ...Array<number>(ops).fill(now)];
}
