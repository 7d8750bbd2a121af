import { describe, expect, it } from 'vitest';
import { deleteRule, listRules, putRule, reorderRules } from '../../../utils/db/rules';
import { removeSaved, setSaved } from '../../../utils/db/saved';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import { setSettings, getSettings } from '../../../utils/db/settings';
import { markChapters, recordVisit } from '../../../utils/db/tracking';
import type { RuleInput } from '../../../utils/db/rule-checks';
import { createSyncEngine, type SyncEngine } from '../../../utils/sync/engine';
import { encodeDoc, MANIFEST_KEY } from '../../../utils/sync/codec';
import { SYNC_BUDGET } from '../../../utils/sync/limits';
import { freshDb, T0, work } from '../db/fixtures';
import { FakeSyncArea } from './fake-sync-area';

/** A shared clock and timer queue for every device of a test: time moves only when the test says. */
class World {
  now = T0;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private nextId = 1;
  devices: Device[] = [];

  setTimer = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, run, id });
    return id;
  };
  clearTimer = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  /** Moves the clock, running every timer due on the way and waiting for the passes it starts. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const due = this.timers[0];
      if (!due || due.at > end) break;
      this.timers.shift();
      this.now = Math.max(this.now, due.at);
      due.run();
      await Promise.all(this.devices.map((d) => d.engine.idle()));
    }
    this.now = end;
  }

  async device(name: string): Promise<Device> {
    const db = await freshDb();
    const area = new FakeSyncArea(() => this.now);
    const received: string[] = [];
    const engine = createSyncEngine({
      getDb: async () => db,
      now: () => this.now,
      area,
      afterApply: async () => void received.push(name),
      setTimer: this.setTimer,
      clearTimer: this.clearTimer,
    });
    area.listeners.push((changes) => engine.noteAreaChange(changes));
    const device = { name, db, area, engine, received };
    this.devices.push(device);
    return device;
  }
}

interface Device {
  name: string;
  db: ShelfmarkDb;
  area: FakeSyncArea;
  engine: SyncEngine;
  received: string[];
}

const rule = (id: string, overrides: Partial<RuleInput> = {}): RuleInput => ({
  id,
  action: 'hide',
  match: { kind: 'tag', slot: 'freeform', text: `Tag ${id}`, mode: 'exact' },
  enabled: true,
  ...overrides,
});

/** What must end equal on every device. */
async function synced(db: ShelfmarkDb) {
  const rules = (await listRules(db)).map(({ id, enabled, order, label, match }) => ({ id, enabled, order, label, match }));
  const works = (await db.getAll('works')).map((w) => ({
    workId: w.workId,
    saved: w.saved ? { status: w.saved.status, note: w.saved.note, added: w.saved.added } : null,
    read: (w.reading?.chapters ?? []).filter((c) => c.readAt !== null).map((c) => c.position),
    resume: w.reading?.lastChapter?.position ?? null,
  }));
  const settings = await getSettings(db);
  return { rules, works, hiddenWorks: settings.hiddenWorks };
}

async function change(device: Device, world: World, edit: (db: ShelfmarkDb) => Promise<unknown>): Promise<void> {
  await edit(device.db);
  await device.engine.noteLocalChange();
  void world;
}

/** Both devices' writes delivered to the other, until neither has anything new. */
async function exchange(world: World, a: Device, b: Device): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await world.advance(61_000);
    a.area.deliverTo(b.area);
    await world.advance(61_000);
    b.area.deliverTo(a.area);
  }
  await world.advance(61_000);
}

