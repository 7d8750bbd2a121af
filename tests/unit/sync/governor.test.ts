import { describe, expect, it } from 'vitest';
import { HOUR, MIN_WRITE_GAP, MINUTE, nextWriteAt, recordWrites } from '../../../utils/sync/governor';
import { SYNC_BUDGET, SYNC_LIMITS } from '../../../utils/sync/limits';

describe('the write-rate governor', () => {
  it('spaces writes and keeps every minute and hour within the budget, itself within the browser limits', () => {
    expect(SYNC_BUDGET.writesPerMinute).toBeLessThan(SYNC_LIMITS.maxWritesPerMinute);
    expect(SYNC_BUDGET.writesPerHour).toBeLessThan(SYNC_LIMITS.maxWritesPerHour);
    // A reader who changes something every half second for three hours, the engine writing as soon as it may.
    let writes: number[] = [];
    const all: number[] = [];
    for (let now = 0; now < 3 * HOUR; now += 500) {
      if (nextWriteAt(writes, now, 1) <= now) {
        writes = recordWrites(writes, now, 1);
        all.push(now);
      }
    }
    for (let i = 0; i < all.length; i++) {
      const at = all[i]!;
      expect(all.filter((t) => t > at - MINUTE && t <= at).length).toBeLessThanOrEqual(SYNC_BUDGET.writesPerMinute);
      expect(all.filter((t) => t > at - HOUR && t <= at).length).toBeLessThanOrEqual(SYNC_BUDGET.writesPerHour);
      if (i > 0) expect(at - all[i - 1]!).toBeGreaterThanOrEqual(MIN_WRITE_GAP);
    }
    // The spacing is what binds here: one write every MIN_WRITE_GAP, no write lost to the windows.
    expect(all.length).toBe((3 * HOUR) / MIN_WRITE_GAP);
  });

  it('waits out the hour when the hour is used up', () => {
    const writes = Array.from({ length: SYNC_BUDGET.writesPerHour }, (_, i) => i * 1_000);
    const now = writes.at(-1)! + MINUTE * 5;
    expect(nextWriteAt(writes, now, 1)).toBe(writes[0]! + HOUR);
    expect(nextWriteAt(writes, now, 2)).toBe(writes[1]! + HOUR);
  });
});
