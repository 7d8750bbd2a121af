import { describe, expect, it } from 'vitest';
import { bulkSetSaved, firstUnread, importSaved, listLibrary, restoreSaved } from '../../../utils/db/library';
import { deleteVisits, listVisits, restoreVisits } from '../../../utils/db/history-log';
import { importRules } from '../../../utils/db/library-rules';
import { setSaved } from '../../../utils/db/saved';
import { markChapters, recordVisit, storeWorkSnapshots } from '../../../utils/db/tracking';
import { readBackupData } from '../../../utils/db/data-transfer';
import { factsOf } from '../../../utils/db/stored-work';
import { listRules, putRule } from '../../../utils/db/rules';
import type { RuleInput } from '../../../utils/db/rule-checks';
import { allSaved, DAY, freshDb, manyWorks, savedOf, T0, work } from '../db/fixtures';

const rule = (id: string, text = 'Major Character Death'): RuleInput => ({
  id,
  action: 'hide',
  match: { kind: 'tag', slot: 'warning', text, mode: 'exact' },
  enabled: true,
});

describe('the library list', () => {
  it('joins works, reading and saved for every work saved or read, and nothing merely seen', async () => {
    const db = await freshDb();
    const [a, b, c] = manyWorks(3);
    await storeWorkSnapshots(db, [a!, b!, c!], T0);
    await recordVisit(db, work(), { id: 301, position: 1 }, T0);
    await markChapters(db, work().workId, [{ id: 301, position: 1 }], true, T0 + 1);
    await setSaved(db, { workId: a!.workId, status: 'on-hold', note: 'later' }, T0 + 2);
    const rows = await listLibrary(db);
    expect(rows.map((r) => r.workId).sort()).toEqual([work().workId, a!.workId].sort());
    const read = rows.find((r) => r.workId === work().workId)!;
    expect(read).toMatchObject({
      title: 'The Long Way Round',
      authors: ['quietfox'],
      read: 1,
      posted: 3,
      expected: 5,
      status: null,
      lastRead: T0,
      added: T0,
      updated: '2024-03-10',
      next: { id: 302, position: 2 },
    });
    expect(read.tags).toContain('Slow Burn');
    expect(rows.find((r) => r.workId === a!.workId)).toMatchObject({ status: 'on-hold', note: 'later', added: T0 + 2, read: 0, lastRead: null });
  });

  it('finds the first unread chapter by position, with or without chapter ids', () => {
    const w = { ...work(), firstSeen: T0, lastSeen: T0 };
    const reading = (positions: number[]) => ({
      workId: w.workId,
      chapters: positions.map((position) => ({ id: null, position, readAt: T0, scroll: null, scrollAt: null })),
      lastChapter: null,
      visitCount: 1,
      firstVisit: T0,
      lastVisit: T0,
    });
    expect(firstUnread(w, undefined)).toEqual({ id: 301, position: 1 });
    expect(firstUnread(w, reading([1, 3]))).toEqual({ id: 302, position: 2 });
    expect(firstUnread(w, reading([1, 2, 3]))).toBeNull();
    expect(firstUnread({ ...w, chapters: [] }, reading([1]))).toEqual({ id: null, position: 2 });
    expect(firstUnread({ ...w, chapters: [], chapterCount: null }, undefined)).toEqual({ id: null, position: 1 });
  });
});

describe('bulk changes to the saved list', () => {
  it('sets a status for many works in one go and undoes it exactly', async () => {
    const db = await freshDb();
    await setSaved(db, { workId: 1, status: 'to-read', note: 'keep me' }, T0);
    await setSaved(db, { workId: 2, status: 'finished' }, T0);
    const previous = await bulkSetSaved(db, [1, 2, 3], 'dropped', T0 + DAY);
    expect(previous.map((r) => r.workId).sort()).toEqual([1, 2]);
    const after = await allSaved(db);
    expect(after.map((r) => [r.workId, r.status, r.note, r.added])).toEqual([
      [1, 'dropped', 'keep me', T0],
      [2, 'dropped', '', T0],
      [3, 'dropped', '', T0 + DAY],
    ]);
    await restoreSaved(db, previous, [3]);
    expect(await allSaved(db)).toEqual(previous.sort((a, b) => a.workId - b.workId));
  });

  it('removes many works and puts them back', async () => {
    const db = await freshDb();
    for (const id of [5, 6, 7]) await setSaved(db, { workId: id, status: 'reading' }, T0 + id);
    const previous = await bulkSetSaved(db, [5, 7, 8], null, T0 + DAY);
    expect((await allSaved(db)).map((r) => r.workId)).toEqual([6]);
    await restoreSaved(db, previous, []);
    expect((await allSaved(db)).map((r) => [r.workId, r.changed])).toEqual([[5, T0 + 5], [6, T0 + 6], [7, T0 + 7]]);
  });

  it('imports a reading list as "to read", keeping saved works and known facts as they are', async () => {
    const db = await freshDb();
    await storeWorkSnapshots(db, [work()], T0);
    await setSaved(db, { workId: 42, status: 'finished' }, T0);
    const result = await importSaved(db, [{ workId: work().workId, title: 'ignored' }, { workId: 42, title: 'x' }, { workId: 77, title: 'From a spreadsheet' }, { workId: 77, title: 'again' }], T0 + DAY);
    expect(result).toEqual({ addedIds: [work().workId, 77], alreadySaved: 1 });
    expect(factsOf(await db.get('works', work().workId))?.title).toBe('The Long Way Round');
    expect(factsOf(await db.get('works', 77))?.title).toBe('From a spreadsheet');
    expect((await savedOf(db, 42))?.status).toBe('finished');
    expect((await savedOf(db, 77))?.status).toBe('to-read');
    // A real page later replaces the stub's unknowns.
    await storeWorkSnapshots(db, [work({ workId: 77, title: 'The Real Title' })], T0 + 2 * DAY);
    expect((await listLibrary(db)).find((r) => r.workId === 77)).toMatchObject({ title: 'The Real Title', words: 12_345 });
    // A work read but never seen gets the stub too, beside its reading.
    await markChapters(db, 88, [{ id: null, position: 1 }], true, T0);
    await importSaved(db, [{ workId: 88, title: 'Read Before' }], T0 + DAY);
    expect(await db.get('works', 88)).toMatchObject({ title: 'Read Before', reading: { chapters: [{ position: 1, readAt: T0 }] } });
    expect((await listLibrary(db)).find((r) => r.workId === 88)).toMatchObject({ title: 'Read Before', read: 1, status: 'to-read' });
  });
});