describe('the sync engine', () => {
  it('sends a local change within a minute, coalesced into one write', async () => {
    const world = new World();
    const a = await world.device('a');
    await change(a, world, (db) => putRule(db, rule('one'), world.now));
    await change(a, world, (db) => putRule(db, rule('two'), world.now));
    await change(a, world, (db) => setSaved(db, { workId: 5, status: 'to-read', work: work({ workId: 5 }) }, world.now));
    expect(a.area.writes).toHaveLength(0);
    await world.advance(60_000);
    expect(a.area.writes).toHaveLength(1);
    expect(a.area.items.has(MANIFEST_KEY)).toBe(true);
    const status = await a.engine.status();
    expect(status).toMatchObject({ pending: false, everSynced: true, lastSent: expect.any(Number), synced: { rules: 2, saved: 1 } });
  });

  it('ends with the same rules, saved list and progress on both sides after edits on both before delivery', async () => {
    const world = new World();
    const a = await world.device('laptop');
    const b = await world.device('desktop');
    await change(a, world, async (db) => {
      await putRule(db, rule('shared'), world.now);
      await recordVisit(db, work({ workId: 7 }), { id: 301, position: 1 }, world.now);
    });
    await world.advance(61_000);
    a.area.deliverTo(b.area);
    await world.advance(61_000);
    b.area.deliverTo(a.area);
    await world.advance(61_000);
    expect(await synced(b.db)).toEqual(await synced(a.db));

    // Now both edit before either hears of the other: the same rule, other rules, chapters read, the saved list.
    await change(a, world, async (db) => {
      await putRule(db, rule('shared', { label: 'from the laptop', order: 0 }), world.now);
      await putRule(db, rule('laptop-only'), world.now);
      await markChapters(db, 7, [{ id: 301, position: 1 }, { id: 302, position: 2 }], true, world.now);
      await setSaved(db, { workId: 7, status: 'reading', note: 'laptop note' }, world.now);
    });
    world.now += 1_000;
    await change(b, world, async (db) => {
      await putRule(db, rule('shared', { enabled: false, label: 'from the desktop', order: 0 }), world.now);
      await putRule(db, rule('desktop-only'), world.now);
      await markChapters(db, 7, [{ id: 303, position: 3 }], true, world.now);
      await setSettings(db, { hiddenWorks: 'remove', rulesPaused: true }, world.now);
    });
    await exchange(world, a, b);
    const left = await synced(a.db);
    expect(await synced(b.db)).toEqual(left);
    expect(left.rules.map((r) => r.id).sort()).toEqual(['desktop-only', 'laptop-only', 'shared']);
    // The desktop's edit of the shared rule was the later one.
    expect(left.rules.find((r) => r.id === 'shared')).toMatchObject({ enabled: false, label: 'from the desktop' });
    expect(left.works.find((w) => w.workId === 7)).toMatchObject({ read: [1, 2, 3], saved: { status: 'reading', note: 'laptop note' } });
    expect(left.hiddenWorks).toBe('remove');
    // Pausing the rules is about one device: it stays there.
    expect((await getSettings(a.db)).rulesPaused).toBe(false);
    expect(b.received).toContain('desktop');
  });

  it('carries a deletion and a "mark unread" to the other device', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await change(a, world, async (db) => {
      await putRule(db, rule('doomed'), world.now);
      await putRule(db, rule('kept'), world.now);
      await setSaved(db, { workId: 9, status: 'to-read', work: work({ workId: 9 }) }, world.now);
      await markChapters(db, 9, [{ id: 301, position: 1 }, { id: 302, position: 2 }], true, world.now);
    });
    await exchange(world, a, b);
    expect((await listRules(b.db)).map((r) => r.id)).toEqual(['doomed', 'kept']);
    world.now += 5_000;
    await change(a, world, async (db) => {
      await deleteRule(db, 'doomed');
      await removeSaved(db, 9);
      await markChapters(db, 9, [{ id: 302, position: 2 }], false, world.now);
    });
    await exchange(world, a, b);
    expect((await listRules(b.db)).map((r) => r.id)).toEqual(['kept']);
    const nine = await b.db.get('works', 9);
    expect(nine?.saved).toBeUndefined();
    expect(nine?.reading?.chapters.filter((c) => c.readAt !== null).map((c) => c.position)).toEqual([1]);
    expect(await synced(b.db)).toEqual(await synced(a.db));
  });

  it('keeps an edit made after a deletion elsewhere', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await change(a, world, (db) => putRule(db, rule('contested'), world.now));
    await exchange(world, a, b);
    await change(a, world, (db) => deleteRule(db, 'contested'));
    world.now += 2_000;
    await change(b, world, (db) => putRule(db, rule('contested', { label: 'edited later' }), world.now));
    await exchange(world, a, b);
    expect((await listRules(a.db)).map((r) => r.label)).toEqual(['edited later']);
    expect(await synced(b.db)).toEqual(await synced(a.db));
  });

  it('keeps rule order changes', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await change(a, world, async (db) => {
      for (const id of ['r1', 'r2', 'r3']) await putRule(db, rule(id), world.now);
    });
    await exchange(world, a, b);
    world.now += 1_000;
    await change(b, world, (db) => reorderRules(db, ['r3', 'r1', 'r2'], world.now));
    await exchange(world, a, b);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
  });

  it('merges a device that never synced with what is there, wiping nothing on either side', async () => {
    const world = new World();
    const a = await world.device('a');
    await change(a, world, async (db) => {
      await putRule(db, rule('from-a'), world.now);
      await setSaved(db, { workId: 1, status: 'finished', work: work({ workId: 1, title: 'One' }) }, world.now);
    });
    await world.advance(61_000);
    const b = await world.device('b');
    await putRule(b.db, rule('from-b'), world.now);
    await setSaved(b.db, { workId: 2, status: 'to-read', work: work({ workId: 2, title: 'Two' }) }, world.now);
    a.area.deliverTo(b.area);
    await world.advance(61_000);
    await exchange(world, a, b);
    for (const device of [a, b]) {
      expect((await listRules(device.db)).map((r) => r.id).sort()).toEqual(['from-a', 'from-b']);
      expect((await device.db.getAll('works')).filter((w) => w.saved).map((w) => w.workId)).toEqual([1, 2]);
    }
    // A work saved elsewhere arrives with its title.
    const one = await b.db.get('works', 1);
    expect(one && 'title' in one ? one.title : null).toBe('One');
  });

  it('never takes an empty, corrupt or newer-format area as deletions, and says so', async () => {
    const world = new World();
    const a = await world.device('a');
    await change(a, world, (db) => putRule(db, rule('mine'), world.now));
    await world.advance(61_000);
    // Another device's area emptied: nothing here is deleted.
    a.area.receive(new Map());
    await world.advance(61_000);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['mine']);
    // Corrupt: ignored, reported, replaced by this device's data.
    a.area.receive(new Map([[MANIFEST_KEY, JSON.stringify({ f: 1, g: 'abc', n: 1, b: 3, h: 1, d: 'x', t: 1 })], ['c0', JSON.stringify('abc.AAAA')]]));
    await world.advance(2_000);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['mine']);
    expect((await a.engine.status()).problem).toBeNull();
    // Newer format: neither read nor written over.
    const newer = await encodeDoc({ r: {}, s: {}, w: {}, p: {}, n: {} }, 'other', world.now);
    const newerItems = new Map(Object.entries({ ...newer.items, [MANIFEST_KEY]: { ...newer.manifest, f: 99 } }).map(([k, v]) => [k, JSON.stringify(v)]));
    a.area.receive(newerItems);
    const writes = a.area.writes.length;
    await change(a, world, (db) => putRule(db, rule('later'), world.now));
    await world.advance(120_000);
    expect(a.area.writes.length).toBe(writes);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['mine', 'later']);
    expect((await a.engine.status()).problem).toMatchObject({ kind: 'newer', detail: '99' });
  });

  it('reports a corrupt area it could not write over', async () => {
    const world = new World();
    const a = await world.device('a');
    await putRule(a.db, rule('mine'), world.now);
    a.area.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    a.area.receive(new Map([[MANIFEST_KEY, JSON.stringify('garbage')]]));
    await world.advance(5_000);
    expect((await a.engine.status()).problem).toMatchObject({ kind: 'write-failed' });
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['mine']);
  });

  it('keeps changes made while sync is off and sends them once it is on', async () => {
    const world = new World();
    const a = await world.device('a');
    await setSettings(a.db, { syncEnabled: false }, world.now);
    await change(a, world, (db) => putRule(db, rule('offline'), world.now));
    await world.advance(120_000);
    expect(a.area.writes).toHaveLength(0);
    expect((await a.engine.status()).pending).toBe(true);
    await change(a, world, (db) => setSettings(db, { syncEnabled: true }, world.now));
    await world.advance(60_000);
    expect(a.area.writes.length).toBeGreaterThan(0);
    expect((await a.engine.status()).pending).toBe(false);
  });

  it('stays under the write limits through 200 rapid changes, and sends the last one', async () => {
    const world = new World();
    const a = await world.device('a');
    for (let i = 0; i < 200; i++) {
      await change(a, world, (db) => setSaved(db, { workId: 1 + (i % 20), status: i % 2 ? 'reading' : 'to-read', note: `click ${i}` }, world.now));
      await world.advance(150);
    }
    await world.advance(60_000);
    expect(a.area.rejected).toBe(0);
    const perMinute = Math.max(...a.area.writes.map((at) => a.area.writes.filter((b) => b > at - 60_000 && b <= at).length));
    expect(perMinute).toBeLessThanOrEqual(SYNC_BUDGET.writesPerMinute);
    expect(a.area.writes.length).toBeLessThanOrEqual(10);
    const b = await world.device('b');
    a.area.deliverTo(b.area);
    await world.advance(5_000);
    expect((await b.db.get('works', 20))?.saved?.note).toBe('click 199');
  });
});
