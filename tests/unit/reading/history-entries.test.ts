import { describe, expect, it } from 'vitest';
import { archiveDateMillis, type HistoryEntry } from '../../../utils/db/history-entry';
import { emptyReading } from '../../../utils/db/reading';
import type { WorkState } from '../../../utils/db/work-state';
import { entriesToImport } from '../../../utils/reading/history-entries';

const entry = (workId: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  workId, work: null, lastVisited: '2026-03-01', visits: 3, markedForLater: false, ...extra,
});
const state = (workId: number, visitCount: number, lastVisited: string, saved = false): WorkState => ({
  workId,
  reading: { ...emptyReading(workId), visitCount, lastVisit: archiveDateMillis(lastVisited), firstVisit: archiveDateMillis('2026-01-01') },
  saved: saved ? { workId, status: 'to-read', added: 1, changed: 1, note: '' } : null,
  chapters: [],
});

describe('entriesToImport: what a History page still has to import', () => {
  it('keeps works the reader has no record of', () => {
    expect(entriesToImport([entry(1)], new Map()).map((e) => e.workId)).toEqual([1]);
  });

  it('leaves out works whose record already holds the visits and the date', () => {
    const states = new Map([[1, state(1, 3, '2026-03-01')], [2, state(2, 5, '2026-03-02')]]);
    expect(entriesToImport([entry(1), entry(2)], states)).toEqual([]);
  });

  it('keeps a work with more visits or a later visit than its record', () => {
    const states = new Map([[1, state(1, 2, '2026-03-01')], [2, state(2, 3, '2026-02-01')]]);
    expect(entriesToImport([entry(1), entry(2)], states).map((e) => e.workId)).toEqual([1, 2]);
  });

  it('keeps a work marked for later until it is in the saved list', () => {
    const states = new Map([[1, state(1, 3, '2026-03-01')], [2, state(2, 3, '2026-03-01', true)]]);
    const entries = [entry(1, { markedForLater: true }), entry(2, { markedForLater: true })];
    expect(entriesToImport(entries, states).map((e) => e.workId)).toEqual([1]);
  });
});
