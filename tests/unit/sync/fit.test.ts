import { describe, expect, it } from 'vitest';
import { decodeItems } from '../../../utils/sync/codec';
import { fitDoc } from '../../../utils/sync/fit';
import { SYNC_BUDGET } from '../../../utils/sync/limits';
import { progressRecency } from '../../../utils/sync/doc';
import { bigDoc, doc, ruleRecord, T0 } from './doc-fixtures';

describe('fitting the document into the sync area', () => {
  it('keeps a small document whole', async () => {
    const small = doc({ r: { a: { t: T0, d: 'd', v: ruleRecord('a') } } });
    const fitted = await fitDoc(small, 'd', T0);
    expect(fitted.leftOut).toEqual({ rules: 0, settings: 0, saved: 0, progress: 0 });
    const decoded = await decodeItems(fitted.encoded.items);
    expect(decoded.state === 'ok' && decoded.doc).toEqual(small);
  });

  it('leaves out the progress of the least recently read works first, and counts what it left out', { timeout: 120_000 }, async () => {
    const big = bigDoc(10_000, 500);
    const fitted = await fitDoc(big, 'd', T0);
    expect(fitted.encoded.bytes).toBeLessThanOrEqual(SYNC_BUDGET.totalBytes);
    // Within a few percent of the budget: the search does not give up early.
    expect(fitted.encoded.bytes).toBeGreaterThan(SYNC_BUDGET.totalBytes * 0.9);
    expect(fitted.synced.rules).toBe(500);
    expect(fitted.leftOut.rules + fitted.leftOut.settings).toBe(0);
    expect(fitted.synced.progress + fitted.leftOut.progress).toBe(10_000);
    expect(fitted.synced.saved + fitted.leftOut.saved).toBe(Object.keys(big.w).length);
    const decoded = await decodeItems(fitted.encoded.items);
    if (decoded.state !== 'ok') throw new Error(decoded.state);
    expect(Object.keys(decoded.doc.r)).toHaveLength(500);
    // The progress kept is the most recent.
    const keptRecency = Object.values(decoded.doc.p).map(progressRecency);
    const leftRecency = Object.entries(big.p).filter(([k]) => !decoded.doc.p[k]).map(([, e]) => progressRecency(e));
    if (keptRecency.length > 0) expect(Math.min(...keptRecency)).toBeGreaterThanOrEqual(Math.max(...leftRecency));
    // Every kept work is named.
    for (const key of Object.keys(decoded.doc.p)) expect(decoded.doc.n[key]).toBeTruthy();
  });

  it('keeps rules first when even they do not all fit', { timeout: 120_000 }, async () => {
    const fitted = await fitDoc(bigDoc(200, 3_000), 'd', T0, 20_000);
    expect(fitted.encoded.bytes).toBeLessThanOrEqual(20_000);
    expect(fitted.leftOut.rules).toBeGreaterThan(0);
    expect(fitted.synced.saved + fitted.synced.progress).toBe(0);
  });
});
