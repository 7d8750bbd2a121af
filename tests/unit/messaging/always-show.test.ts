/**
 * "Always show this work" through the background: one work at a time, from a
 * content script, read and written in one transaction (two at once both land),
 * mirrored for open tabs before the reply; the options page's list names the
 * works the works store knows.
 */
import { describe, expect, it } from 'vitest';
import { work } from '../db/fixtures';
import { archiveTab, optionsPage, testBackground } from './background';

describe('alwaysShow/set and alwaysShow/list', () => {
  it('adds and removes one work at a time, from an archive tab, and mirrors it before replying', async () => {
    const bg = testBackground();
    const tab = archiveTab();
    expect(await bg.send({ type: 'alwaysShow/set', workId: 5, show: true }, tab)).toEqual({ ok: true, value: { alwaysShow: [5] } });
    expect(bg.mirror()).toMatchObject({ alwaysShow: [5] });
    expect(await bg.send({ type: 'alwaysShow/set', workId: 9, show: true }, tab)).toEqual({ ok: true, value: { alwaysShow: [5, 9] } });
    // Already there: stays once, moved to the end (the newest).
    expect(await bg.send({ type: 'alwaysShow/set', workId: 5, show: true }, tab)).toEqual({ ok: true, value: { alwaysShow: [9, 5] } });
    expect(await bg.send({ type: 'alwaysShow/set', workId: 9, show: false }, tab)).toEqual({ ok: true, value: { alwaysShow: [5] } });
    expect(await bg.send({ type: 'alwaysShow/set', workId: 9, show: false }, tab)).toEqual({ ok: true, value: { alwaysShow: [5] } });
    expect(bg.mirror()).toMatchObject({ alwaysShow: [5] });
    expect(await bg.send({ type: 'settings/get' })).toMatchObject({ ok: true, value: { settings: { alwaysShow: [5] } } });
  });

  it('keeps both of two changes sent at once', async () => {
    const bg = testBackground();
    await Promise.all([1, 2, 3, 4].map((workId) => bg.send({ type: 'alwaysShow/set', workId, show: true }, archiveTab())));
    const reply = await bg.send({ type: 'settings/get' });
    expect(reply).toMatchObject({ ok: true });
    const ids = (reply as { value: { settings: { alwaysShow: number[] } } }).value.settings.alwaysShow;
    expect([...ids].sort()).toEqual([1, 2, 3, 4]);
  });

  it('refuses a bad work id', async () => {
    const bg = testBackground();
    expect(await bg.send({ type: 'alwaysShow/set', workId: 0, show: true }, archiveTab())).toMatchObject({ ok: false, error: expect.stringContaining('workId') });
    expect(await bg.send({ type: 'alwaysShow/set', workId: 3, show: 'yes' }, archiveTab())).toMatchObject({ ok: false, error: expect.stringContaining('show') });
  });

  it('lists the works in the order they were added, with title and creators where the works store has them', async () => {
    const bg = testBackground();
    const known = work({ workId: 77, title: 'A Study in Pink', authors: [{ login: 'quietfox', pseud: 'Fox' }, { login: 'owl', pseud: '' }] });
    expect(await bg.send({ type: 'saved/set', workId: 77, status: 'to-read', work: known }, archiveTab())).toMatchObject({ ok: true });
    await bg.send({ type: 'alwaysShow/set', workId: 12, show: true }, archiveTab());
    await bg.send({ type: 'alwaysShow/set', workId: 77, show: true }, archiveTab());
    expect(await bg.send({ type: 'alwaysShow/list' }, optionsPage)).toEqual({
      ok: true,
      value: {
        works: [
          { workId: 12, title: null, authors: [] },
          { workId: 77, title: 'A Study in Pink', authors: ['Fox', 'owl'] },
        ],
      },
    });
    // Only the extension's pages list them.
    expect(await bg.send({ type: 'alwaysShow/list' }, archiveTab())).toMatchObject({ ok: false });
  });
});
