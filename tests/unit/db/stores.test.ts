import { describe, expect, it } from 'vitest';
import { getWorkStates } from '../../../utils/db/work-state';
import { readingBadge } from '../../../utils/reading/badge';
import { markChapters, recordVisit, setScrollPosition, storeWorkSnapshots } from '../../../utils/db/tracking';
import { removeSaved, setSaved } from '../../../utils/db/saved';
import { deleteRule, listRules, putRule, reorderRules } from '../../../utils/db/rules';
import { getSettings, SETTING_DEFAULTS, setSettings } from '../../../utils/db/settings';
import { readBackupData, writeBackupData } from '../../../utils/db/data-transfer';
import { openShelfmarkDb } from '../../../utils/db/open';
import { factsOf } from '../../../utils/db/stored-work';
import { inTransaction } from '../../../utils/db/transaction';
import { VISIT_BUCKET_SIZE } from '../../../utils/db/visit-log';
import type { RuleInput } from '../../../utils/db/rule-checks';
import { DAY, freshDb, manyWorks, T0, uniqueDbName, work } from './fixtures';

const rule = (id: string, overrides: Partial<RuleInput> = {}): RuleInput => ({
  id,
  action: 'hide',
  match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' },
  enabled: true,
  label: `rule ${id}`,
  ...overrides,
});

describe('recording visits', () => {
  it('snapshots the work, counts the visit and logs it', async () => {
    const db = await freshDb();
    await recordVisit(db, work(), { id: 301, position: 1 }, T0);
    const reading = await recordVisit(db, work({ words: 15_000, updatedAt: work().updatedAt! + 10 }), { id: 302, position: 2 }, T0 + DAY);
    expect(reading.visitCount).toBe(2);
    const stored = await db.get('works', work().workId);
    expect(factsOf(stored)?.words).toBe(15_000);
    // The reading lives in the work's record.
    expect(stored?.reading).toEqual(reading);
    const data = await readBackupData(db);
    expect(data.visits).toEqual([
      { workId: work().workId, chapterId: 301, position: 1, at: T0 },
      { workId: work().workId, chapterId: 302, position: 2, at: T0 + DAY },
    ]);
  });

  it('loses no visit when many are recorded at once', async () => {
    const db = await freshDb();
    const works = manyWorks(10);
    await Promise.all(Array.from({ length: 1_200 }, (_, i) => recordVisit(db, works[i % 10]!, null, T0 + i)));
    expect((await readBackupData(db)).visits).toHaveLength(1_200);
    const states = await getWorkStates(db, works.map((w) => w.workId));
    expect(states.map((s) => s.reading?.visitCount)).toEqual(Array(10).fill(120));
    // The log spans several buckets, in order.
    expect((await db.getAllKeys('visits')).length).toBe(Math.ceil(1_200 / VISIT_BUCKET_SIZE));
    expect((await readBackupData(db)).visits.map((v) => v.at)).toEqual(Array.from({ length: 1_200 }, (_, i) => T0 + i));
    // 1,200 transactions on fake-indexeddb take seconds on a busy machine.
  }, 20_000);

  it('stores listing snapshots moving forward only, folding duplicates', async () => {
    const db = await freshDb();
    await recordVisit(db, work({ words: 50_000, updatedAt: work().updatedAt! + 100 }), null, T0);
    const stale = work({ words: 10, chapters: [] });
    expect(await storeWorkSnapshots(db, [stale, stale, ...manyWorks(3)], T0 + DAY)).toBe(4);
    const stored = factsOf(await db.get('works', work().workId));
    expect(stored?.words).toBe(50_000);
    expect(stored?.chapters).toHaveLength(3);
    expect(stored?.lastSeen).toBe(T0 + DAY);
    // New facts never lose the reading kept in the same record.
    expect((await db.get('works', work().workId))?.reading?.visitCount).toBe(1);
  });

  it('marks chapters and keeps scroll positions', async () => {
    const db = await freshDb();
    await markChapters(db, 5, [{ id: 1, position: 1 }], true, T0);
    await setScrollPosition(db, 5, { id: 2, position: 2 }, 0.25, T0 + 1);
    const [state] = await getWorkStates(db, [5]);
    expect(state?.reading?.chapters).toEqual([
      { id: 1, position: 1, readAt: T0, scroll: null, scrollAt: null },
      { id: 2, position: 2, readAt: null, scroll: 0.25, scrollAt: T0 + 1 },
    ]);
    // Read but never seen: the record holds the reading alone, until a page gives the facts.
    expect(Object.keys((await db.get('works', 5))!).sort()).toEqual(['reading', 'workId']);
    await recordVisit(db, work({ workId: 5 }), { id: 1, position: 1 }, T0 + 2);
    const seen = await db.get('works', 5);
    expect(factsOf(seen)?.title).toBe(work().title);
    expect(seen?.reading).toMatchObject({ visitCount: 1, chapters: [{ id: 1, readAt: T0 }, { id: 2, scroll: 0.25 }] });
  });
});

