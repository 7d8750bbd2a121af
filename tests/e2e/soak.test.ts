/**
 * A long session (scripts/bench/soak.ts): real pages in turn with 500 rules
 * and 5,000 works of history. No errors, every visit recorded exactly once,
 * and the background's heap at the end within 20 % of where it was after the
 * first 50 pages. Here 120 pages (70 after the warm-up), to keep the suite within CI's time;
 * `npm run bench -- soak` runs the full 500.
 */
import { expect, it } from 'vitest';
import { heapGrowthPct, runSoak, soakRows } from '../../scripts/bench/soak';

const PAGES = 120;
import { describeRealPages } from '../helpers/real-pages-suite';

describeRealPages('a long session', () => {
  it(`opens ${PAGES} real pages without errors, lost visits or a growing background`, async () => {
    const result = await runSoak(PAGES);
    for (const row of soakRows(result)) console.log(`soak: ${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);

    expect(result.consoleErrors).toEqual([]);
    expect(result.expectedVisits).toBeGreaterThan(0);
    expect(result.recordedVisits).toBe(result.expectedVisits);
    expect(heapGrowthPct(result)).toBeLessThanOrEqual(20);
  }, 300_000);
});