describe('the visits log for History', () => {
  async function logged(count: number) {
    const db = await freshDb();
    const works = manyWorks(5);
    for (let i = 0; i < count; i++) await recordVisit(db, works[i % 5]!, null, T0 + i * 3_600_000);
    return { db, works };
  }

  it('pages the log newest first by whole buckets', async () => {
    const { db } = await logged(250);
    const first = await listVisits(db, null, 120);
    expect(first.entries).toHaveLength(150);
    expect(first.entries[0]!.at).toBe(T0 + 249 * 3_600_000);
    expect(first.entries.every((e, i, all) => i === 0 || all[i - 1]!.at > e.at)).toBe(true);
    const second = await listVisits(db, first.nextBefore, 120);
    expect(second.entries).toHaveLength(100);
    expect(second.nextBefore).toBeNull();
    expect(second.entries[0]!.at).toBe(T0 + 99 * 3_600_000);
  });

  it('filters by work', async () => {
    const { db, works } = await logged(50);
    const page = await listVisits(db, null, 1_000, [works[1]!.workId]);
    expect(page.entries).toHaveLength(10);
    expect(page.entries.every((e) => e.workId === works[1]!.workId)).toBe(true);
  });

  it('deletes single entries and a day, and Undo puts them back in place', async () => {
    const { db } = await logged(60);
    const before = (await readBackupData(db)).visits;
    const page = await listVisits(db, null, 100);
    const { removed } = await deleteVisits(db, { kind: 'entries', entries: [page.entries[0]!, page.entries[5]!] });
    expect(removed).toHaveLength(2);
    expect((await readBackupData(db)).visits).toHaveLength(58);
    await restoreVisits(db, removed);
    expect((await readBackupData(db)).visits).toEqual(before);

    const day = await deleteVisits(db, { kind: 'range', from: T0, to: T0 + DAY });
    expect(day.count).toBe(24);
    expect((await readBackupData(db)).visits.every((v) => v.at >= T0 + DAY)).toBe(true);
    await restoreVisits(db, day.removed);
    expect((await readBackupData(db)).visits).toEqual(before);
  });

  it('deletes everything and new visits start a fresh log', async () => {
    const { db, works } = await logged(130);
    expect((await deleteVisits(db, { kind: 'all', confirm: true })).count).toBe(130);
    expect((await readBackupData(db)).visits).toEqual([]);
    await recordVisit(db, works[0]!, null, T0 + 10 * DAY);
    expect((await listVisits(db, null, 10)).entries).toHaveLength(1);
  });

  it('hands back everything it deleted, so Undo restores the whole history, even after a new visit', async () => {
    const { db, works } = await logged(130);
    const before = (await readBackupData(db)).visits;
    const { removed, count } = await deleteVisits(db, { kind: 'all', confirm: true });
    expect(count).toBe(130);
    expect(removed).toHaveLength(130);
    await recordVisit(db, works[0]!, null, T0 + 10 * DAY);
    await restoreVisits(db, removed);
    const after = (await readBackupData(db)).visits;
    expect(after).toHaveLength(131);
    expect(after.filter((v) => v.at !== T0 + 10 * DAY)).toEqual(before);
  });
});

describe('importing rules alone', () => {
  it('merges by id, keeping places, and appends new rules', async () => {
    const db = await freshDb();
    await putRule(db, rule('a'), T0);
    await putRule(db, rule('b'), T0);
    const rules = await importRules(db, [rule('c', 'Rape/Non-Con'), { ...rule('a'), enabled: false }], 'merge', T0 + DAY);
    expect(rules.map((r) => [r.id, r.order, r.enabled])).toEqual([['a', 0, false], ['b', 1, true], ['c', 2, true]]);
    expect(rules[0]!.createdAt).toBe(T0);
  });

  it('replaces every rule', async () => {
    const db = await freshDb();
    await putRule(db, rule('a'), T0);
    await importRules(db, [rule('z'), rule('y')], 'replace', T0 + DAY);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['z', 'y']);
  });

  it('refuses a bad rule and changes nothing', async () => {
    const db = await freshDb();
    await putRule(db, rule('a'), T0);
    const bad = { ...rule('b'), match: { kind: 'tag', slot: 'nope', text: 'x', mode: 'exact' } } as unknown as RuleInput;
    await expect(importRules(db, [bad], 'replace', T0)).rejects.toThrow();
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a']);
  });
});
