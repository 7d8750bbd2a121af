import { describe, expect, it } from 'vitest';
import { archiveTab, testBackground } from '../messaging/background';
import { savedOf, T0, work } from '../db/fixtures';

describe('the library messages through the background', () => {
  it('lists the library, changes it in bulk and undoes it', async () => {
    const bg = testBackground();
    await bg.send({ type: 'saved/set', workId: work().workId, status: 'to-read', work: work() }, archiveTab());
    await bg.send({ type: 'saved/set', workId: 5, status: 'reading' }, archiveTab());
    const list = await bg.send({ type: 'library/list' });
    expect(list).toMatchObject({ ok: true });
    const rows = (list as { value: { rows: Array<{ workId: number; title: string; status: string }> } }).value.rows;
    expect(rows.map((r) => [r.workId, r.title, r.status]).sort()).toEqual([[5, '', 'reading'], [work().workId, 'The Long Way Round', 'to-read']].sort());

    const bulk = await bg.send({ type: 'saved/bulk', workIds: [5, work().workId], status: 'finished' });
    expect(bulk).toMatchObject({ ok: true, value: { previous: [{ workId: 5, status: 'reading' }, { workId: work().workId, status: 'to-read' }] } });
    const previous = (bulk as { value: { previous: unknown[] } }).value.previous;
    expect(await bg.send({ type: 'saved/restore', records: previous, removeIds: [] })).toEqual({ ok: true, value: { restored: 2 } });
    expect((await savedOf(await bg.db(), 5))?.status).toBe('reading');
  });

  it('checks every new request', async () => {
    const bg = testBackground();
    expect(await bg.send({ type: 'saved/bulk', workIds: [0], status: 'to-read' })).toMatchObject({ ok: false, error: expect.stringContaining('workIds[0]') });
    expect(await bg.send({ type: 'saved/bulk', workIds: [1], status: 'someday' })).toMatchObject({ ok: false });
    expect(await bg.send({ type: 'visits/delete', target: { kind: 'all' } })).toMatchObject({ ok: false, error: expect.stringContaining('confirm') });
    expect(await bg.send({ type: 'visits/delete', target: { kind: 'range', from: 10, to: 5 } })).toMatchObject({ ok: false });
    expect(await bg.send({ type: 'visits/list', before: null, limit: 0 })).toMatchObject({ ok: false });
    expect(await bg.send({ type: 'saved/import', items: [{ workId: 1, title: 'x', extra: 1 }] })).toMatchObject({ ok: false, error: expect.stringContaining('unknown field') });
    const rule = { id: 'r1', action: 'hide', match: { kind: 'author', login: 'someone' }, enabled: true };
    expect(await bg.send({ type: 'rules/import', rules: [rule], mode: 'replace' })).toMatchObject({ ok: false, error: expect.stringContaining('confirmReplace') });
    expect(await bg.send({ type: 'rules/import', rules: [rule], mode: 'replace', confirmReplace: true })).toMatchObject({ ok: true });
    // Rules imported reach open tabs through the mirror.
    expect((bg.mirror() as { rules: unknown[] }).rules).toHaveLength(1);
  });

  it('keeps the whole library and the history to the extension pages', async () => {
    const bg = testBackground();
    for (const message of [
      { type: 'library/list' },
      { type: 'saved/bulk', workIds: [1], status: null },
      { type: 'visits/list', before: null, limit: 10 },
      { type: 'visits/delete', target: { kind: 'all', confirm: true } },
    ]) {
      expect(await bg.send(message, archiveTab())).toMatchObject({ ok: false, error: "only the extension's own pages may do this" });
    }
  });

  it('mirrors the badge style for content scripts', async () => {
    const bg = testBackground();
    bg.clock.now = T0;
    await bg.send({ type: 'settings/set', values: { badgeStyle: 'compact', theme: 'dark' } });
    expect(bg.local.get('displayPrefs')).toEqual({ badgeStyle: 'compact' });
  });
});
