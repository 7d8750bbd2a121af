/**
 * A worker stopped part way: the rules mirror and "Delete all my data" each
 * leave writes outside the database after its commit, and every start of the
 * background finishes them (utils/messaging/recovery.ts). The real browser,
 * with a real stop, is tests/e2e/worker-stop.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { deleteRule, putRule } from '../../../utils/db/rules';
import { isWipeUnfinished, wipeDatabase } from '../../../utils/db/wipe';
import { DISPLAY_PREFS_KEY } from '../../../utils/library/display';
import { NUMBERS_PREFS_KEY } from '../../../utils/reading/numbers-prefs';
import { STATE_FILTER_KEY, StateFilter } from '../../../utils/reading/state-filter';
import { createListingMirror } from '../../../utils/messaging/listing-mirror';
import { EMPTY_LISTING_CONFIG, LISTING_CONFIG_KEY, type ListingConfig } from '../../../utils/rules/listing-config';
import { fillLibrary } from '../backup/files';
import { T0 } from '../db/fixtures';
import { memoryLocalArea, testBackground } from './background';

const rule = (id: string) => ({ id, action: 'hide' as const, match: { kind: 'author' as const, login: `writer_${id}` }, enabled: true });
const mirroredRuleIds = (local: Map<string, unknown>) => (JSON.parse(local.get(LISTING_CONFIG_KEY) as string) as ListingConfig).rules.map((r) => r.id);

describe('the rules mirror after a stop', () => {
  it('is rebuilt from the database at start when a stop came between a change and its mirror write', async () => {
    const bg = testBackground();
    await bg.send({ type: 'rules/put', rule: rule('a') });
    await bg.send({ type: 'rules/put', rule: rule('b') });
    expect(mirroredRuleIds(bg.local)).toEqual(['a', 'b']);
    // rules/delete committed, and the worker stopped before the router wrote the mirror.
    await deleteRule(await bg.db(), 'a');
    expect(mirroredRuleIds(bg.local)).toEqual(['a', 'b']);

    await bg.start();

    expect(mirroredRuleIds(bg.local)).toEqual(['b']);
  });

  it('writes nothing at start when the mirror is right, so open tabs are not woken', async () => {
    const bg = testBackground();
    await bg.send({ type: 'rules/put', rule: rule('a') });
    const local = new Map(bg.local);
    const area = memoryLocalArea(local);
    const set = vi.spyOn(area, 'set');
    await createListingMirror(bg.db, area).refresh();
    expect(set).not.toHaveBeenCalled();
    expect(local).toEqual(bg.local);
  });

  it('lands overlapping writes in order: a slow write never leaves older rules after a newer one', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await putRule(db, rule('a'), T0);
    const local = new Map<string, unknown>();
    const area = memoryLocalArea(local);
    const realSet = area.set.bind(area);
    let firstSetReached!: () => void;
    const reached = new Promise<void>((resolve) => (firstSetReached = resolve));
    let releaseFirst!: () => void;
    const released = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    area.set = async (items) => {
      if (++calls === 1) {
        firstSetReached();
        await released;
      }
      await realSet(items);
    };
    const mirror = createListingMirror(bg.db, area);

    // The start's rebuild has read rule "a" and is writing it, slowly…
    const starting = mirror.refresh();
    await reached;
    // …when a request deletes "a" and asks for the mirror again.
    await deleteRule(db, 'a');
    const afterDelete = mirror.refresh();
    // Time enough for the second write to land first, were it not made to wait.
    setTimeout(releaseFirst, 50);
    await Promise.all([starting, afterDelete]);

    expect(mirroredRuleIds(local)).toEqual([]);
  });

  it('shares one write among calls made while it waits its turn', async () => {
    const bg = testBackground();
    const local = new Map<string, unknown>();
    const area = memoryLocalArea(local);
    const get = vi.spyOn(area, 'get');
    const mirror = createListingMirror(bg.db, area);
    // Three calls before the first write starts: one write (one read per key).
    await Promise.all([mirror.refresh(), mirror.refresh(), mirror.refresh()]);
    expect(get).toHaveBeenCalledTimes(3);
  });
});

describe('"Delete all my data" after a stop', () => {
  it('is finished at start when the worker stopped right after the database was wiped', async () => {
    const bg = testBackground();
    const db = await bg.db();
    await fillLibrary(db);
    await bg.send({ type: 'settings/set', values: { rulesPaused: false } });
    expect(mirroredRuleIds(bg.local)).toEqual(['no-mcd']);
    bg.local.set('historyImport:readings', { view: 'readings', nextPage: 3 });
    await bg.transfers.put('1714564800000-0f8fad5b-d9cb-469f-a165-70867728950e', '{"a backup": true}');

    // The wipe's transaction committed; nothing after it ran.
    await wipeDatabase(db);
    expect(await isWipeUnfinished(db)).toBe(true);
    expect(mirroredRuleIds(bg.local)).toEqual(['no-mcd']);

    await bg.start();

    expect([...bg.local.keys()].sort()).toEqual([DISPLAY_PREFS_KEY, LISTING_CONFIG_KEY, NUMBERS_PREFS_KEY, STATE_FILTER_KEY].sort());
    expect(bg.mirror()).toEqual(EMPTY_LISTING_CONFIG);
    expect(StateFilter.from(bg.local.get(STATE_FILTER_KEY))?.count).toBe(0);
    expect(bg.transfers.files.size).toBe(0);
    expect(await isWipeUnfinished(db)).toBe(false);
  });

  it('leaves no mark once the request has run to its end, and a later start keeps what content scripts stored', async () => {
    const bg = testBackground();
    await fillLibrary(await bg.db());
    expect(await bg.send({ type: 'data/wipe', confirm: true })).toEqual({ ok: true, value: null });
    expect(await isWipeUnfinished(await bg.db())).toBe(false);

    bg.local.set('historyImport:readings', { view: 'readings', nextPage: 3 });
    await bg.start();
    expect(bg.local.get('historyImport:readings')).toEqual({ view: 'readings', nextPage: 3 });
  });
});
