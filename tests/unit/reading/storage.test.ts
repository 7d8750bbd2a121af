/** The reading requests through the background's message handling, over a fake database. */
import { describe, expect, it } from 'vitest';
import { archiveDateMillis, type HistoryEntry } from '../../../utils/db/history-entry';
import { factsOf } from '../../../utils/db/stored-work';
import { DAY, savedOf, T0, work } from '../db/fixtures';
import { archiveTab, testBackground } from '../messaging/background';

const tab = archiveTab();

function entry(workId: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return { workId, work: work({ workId, chapters: [] }), lastVisited: '2024-04-20', visits: 4, markedForLater: false, ...overrides };
}

describe('visits and the saved list', () => {
  it('reading a saved "to read" work moves it to "reading" with the visit', async () => {
    const bg = testBackground();
    await bg.send({ type: 'saved/set', workId: work().workId, status: 'to-read' }, tab);
    bg.clock.now = T0 + DAY;
    expect(await bg.send({ type: 'visit/record', work: work(), chapter: { id: 301, position: 1 } }, tab)).toMatchObject({ ok: true });
    const saved = await savedOf(await bg.db(), work().workId);
    expect(saved).toMatchObject({ status: 'reading', changed: T0 + DAY, added: T0 });
    // Other statuses stay as they are.
    await bg.send({ type: 'saved/set', workId: work().workId, status: 'on-hold' }, tab);
    await bg.send({ type: 'visit/record', work: work(), chapter: null }, tab);
    expect((await savedOf(await bg.db(), work().workId))?.status).toBe('on-hold');
  });
});