describe('work states', () => {
  it('answers for many works in the order asked, null for unknown ones', async () => {
    const db = await freshDb();
    await recordVisit(db, work(), null, T0);
    await setSaved(db, { workId: 99, status: 'to-read' }, T0);
    const states = await getWorkStates(db, [99, work().workId, 12345]);
    expect(states.map((s) => [s.workId, s.reading?.visitCount ?? null, s.saved?.status ?? null])).toEqual([
      [99, null, 'to-read'],
      [work().workId, 1, null],
      [12345, null, null],
    ]);
  });

  it('keep the chapters of the last work page opened when a listing says more are posted: the badge says what is new', async () => {
    const db = await freshDb();
    await recordVisit(db, work(), { id: 301, position: 1 }, T0);
    await markChapters(db, work().workId, [{ id: 301, position: 1 }], true, T0);
    // A newer listing: five chapters posted, none named.
    await storeWorkSnapshots(db, [work({ chapterCount: { posted: 5, expected: 5 }, chapters: [], updatedAt: work().updatedAt! + DAY })], T0 + DAY);
    const [state] = await getWorkStates(db, [work().workId]);
    expect(state?.chapters.map((c) => c.position)).toEqual([1, 2, 3]);
    const badge = readingBadge({
      workId: work().workId, chapters: { posted: 5, expected: 5 }, complete: false, lastChapterId: null,
      reading: state!.reading, saved: state!.saved, knownChapters: state!.chapters, now: T0 + DAY, locale: 'en',
    });
    expect(badge?.text).toBe('Read 1/5 · 2 new since you last looked');
  });
});

describe('saved works', () => {
  it('saves, changes status keeping the added date and note, and removes', async () => {
    const db = await freshDb();
    await setSaved(db, { workId: 1, status: 'to-read', note: 'rec from a friend', work: work({ workId: 1 }) }, T0);
    const changed = await setSaved(db, { workId: 1, status: 'reading' }, T0 + DAY);
    expect(changed).toEqual({ workId: 1, status: 'reading', added: T0, changed: T0 + DAY, note: 'rec from a friend' });
    expect(factsOf(await db.get('works', 1))?.title).toBe(work().title);
    // Saving with the page's facts keeps what the reader read.
    await markChapters(db, 1, [{ id: 301, position: 1 }], true, T0);
    await setSaved(db, { workId: 1, status: 'reading', work: work({ workId: 1, words: 20_000 }) }, T0 + DAY);
    expect(await db.get('works', 1)).toMatchObject({ words: 20_000, reading: { chapters: [{ id: 301, readAt: T0 }] } });
    expect(await db.getAllKeysFromIndex('works', 'savedStatus', 'reading')).toEqual([1]);
    expect(await db.getAllKeysFromIndex('works', 'savedChanged')).toEqual([1]);
    expect(await removeSaved(db, 1)).toBe(true);
    expect(await removeSaved(db, 1)).toBe(false);
    // Off the list, the work keeps its facts and reading, and leaves the saved indexes.
    expect(await db.get('works', 1)).toMatchObject({ words: 20_000, reading: { visitCount: 0 } });
    expect((await db.get('works', 1))?.saved).toBeUndefined();
    expect(await db.countFromIndex('works', 'savedStatus')).toBe(0);
  });

  it('keeps a work saved but never seen as its id and saved entry, gone once taken off the list', async () => {
    const db = await freshDb();
    await setSaved(db, { workId: 7, status: 'on-hold', note: 'later' }, T0);
    expect(await db.get('works', 7)).toEqual({ workId: 7, saved: { workId: 7, status: 'on-hold', added: T0, changed: T0, note: 'later' } });
    await recordVisit(db, work({ workId: 7 }), null, T0 + DAY);
    // The visit brings the facts and the reading beside the saved entry.
    expect(await db.get('works', 7)).toMatchObject({ title: work().title, reading: { visitCount: 1 }, saved: { status: 'on-hold' } });
    await setSaved(db, { workId: 8, status: 'to-read' }, T0);
    expect(await removeSaved(db, 8)).toBe(true);
    expect(await db.get('works', 8)).toBeUndefined();
  });

  it('turns "to read" into "reading" on the first visit, in the same record', async () => {
    const db = await freshDb();
    await setSaved(db, { workId: work().workId, status: 'to-read' }, T0);
    await recordVisit(db, work(), { id: 301, position: 1 }, T0 + DAY);
    expect(await db.get('works', work().workId)).toMatchObject({ reading: { visitCount: 1 }, saved: { status: 'reading', added: T0, changed: T0 + DAY } });
  });
});

