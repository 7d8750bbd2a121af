import { describe, expect, it } from 'vitest';
import { chunkKey, decodeItems, encodeDoc, MANIFEST_KEY } from '../../../utils/sync/codec';
import { SYNC_BUDGET, SYNC_LIMITS, itemBytes } from '../../../utils/sync/limits';
import { SYNC_FORMAT } from '../../../utils/sync/doc';
import { bigDoc, doc, progress, ruleRecord, T0 } from './doc-fixtures';

describe('the sync encoding', () => {
  it('round-trips a document through manifest and chunks', async () => {
    const original = doc({
      r: { a: { t: T0, d: 'dev1', v: ruleRecord('a') }, gone: { t: T0 + 5, d: 'dev2', v: null } },
      s: { hiddenWorks: { t: T0, d: 'dev1', v: 'remove' } },
      w: { 123: { t: T0, d: 'dev1', v: ['reading', T0 - 10, 'a note ✓ with ünïcödé'] } },
      p: { 123: progress({ r: [[1, T0], [2, T0 + 1]], u: [[3, T0 + 2]], l: [2, null, T0 + 1], f: T0, v: T0 + 1 }) },
      n: { 123: 'Title' },
    });
    const { items, manifest } = await encodeDoc(original, 'dev1', T0);
    expect(manifest.f).toBe(SYNC_FORMAT);
    expect(Object.keys(items).sort()).toEqual(['c0', 'm']);
    const decoded = await decodeItems(items);
    expect(decoded).toEqual({ state: 'ok', doc: original, manifest });
  });

  it('splits a large document into chunks, each within the per-item limit', async () => {
    const { items, manifest, bytes } = await encodeDoc(bigDoc(2_000, 100), 'dev1', T0);
    expect(manifest.n).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_BUDGET.itemBytes);
    expect(SYNC_BUDGET.itemBytes).toBeLessThan(SYNC_LIMITS.quotaBytesPerItem);
    expect(bytes).toBe(Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0));
    const decoded = await decodeItems(items);
    expect(decoded.state).toBe('ok');
  });

  it('says empty for an area without Shelfmark items, partial for a write still arriving', async () => {
    expect(await decodeItems({})).toEqual({ state: 'empty' });
    expect(await decodeItems({ other: 1 })).toEqual({ state: 'empty' });
    const first = await encodeDoc(bigDoc(2_000, 10), 'dev1', T0);
    const second = await encodeDoc(bigDoc(2_001, 10), 'dev2', T0 + 1);
    // The new manifest arrived with only some of its chunks: the rest are the older write's.
    const mixed = { ...first.items, [MANIFEST_KEY]: second.items[MANIFEST_KEY], [chunkKey(0)]: second.items[chunkKey(0)] };
    expect(await decodeItems(mixed)).toEqual({ state: 'partial' });
    const { [chunkKey(1)]: _gone, ...missing } = first.items;
    expect(await decodeItems(missing)).toEqual({ state: 'partial' });
    const { [MANIFEST_KEY]: _m, ...noManifest } = first.items;
    expect(await decodeItems(noManifest)).toEqual({ state: 'partial' });
  });

  it('says corrupt for damaged data and newer for a format it cannot read', async () => {
    const { items, manifest } = await encodeDoc(bigDoc(50, 5), 'dev1', T0);
    const chunk = items[chunkKey(0)] as string;
    const flipped = chunk.slice(0, -5) + (chunk.at(-5) === 'A' ? 'B' : 'A') + chunk.slice(-4);
    expect((await decodeItems({ ...items, [chunkKey(0)]: flipped })).state).toBe('corrupt');
    expect((await decodeItems({ ...items, [MANIFEST_KEY]: 'nonsense' })).state).toBe('corrupt');
    expect(await decodeItems({ ...items, [MANIFEST_KEY]: { ...manifest, f: SYNC_FORMAT + 1 } })).toEqual({ state: 'newer', format: SYNC_FORMAT + 1 });
  });

  it('says corrupt for well-formed data that is not a sync document', async () => {
    const bad = await encodeDoc({ ...doc(), w: { 5: { t: T0, d: 'x', v: ['nope', 1, ''] } } } as never, 'dev1', T0);
    const decoded = await decodeItems(bad.items);
    expect(decoded.state).toBe('corrupt');
    const proto = await encodeDoc(JSON.parse('{"r":{"__proto__":{"t":1,"d":"x","v":null}},"s":{},"w":{},"p":{},"n":{}}') as never, 'dev1', T0);
    expect((await decodeItems(proto.items)).state).toBe('corrupt');
  });
});
