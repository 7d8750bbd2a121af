import { describe, expect, it } from 'vitest';
import { mayHaveStateFrom, StateFilter } from '../../../utils/reading/state-filter';

/** Work ids spread as the archive's are: up to nine digits, a few far larger. */
function workIds(count: number, seed: number): number[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0);
  return Array.from({ length: count }, (_, i) => (i % 50 === 0 ? next() * 2 ** 20 + next() : next() % 80_000_000));
}

describe('the filter of works that may have a state', () => {
  it('never says no to a work it holds, in memory or read from storage', () => {
    const ids = workIds(20_000, 1);
    const filter = StateFilter.forWorks(ids.length);
    for (const id of ids) filter.add(id);
    const stored = structuredClone(filter.toStored());
    const mayHaveState = mayHaveStateFrom(stored);
    const again = StateFilter.from(stored)!;
    for (const id of ids) {
      expect(filter.mayContain(id)).toBe(true);
      expect(mayHaveState(id)).toBe(true);
      expect(again.mayContain(id)).toBe(true);
    }
    expect(again.count).toBe(20_000);
  });

  it('says yes to about one work in a hundred it does not hold, when full', () => {
    const filter = StateFilter.forWorks(10_000);
    for (const id of workIds(filter.capacity, 2)) filter.add(id);
    const held = new Set(workIds(filter.capacity, 2));
    const others = workIds(50_000, 3).filter((id) => !held.has(id));
    const wrong = others.filter(mayHaveStateFrom(filter.toStored())).length / others.length;
    expect(wrong).toBeLessThan(0.015);
    expect(filter.hasRoomFor(1)).toBe(false);
  });

  it('says no to every work when empty, in a few bytes per work', () => {
    const filter = StateFilter.forWorks(0);
    const stored = filter.toStored();
    expect(workIds(1_000, 4).some(mayHaveStateFrom(stored))).toBe(false);
    expect(stored.bits.length).toBeLessThan(2_000);
    expect(StateFilter.forWorks(100_000).toStored().bits.length).toBeLessThan(250_000);
  });

  it('reads anything missing or malformed as "every work may have a state"', () => {
    for (const bad of [undefined, null, 'x', {}, { bits: '', probes: 7, count: 0, capacity: 1 }, { bits: 'AA==', probes: 7, count: 0, capacity: 1 }, { bits: 'AAAA', probes: 0, count: 0, capacity: 1 }, { bits: 'AAAA', probes: 7, count: -1, capacity: 1 }]) {
      expect(mayHaveStateFrom(bad)(123)).toBe(true);
      expect(StateFilter.from(bad)).toBeNull();
    }
  });
});