describe('works/state', () => {
  it('answers the state with known chapter ids, and whether the page may record', async () => {
    const bg = testBackground();
    await bg.send({ type: 'visit/record', work: work(), chapter: { id: 301, position: 1 } }, tab);
    const reply = await bg.send({ type: 'works/state', workIds: [work().workId, 5] }, tab);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        tracking: 'on',
        states: [
          { workId: work().workId, chapters: [{ id: 301, position: 1 }, { id: 302, position: 2 }, { id: 303, position: 3 }] },
          { workId: 5, reading: null, saved: null, chapters: [] },
        ],
      },
    });
    expect(await bg.send({ type: 'works/state', workIds: [1] }, archiveTab(3, true))).toMatchObject({ ok: true, value: { tracking: 'private' } });
    await bg.send({ type: 'settings/set', values: { trackingPaused: true } });
    expect(await bg.send({ type: 'works/state', workIds: [1] }, tab)).toMatchObject({ ok: true, value: { tracking: 'paused' } });
  });

  it('merges the listing\'s snapshots of works the reader follows, and no others', async () => {
    const bg = testBackground();
    await bg.send({ type: 'visit/record', work: work(), chapter: null }, tab);
    // A chapter posted an hour after the visit (a blurb's revision from before it would tell nothing new).
    const newer = work({ chapters: [], chapterCount: { posted: 4, expected: 5 }, updatedAt: T0 / 1000 + 3_600 });
    const stranger = work({ workId: 42, chapters: [] });
    bg.clock.now = T0 + DAY;
    await bg.send({ type: 'works/state', workIds: [work().workId, 42], snapshot: [newer, stranger] }, tab);
    // The merge runs just after the reply.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const db = await bg.db();
    const stored = factsOf(await db.get('works', work().workId));
    expect(stored?.chapterCount).toEqual({ posted: 4, expected: 5 });
    expect(stored?.chapters).toHaveLength(3);
    expect(stored?.lastSeen).toBe(T0 + DAY);
    expect(await db.get('works', 42)).toBeUndefined();
  });

  it('merges nothing from a private window or while tracking is paused', async () => {
    const bg = testBackground();
    await bg.send({ type: 'visit/record', work: work(), chapter: null }, tab);
    const newer = work({ chapters: [], words: 99_999, updatedAt: work().updatedAt! + 1000 });
    await bg.send({ type: 'works/state', workIds: [work().workId], snapshot: [newer] }, archiveTab(4, true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(factsOf(await (await bg.db()).get('works', work().workId))?.words).toBe(work().words);
    await bg.send({ type: 'settings/set', values: { trackingPaused: true } });
    await bg.send({ type: 'works/state', workIds: [work().workId], snapshot: [newer] }, tab);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(factsOf(await (await bg.db()).get('works', work().workId))?.words).toBe(work().words);
  });

  it('checks the snapshots it is sent, leaving out those that fail and answering the page', async () => {
    const bg = testBackground();
    await bg.send({ type: 'saved/set', workId: 1, status: 'to-read' }, tab);
    expect(await bg.send({ type: 'works/state', workIds: [1], snapshot: [{ workId: 1 }] }, tab)).toMatchObject({ ok: true, value: { states: [{ workId: 1 }] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await (await bg.db()).get('works', 1)).toEqual({ workId: 1, saved: expect.anything() });
  });
});

describe('tracking paused', () => {
  it('refuses visits and positions, but not the reader\'s own marks', async () => {
    const bg = testBackground();
    await bg.send({ type: 'settings/set', values: { trackingPaused: true } });
    expect(await bg.send({ type: 'visit/record', work: work(), chapter: null }, tab)).toEqual({ ok: false, error: 'tracking paused' });
    expect(await bg.send({ type: 'reading/position', workId: 1, chapter: { id: 1, position: 1 }, scroll: 0.5 }, tab)).toEqual({ ok: false, error: 'tracking paused' });
    expect(await bg.send({ type: 'reading/mark-chapters', workId: 1, chapters: [{ id: 1, position: 1 }], read: true }, tab)).toMatchObject({ ok: true });
    const db = await bg.db();
    expect(await db.count('visits')).toBe(0);
    // The mark alone was kept: no facts, no visit counted, no position.
    expect(await db.get('works', 1)).toEqual({ workId: 1, reading: expect.objectContaining({ visitCount: 0, chapters: [expect.objectContaining({ readAt: T0, scroll: null })] }) });
  });
});

describe('history/import', () => {
  it('imports last visits and counts, Marked for Later as "to read", idempotently', async () => {
    const bg = testBackground();
    const entries = [entry(1), entry(2, { markedForLater: true, visits: 1 }), entry(3, { work: null, lastVisited: null, visits: 2 })];
    const first = await bg.send({ type: 'history/import', entries }, tab);
    expect(first).toEqual({ ok: true, value: { summary: { works: 3, readingUpdated: 3, savedAdded: 1 } } });
    const db = await bg.db();
    const readingOf = async (workId: number) => (await db.get('works', workId))?.reading;
    expect(await readingOf(1)).toMatchObject({ visitCount: 4, lastVisit: archiveDateMillis('2024-04-20'), firstVisit: archiveDateMillis('2024-04-20') });
    expect(await readingOf(3)).toMatchObject({ visitCount: 2, lastVisit: null });
    expect(await savedOf(db, 2)).toMatchObject({ status: 'to-read' });
    expect(await db.get('works', 1)).toMatchObject({ title: work().title });
    const before = await db.getAll('works');

    const second = await bg.send({ type: 'history/import', entries }, tab);
    expect(second).toEqual({ ok: true, value: { summary: { works: 3, readingUpdated: 0, savedAdded: 0 } } });
    expect(await db.getAll('works')).toEqual(before);
    expect(await db.count('visits')).toBe(0);
  });

  it('never overwrites newer local data, and keeps a saved work\'s status', async () => {
    const bg = testBackground();
    bg.clock.now = Date.UTC(2024, 5, 1);
    for (let i = 0; i < 6; i++) await bg.send({ type: 'visit/record', work: work({ workId: 1 }), chapter: null }, tab);
    await bg.send({ type: 'saved/set', workId: 1, status: 'finished' }, tab);
    await bg.send({ type: 'history/import', entries: [entry(1, { visits: 4, markedForLater: true })] }, tab);
    const db = await bg.db();
    const readingOf = async (workId: number) => (await db.get('works', workId))?.reading;
    expect(await readingOf(1)).toMatchObject({ visitCount: 6, lastVisit: Date.UTC(2024, 5, 1), firstVisit: archiveDateMillis('2024-04-20') });
    expect((await savedOf(db, 1))?.status).toBe('finished');
    // More visits on the archive than Shelfmark saw: the larger count.
    await bg.send({ type: 'history/import', entries: [entry(1, { visits: 9 })] }, tab);
    expect((await readingOf(1))?.visitCount).toBe(9);
  });

  it('folds a work listed twice, and is refused from private windows', async () => {
    const bg = testBackground();
    const reply = await bg.send({ type: 'history/import', entries: [entry(1, { visits: 2, lastVisited: '2024-01-01' }), entry(1, { visits: 5, lastVisited: '2023-01-01' })] }, tab);
    expect(reply).toMatchObject({ ok: true, value: { summary: { works: 1 } } });
    expect((await (await bg.db()).get('works', 1))?.reading).toMatchObject({ visitCount: 5, lastVisit: archiveDateMillis('2024-01-01') });
    expect(await bg.send({ type: 'history/import', entries: [entry(2)] }, archiveTab(5, true))).toEqual({ ok: false, error: 'private window' });
    expect(await bg.send({ type: 'history/import', entries: [{ ...entry(2), lastVisited: '20 Apr 2024' }] }, tab)).toMatchObject({ ok: false, error: expect.stringMatching(/lastVisited/) });
  });
});
