/** Small sync documents for the sync tests. */
import type { RuleRecord } from '../../../utils/db/types';
import { emptyDoc, type ProgressEntry, type SyncDoc } from '../../../utils/sync/doc';

export const T0 = Date.UTC(2026, 10, 1, 12);
export const DAY = 24 * 60 * 60 * 1000;

export function ruleRecord(id: string, overrides: Partial<RuleRecord> = {}): RuleRecord {
  return {
    id,
    action: 'hide',
    match: { kind: 'tag', slot: 'freeform', text: `Tag ${id}`, mode: 'exact' },
    enabled: true,
    createdAt: T0,
    updatedAt: T0,
    order: 0,
    ...overrides,
  };
}

export function progress(overrides: Partial<ProgressEntry> = {}): ProgressEntry {
  return { r: [], u: [], l: null, f: null, v: null, ...overrides };
}

export function doc(parts: Partial<SyncDoc> = {}): SyncDoc {
  return { ...emptyDoc(), ...parts };
}

/** A document as large as a big library: `works` works read (and every third saved), `rules` rules. */
export function bigDoc(works: number, rules: number, device = 'dev1'): SyncDoc {
  const d = emptyDoc();
  for (let i = 0; i < rules; i++) {
    const rule = ruleRecord(`rule-${i}`, { order: i, match: { kind: 'tag', slot: 'any', text: `Some Tag Number ${i * 7919}`, mode: 'exact' }, updatedAt: T0 + i });
    d.r[rule.id] = { t: rule.updatedAt, d: device, v: rule };
  }
  for (let i = 0; i < works; i++) {
    const workId = 10_000_000 + i * 37;
    const at = T0 - i * 60_000;
    const chapters = 1 + (i % 12);
    d.p[workId] = progress({ r: Array.from({ length: chapters }, (_, c): [number, number] => [c + 1, at - (chapters - c) * 600_000]), l: [chapters, 90_000_000 + i * 40 + chapters - 1, at], f: at - DAY, v: at });
    d.n[workId] = `A Work Called ${i} (and its subtitle)`;
    if (i % 3 === 0) d.w[workId] = { t: at, d: device, v: ['to-read', at - DAY, i % 9 === 0 ? `note ${i}` : ''] };
  }
  return d;
}
