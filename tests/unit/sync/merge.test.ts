import { describe, expect, it } from 'vitest';
import { expire, mergeDocs, mergeProgress } from '../../../utils/sync/merge';
import { DAY, doc, progress, ruleRecord, T0 } from './doc-fixtures';

describe('merging sync documents', () => {
  it('takes the newer edit of the same rule, whichever side merges', () => {
    const laptop = doc({ r: { a: { t: T0 + 10, d: 'laptop', v: ruleRecord('a', { enabled: false, updatedAt: T0 + 10 }) } } });
    const desktop = doc({ r: { a: { t: T0 + 20, d: 'desktop', v: ruleRecord('a', { label: 'mine', updatedAt: T0 + 20 }) } } });
    expect(mergeDocs(laptop, desktop).r.a!.v!.label).toBe('mine');
    expect(mergeDocs(desktop, laptop)).toEqual(mergeDocs(laptop, desktop));
  });

  it('breaks a tie of times by device id, the same way on both sides', () => {
    const a = doc({ r: { x: { t: T0, d: 'aaa', v: ruleRecord('x', { label: 'from a' }) } } });
    const b = doc({ r: { x: { t: T0, d: 'bbb', v: ruleRecord('x', { label: 'from b' }) } } });
    expect(mergeDocs(a, b).r.x!.v!.label).toBe('from b');
    expect(mergeDocs(b, a).r.x!.v!.label).toBe('from b');
  });

  it('lets a later deletion win over an earlier edit, and a later edit over an earlier deletion', () => {
    const edited = doc({ r: { x: { t: T0 + 5, d: 'a', v: ruleRecord('x', { label: 'edited' }) } } });
    const deletedLater = doc({ r: { x: { t: T0 + 9, d: 'b', v: null } } });
    const deletedEarlier = doc({ r: { x: { t: T0 + 1, d: 'b', v: null } } });
    expect(mergeDocs(edited, deletedLater).r.x!.v).toBeNull();
    expect(mergeDocs(deletedLater, edited).r.x!.v).toBeNull();
    expect(mergeDocs(edited, deletedEarlier).r.x!.v!.label).toBe('edited');
  });

  it('keeps order changes made on each side to different rules', () => {
    const base = { a: ruleRecord('a', { order: 0 }), b: ruleRecord('b', { order: 1 }), c: ruleRecord('c', { order: 2 }) };
    // The laptop moved c first (c and its neighbours renumbered); the desktop disabled b later.
    const laptop = doc({
      r: {
        a: { t: T0 + 10, d: 'l', v: { ...base.a, order: 1, updatedAt: T0 + 10 } },
        b: { t: T0 + 10, d: 'l', v: { ...base.b, order: 2, updatedAt: T0 + 10 } },
        c: { t: T0 + 10, d: 'l', v: { ...base.c, order: 0, updatedAt: T0 + 10 } },
      },
    });
    const desktop = doc({
      r: {
        a: { t: T0, d: 'd', v: base.a },
        b: { t: T0 + 20, d: 'd', v: { ...base.b, enabled: false, updatedAt: T0 + 20 } },
        c: { t: T0, d: 'd', v: base.c },
      },
    });
    const merged = mergeDocs(laptop, desktop);
    const ordered = Object.values(merged.r).map((e) => e.v!).sort((x, y) => x.order! - y.order! || (x.id < y.id ? -1 : 1));
    expect(ordered.map((r) => [r.id, r.enabled])).toEqual([['c', true], ['a', true], ['b', false]]);
  });

  it('unites chapters read on both sides', () => {
    const merged = mergeProgress(progress({ r: [[1, T0], [2, T0 + 1]], f: T0, v: T0 + 1 }), progress({ r: [[2, T0 + 5], [3, T0 + 6]], f: T0 - 4, v: T0 + 6 }));
    expect(merged.r).toEqual([[1, T0], [2, T0 + 1], [3, T0 + 6]]);
    expect([merged.f, merged.v]).toEqual([T0 - 4, T0 + 6]);
  });

  it('treats mark-unread as a dated change: later than the read it undoes, earlier than a read again', () => {
    const readHere = progress({ r: [[1, T0], [2, T0]] });
    const unreadThere = progress({ r: [[1, T0]], u: [[2, T0 + 10]] });
    expect(mergeProgress(readHere, unreadThere).r).toEqual([[1, T0]]);
    expect(mergeProgress(unreadThere, readHere).r).toEqual([[1, T0]]);
    const readAgain = progress({ r: [[1, T0], [2, T0 + 20]] });
    expect(mergeProgress(unreadThere, readAgain).r).toEqual([[1, T0], [2, T0 + 20]]);
  });

  it('takes the latest resume chapter', () => {
    const merged = mergeProgress(progress({ l: [3, 33, T0 + 5] }), progress({ l: [2, null, T0 + 1] }));
    expect(merged.l).toEqual([3, 33, T0 + 5]);
  });

  it('keeps records either side alone has, so a device that never synced adds to the other', () => {
    const fresh = doc({ w: { 7: { t: T0, d: 'new', v: ['to-read', T0, ''] } }, n: { 7: 'Seven' } });
    const synced = doc({ w: { 8: { t: T0, d: 'old', v: ['finished', T0, 'good'] } }, p: { 8: progress({ r: [[1, T0]] }) }, n: { 8: 'Eight' } });
    const merged = mergeDocs(fresh, synced);
    expect(Object.keys(merged.w).sort()).toEqual(['7', '8']);
    expect(merged.n).toEqual({ 7: 'Seven', 8: 'Eight' });
    expect(merged.p[8]!.r).toEqual([[1, T0]]);
  });

  it('forgets tombstones and unread marks after 90 days, and nothing else', () => {
    const old = doc({
      r: { gone: { t: T0, d: 'a', v: null }, kept: { t: T0, d: 'a', v: ruleRecord('kept') } },
      w: { 1: { t: T0, d: 'a', v: null }, 2: { t: T0 + 80 * DAY, d: 'a', v: null } },
      p: { 3: progress({ u: [[1, T0], [2, T0 + 80 * DAY]] }) },
    });
    const expired = expire(old, T0 + 91 * DAY);
    expect(Object.keys(expired.r)).toEqual(['kept']);
    expect(Object.keys(expired.w)).toEqual(['2']);
    expect(expired.p[3]!.u).toEqual([[2, T0 + 80 * DAY]]);
  });
});