describe('rules', () => {
  it('creates rules in order, updates, reorders and deletes', async () => {
    const db = await freshDb();
    await putRule(db, rule('a'), T0);
    await putRule(db, rule('b', { action: 'highlight', color: '#ffcc00' }), T0);
    await putRule(db, rule('c'), T0);
    const updated = await putRule(db, rule('a', { label: 'renamed' }), T0 + 1);
    expect(updated).toMatchObject({ order: 0, createdAt: T0, updatedAt: T0 + 1, label: 'renamed' });
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect((await reorderRules(db, ['c', 'a'], T0 + 2)).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect((await listRules(db)).map((r) => [r.id, r.order])).toEqual([['c', 0], ['a', 1], ['b', 2]]);
    expect(await deleteRule(db, 'a')).toBe(true);
    expect(await deleteRule(db, 'a')).toBe(false);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['c', 'b']);
  });
});

describe('settings', () => {
  it('defaults, then keeps what the reader set', async () => {
    const db = await freshDb();
    const defaults = SETTING_DEFAULTS;
    expect(defaults).toMatchObject({ recordPrivateWindows: false, alwaysShow: [], hiddenWorks: 'placeholder', rulesPaused: false, trackingPaused: false });
    expect(await getSettings(db)).toEqual(defaults);
    expect(await setSettings(db, { recordPrivateWindows: true, alwaysShow: [5, 6] }, T0)).toEqual({ ...defaults, recordPrivateWindows: true, alwaysShow: [5, 6] });
    expect(await getSettings(db)).toEqual({ ...defaults, recordPrivateWindows: true, alwaysShow: [5, 6] });
  });

  it('are read once per connection, and re-read after an import or on a new connection', async () => {
    const name = uniqueDbName();
    const db = await openShelfmarkDb({ name });
    const first = await getSettings(db);
    expect(await getSettings(db)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    // An import brings its own settings: the next read sees them.
    const file = { works: [], reading: [], visits: [], saved: [], rules: [], settings: [{ key: 'trackingPaused', value: true, changed: T0 }], families: [] };
    await writeBackupData(db, file, 'merge');
    expect((await getSettings(db)).trackingPaused).toBe(true);

    // A write the kept copy can't know of (here: straight to the store) reaches a new connection, as after a worker restart.
    await db.put('settings', { key: 'trackingPaused', value: false, changed: T0 + 1 });
    expect((await getSettings(db)).trackingPaused).toBe(true);
    const reopened = await openShelfmarkDb({ name });
    expect((await getSettings(reopened)).trackingPaused).toBe(false);
    db.close();
    reopened.close();
  });
});

describe('transactions', () => {
  it('roll back every write when the body fails', async () => {
    const db = await freshDb();
    await expect(
      inTransaction(db, ['works', 'visits'], 'readwrite', async (tx) => {
        await tx.objectStore('works').put({ ...work(), firstSeen: T0, lastSeen: T0 });
        await tx.objectStore('visits').put({ seq: 1, entries: [{ workId: 1, chapterId: null, position: null, at: T0 }] });
        throw new Error('something went wrong half way');
      }),
    ).rejects.toThrow('half way');
    expect(await db.count('works')).toBe(0);
    expect(await db.count('visits')).toBe(0);
  });
});
