import { describe, expect, it } from 'vitest';
import { againstFloor, FLOOR_GOAL, floorNote } from '../../../scripts/lib/floor-goal';

describe('figures against their floor', () => {
  it('publishes the ratio of the published figures, to two decimals', () => {
    expect(againstFloor(14_500, 12_200)).toEqual({ ratio: 1.19, holds: true });
    expect(againstFloor(6_100, 3_000)).toEqual({ ratio: 2.03, holds: false });
  });

  it('holds up to the goal itself, judged on the ratio as published', () => {
    expect(FLOOR_GOAL).toBe(1.3);
    expect(againstFloor(1_300, 1_000).holds).toBe(true);
    // 1.3004 is published as 1.3: a reader checking the line sees the goal met, and so does the table.
    expect(againstFloor(13_004, 10_000)).toEqual({ ratio: 1.3, holds: true });
    expect(againstFloor(1_306, 1_000)).toEqual({ ratio: 1.31, holds: false });
    expect(againstFloor(1_500, 1_000, 2).holds).toBe(true);
  });

  it('never claims the goal without a floor', () => {
    expect(againstFloor(1_000, 0).holds).toBe(false);
    expect(againstFloor(1_000, Number.NaN)).toEqual({ ratio: Number.NaN, holds: false });
    expect(againstFloor(Number.NaN, 1_000).holds).toBe(false);
  });

  it('says in the table which figures it compares and whether the goal holds', () => {
    expect(floorNote({ ratio: 1.19, holds: true }, 'import100k_ms', 'import100k_bare_ms')).toBe('import100k_ms / import100k_bare_ms; goal ≤ 1.3: holds');
    expect(floorNote({ ratio: 2.03, holds: false }, 'export100k_ms', 'export100k_bare_ms')).toBe('export100k_ms / export100k_bare_ms; goal ≤ 1.3: NOT HELD');
  });
});
