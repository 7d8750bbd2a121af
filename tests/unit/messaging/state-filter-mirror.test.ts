/**
 * The filter of works that may have a reader state, as the background keeps
 * it: it must never say no to a work with a state, also across a worker
 * stopped part way and writes of many works at once.
 */
import { describe, expect, it } from 'vitest';
import { markChapters, recordVisit } from '../../../utils/db/tracking';
import { mayHaveStateFrom, STATE_FILTER_KEY, StateFilter } from '../../../utils/reading/state-filter';
import { createStateFilterMirror, statefulWorkIds } from '../../../utils/messaging/state-filter-mirror';
import { newTransferId } from '../../../utils/backup/transfer-area';
import { exportText, fillLibrary } from '../backup/files';
import { manyWorks, T0, work } from '../db/fixtures';
import { memoryLocalArea, testBackground } from './background';

const mayHaveState = (local: Map<string, unknown>) => mayHaveStateFrom(local.get(STATE_FILTER_KEY));

describe('the state filter kept by the background', () => {
  it('is built at start from every work with a visit, a chapter read or a Saved entry, and from nothing else', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    // Chapters marked read without a visit: no visit date, so no index lists the work.
    await markChapters(db, 555, [{ id: 1, position: 1 }], true, T0);
    await bg.start();
    const ids = await statefulWorkIds(db);
    expect(ids).toContain(555);
    // Twelve works visited (two of them saved), one read on its page, one only marked read.
    expect(ids).toHaveLength(12 + 1 + 1);
    for (const id of ids) expect(mayHaveState(bg.local)(id)).toBe(true);
    // Works known from listings only have no state.
    const listedOnly = manyWorks(30, 1_000_000).slice(12).map((w) => w.workId).filter((id) => !ids.includes(id));
    expect(listedOnly.filter(mayHaveState(bg.local))).toEqual([]);
  });

  it('holds a work before the request that gives it a state is written', async () => {
    let workStoredWhenFiltered: boolean | null = null;
    const bg = testBackground({
      wrapLocal: (area) => ({
        ...area,
        async set(items) {
          if (STATE_FILTER_KEY in items) workStoredWhenFiltered = (await (await bg.db()).get('works', 4242))?.reading !== undefined;
          return area.set(items);
        },
      }),
    });
    await bg.start();
    expect((await bg.send({ type: 'visit/record', work: work({ workId: 4242 }), chapter: null }))?.ok).toBe(true);
    expect(workStoredWhenFiltered).toBe(false);
    expect(mayHaveState(bg.local)(4242)).toBe(true);
  });

  it('is taken away when storage refuses it, and the visit is recorded all the same', async () => {
    let refuse = false;
    const bg = testBackground({
      wrapLocal: (area) => ({
        ...area,
        async set(items) {
          if (refuse && STATE_FILTER_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
          return area.set(items);
        },
      }),
    });
    await bg.start();
    refuse = true;
    expect((await bg.send({ type: 'visit/record', work: work({ workId: 5150 }), chapter: null }))?.ok).toBe(true);
    expect((await (await bg.db()).get('works', 5150))?.reading).toBeDefined();
    // No filter: every work waits for its state, this one too.
    expect(bg.local.has(STATE_FILTER_KEY)).toBe(false);
  });

  it('writes nothing for a work it already holds', async () => {
    const bg = testBackground();
    await bg.start();
    await bg.send({ type: 'saved/set', workId: 77, status: 'to-read' });
    const before = bg.local.get(STATE_FILTER_KEY);
    await bg.send({ type: 'visit/record', work: work({ workId: 77 }), chapter: null });
    expect(bg.local.get(STATE_FILTER_KEY)).toBe(before);
  });

  it('is taken away during a backup import and built from the imported data after it', async () => {
    const source = testBackground();
    await fillLibrary(await source.db());
    const text = await exportText(await source.db());
    const bg = testBackground();
    await bg.start();
    expect(mayHaveState(bg.local)(work().workId)).toBe(false);
    const transferId = newTransferId(bg.clock.now);
    await bg.transfers.put(transferId, text);
    const reply = await bg.send({ type: 'backup/import', transferId, mode: 'replace', confirmReplace: true });
    expect(reply?.ok).toBe(true);
    for (const id of await statefulWorkIds(await bg.db())) expect(mayHaveState(bg.local)(id)).toBe(true);
    expect(mayHaveState(bg.local)(work().workId)).toBe(true);
  });

  it('is built at the next start when a stop came between taking it away and building it', async () => {
    const bg = testBackground();
    await bg.start();
    await bg.stateFilter.withdraw();
    await recordVisit(await bg.db(), work({ workId: 9001 }), null, T0);
    expect(bg.local.has(STATE_FILTER_KEY)).toBe(false);
    await bg.start();
    expect(mayHaveState(bg.local)(9001)).toBe(true);
  });

  it('keeps works added while it was away for the build that follows, whenever their writes commit', async () => {
    const bg = testBackground();
    await bg.stateFilter.withdraw();
    await bg.stateFilter.add([31337]);
    await bg.stateFilter.rebuild();
    expect(mayHaveState(bg.local)(31337)).toBe(true);
  });

  it('grows when full: built again from the database with the coming works in', async () => {
    const local = new Map<string, unknown>();
    const bg = testBackground();
    const mirror = createStateFilterMirror(bg.db, memoryLocalArea(local));
    await mirror.ensure();
    const capacity = StateFilter.from(local.get(STATE_FILTER_KEY))!.capacity;
    const coming = Array.from({ length: capacity + 10 }, (_, i) => 1_000 + i);
    await mirror.add(coming);
    const grown = StateFilter.from(local.get(STATE_FILTER_KEY))!;
    expect(grown.capacity).toBeGreaterThan(capacity);
    for (const id of coming) expect(grown.mayContain(id)).toBe(true);
  });

  it('is empty after "Delete all my data"', async () => {
    const bg = testBackground();
    await fillLibrary(await bg.db());
    await bg.start();
    expect(mayHaveState(bg.local)(work().workId)).toBe(true);
    expect((await bg.send({ type: 'data/wipe', confirm: true }))?.ok).toBe(true);
    expect(StateFilter.from(bg.local.get(STATE_FILTER_KEY))?.count).toBe(0);
  });
});

