import { describe, expect, it } from 'vitest';
import { inIdOrder, moveId } from '../../../components/rules/order';

describe('moveId', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('moves one place up or down', () => {
    expect(moveId(ids, 'c', -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveId(ids, 'a', 1)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('returns null at the ends and for unknown ids', () => {
    expect(moveId(ids, 'a', -1)).toBeNull();
    expect(moveId(ids, 'd', 1)).toBeNull();
    expect(moveId(ids, 'x', 1)).toBeNull();
  });
  it('clamps longer moves', () => {
    expect(moveId(ids, 'b', 10)).toEqual(['a', 'c', 'd', 'b']);
  });
  it('leaves the input alone', () => {
    moveId(ids, 'b', 1);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('inIdOrder', () => {
  it('sorts items by the ids, unnamed ones after in their own order', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(inIdOrder(items, ['c', 'a']).map((i) => i.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
