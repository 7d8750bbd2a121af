/** The background's family learner: which tags, when, one at a time, failures kept beside the last family. */
import { describe, expect, it } from 'vitest';
import { putRule } from '../../../utils/db/rules';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import { setSettings } from '../../../utils/db/settings';
import { getFamilyRecords, saveFamilyFailure, saveLearnedFamily } from '../../../utils/db/tag-families';
import type { LearnResult } from '../../../utils/rules/learn-family';
import type { TagFamily } from '../../../utils/rules/tag-family';
import type { Rule } from '../../../utils/rules/types';
import { FAILED_RETRY_MS, FAMILY_MAX_AGE_MS, FamilyService, familyNamesOf, isDue } from '../../../utils/wrangling/family-service';
import { DAY, freshDb, T0 } from '../db/fixtures';

const family = (name: string, learnedAt: number): TagFamily => ({ name, canonical: name, synonyms: [`${name} synonym`], subtags: [], learnedAt, pages: 1, complete: true });

const tagRule = (id: string, text: string, extra: Partial<Rule> = {}) =>
  ({ id, action: 'hide', match: { kind: 'tag', slot: 'any', text, mode: 'exact' }, enabled: true, ...extra }) as const;

function service(db: ShelfmarkDb, outcomes: Record<string, LearnResult | 'hang'> = {}) {
  const clock = { now: T0 };
  const learned: string[] = [];
  const progress: Array<[string, number, number]> = [];
  let changes = 0;
  const s = new FamilyService({
    getDb: async () => db,
    now: () => clock.now,
    learn: async (name, onProgress) => {
      learned.push(name);
      onProgress(1, 3);
      progress.push([name, 1, 3]);
      const outcome = outcomes[name] ?? { ok: true, family: family(name, clock.now) };
      if (outcome === 'hang') return new Promise<LearnResult>(() => undefined);
      return outcome;
    },
    changed: async () => void changes++,
    messages: { missing: 'no such tag', failed: (e) => `failed: ${e}` },
  });
  return { s, clock, learned, progress, changes: () => changes };
}

describe('familyNamesOf', () => {
  it('takes enabled exact tag rules, with the plain names of their scope and exceptions, once each', () => {
    const rules = [
      tagRule('a', 'Angst', { scope: { fandoms: ['Sherlock (TV)', 'Marvel*'] }, exceptions: { tags: ['Fluff', 'Happy*'] } }),
      tagRule('b', ' angst '),
      tagRule('c', 'Off', { enabled: false }),
      { id: 'd', action: 'hide', match: { kind: 'tag', slot: 'any', text: 'Alpha*', mode: 'wildcard' }, enabled: true },
      { id: 'e', action: 'hide', match: { kind: 'author', login: 'x' }, enabled: true },
    ] as unknown as Rule[];
    expect(familyNamesOf(rules)).toEqual(['Angst', 'Sherlock (TV)', 'Fluff']);
  });
});

describe('isDue', () => {
  it('learns what is missing or older than 30 days; waits 6 hours after a failure', () => {
    const record = (learnedAt: number | null, failedAt: number | null) => ({ key: 'a', name: 'A', family: learnedAt === null ? null : family('A', learnedAt), failedAt, error: failedAt ? 'x' : null });
    expect(isDue(undefined, T0)).toBe(true);
    expect(isDue(record(T0, null), T0 + FAMILY_MAX_AGE_MS - 1)).toBe(false);
    expect(isDue(record(T0, null), T0 + FAMILY_MAX_AGE_MS)).toBe(true);
    expect(isDue(record(null, T0), T0 + FAILED_RETRY_MS - 1)).toBe(false);
    expect(isDue(record(null, T0), T0 + FAILED_RETRY_MS)).toBe(true);
    expect(isDue(record(T0 - 40 * DAY, T0), T0 + 1000)).toBe(false);
  });
});

