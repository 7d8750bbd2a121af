/**
 * Figures judged against the browser's own floor measured in the same run: on
 * a shared, loaded machine a figure in milliseconds says as much about the
 * machine as about the code, but the ratio to bare IndexedDB doing the same
 * work beside it says what the extension adds.
 */
import { round } from './stats';

/** At most this many times the floor (issue #13: the 100k import and export). */
export const FLOOR_GOAL = 1.3;

export interface FloorComparison {
  /** `ms / bareMs`, rounded to the two decimals the table and the JSON line show. */
  ratio: number;
  /** Whether the ratio as published is within the goal; false when the floor is missing or not positive. */
  holds: boolean;
}

/** Compares the published figures (so the JSON line's ratio is exactly its `…_ms` over its `…_bare_ms`). */
export function againstFloor(ms: number, bareMs: number, goal: number = FLOOR_GOAL): FloorComparison {
  if (!(bareMs > 0) || !Number.isFinite(ms)) return { ratio: Number.NaN, holds: false };
  const ratio = round(ms / bareMs, 2);
  return { ratio, holds: ratio <= goal };
}

/** The table's note beside a ratio: the goal and whether it holds. */
export function floorNote(comparison: FloorComparison, figure: string, floor: string, goal: number = FLOOR_GOAL): string {
  return `${figure} / ${floor}; goal ≤ ${goal}: ${comparison.holds ? 'holds' : 'NOT HELD'}`;
}