describe('FamilyService', () => {
  it('learns the families the rules lack, one at a time, and rebuilds the mirror after each', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('a', 'a shit ton of angst'), T0);
    await putRule(db, tagRule('b', 'Fluff'), T0);
    await saveLearnedFamily(db, 'Fluff', family('Fluff', T0 - DAY));
    const { s, learned, changes } = service(db);
    await s.sync();
    await s.whenIdle();
    expect(learned).toEqual(['a shit ton of angst']);
    expect(changes()).toBe(1);
    const [status] = await s.status(['A Shit Ton of Angst']);
    expect(status).toMatchObject({ key: 'a shit ton of angst', family: { name: 'a shit ton of angst', learnedAt: T0 }, learning: null, queued: false, error: null });
  });

  it('refreshes what is older than 30 days', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('b', 'Fluff'), T0);
    await saveLearnedFamily(db, 'Fluff', family('Fluff', T0 - 31 * DAY));
    const { s, learned } = service(db);
    await s.sync();
    await s.whenIdle();
    expect(learned).toEqual(['Fluff']);
  });

  it('keeps the last family when learning fails, and says why', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('b', 'Fluff'), T0);
    await saveLearnedFamily(db, 'Fluff', family('Fluff', T0 - 31 * DAY));
    await putRule(db, tagRule('c', 'Nope'), T0);
    const { s, changes } = service(db, { Fluff: { ok: false, status: 'failed', error: 'HTTP 503' }, Nope: { ok: false, status: 'missing' } });
    await s.sync();
    await s.whenIdle();
    const records = await getFamilyRecords(db, ['fluff', 'nope']);
    expect(records.get('fluff')).toMatchObject({ family: { learnedAt: T0 - 31 * DAY }, failedAt: T0, error: 'failed: HTTP 503' });
    expect(records.get('nope')).toMatchObject({ family: null, error: 'no such tag' });
    expect(changes()).toBe(0);
  });

  it('does not retry a failure at every start, but does on demand', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('b', 'Fluff'), T0);
    await saveFamilyFailure(db, 'Fluff', 'offline', T0 - 1000);
    const { s, learned } = service(db);
    await s.sync();
    await s.whenIdle();
    expect(learned).toEqual([]);
    await s.refresh('fluff');
    await s.whenIdle();
    expect(learned).toEqual(['fluff']);
    expect((await getFamilyRecords(db, ['fluff'])).get('fluff')).toMatchObject({ family: { name: 'fluff' }, failedAt: null, error: null });
  });

  it('learns nothing with the setting off, and refuses a refresh', async () => {
    const db = await freshDb();
    await setSettings(db, { learnTagFamilies: false }, T0);
    await putRule(db, tagRule('a', 'Angst'), T0);
    const { s, learned } = service(db);
    await s.sync();
    await s.whenIdle();
    expect(learned).toEqual([]);
    await expect(s.refresh('Angst')).rejects.toThrow(/off/);
  });

  it('stores nothing learned from before all data was deleted, and drops what was waiting', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('a', 'Angst'), T0);
    await putRule(db, tagRule('b', 'Fluff'), T0);
    let finish: (result: LearnResult) => void = () => undefined;
    const { s, learned } = service(db);
    (s as unknown as { deps: { learn: () => Promise<LearnResult> } }).deps.learn = () => {
      learned.push('Angst');
      return new Promise<LearnResult>((resolve) => (finish = resolve));
    };
    await s.sync();
    await new Promise((resolve) => setTimeout(resolve, 10));
    s.forget();
    finish({ ok: true, family: family('Angst', T0) });
    await s.whenIdle();
    expect(learned).toEqual(['Angst']);
    expect([...(await getFamilyRecords(db, ['angst', 'fluff'])).values()]).toEqual([]);
  });

  it('reports progress while learning and the tags waiting their turn', async () => {
    const db = await freshDb();
    await putRule(db, tagRule('a', 'Angst'), T0);
    await putRule(db, tagRule('b', 'Fluff'), T0);
    const { s } = service(db, { Angst: 'hang' });
    await s.sync();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [angst, fluff] = await s.status(['Angst', 'Fluff']);
    expect(angst).toMatchObject({ learning: { done: 1, total: 3 }, queued: false, family: null });
    expect(fluff).toMatchObject({ learning: null, queued: true });
  });
});
