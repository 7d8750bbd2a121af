import { describe, expect, it } from 'vitest';
import { checkReply, checkRequest } from '../../../utils/messaging/checks';
import { SETTING_DEFAULTS } from '../../../utils/db/settings';
import { isTrustedSender } from '../../../utils/messaging/sender';
import { factsOf } from '../../../utils/db/stored-work';
import { allSaved, T0, work } from '../db/fixtures';
import { archiveTab, OWN_ID, optionsPage, ORIGIN, popup, testBackground } from './background';

const own = { runtimeId: OWN_ID, extensionOrigin: ORIGIN };

describe('sender check', () => {
  it('accepts extension pages and content scripts on the archive hosts', () => {
    expect(isTrustedSender(popup, own)).toBe(true);
    expect(isTrustedSender(optionsPage, own)).toBe(true);
    expect(isTrustedSender(archiveTab(), own)).toBe(true);
    expect(isTrustedSender({ ...archiveTab(), url: 'https://www.ao3.org/works/1' }, own)).toBe(true);
  });

  it('refuses other extensions, other sites, look-alike hosts and origins, and tabless web senders', () => {
    expect(isTrustedSender({ ...popup, id: 'someotherextension' }, own)).toBe(false);
    expect(isTrustedSender({ ...archiveTab(), url: 'https://evil.example/works/1' }, own)).toBe(false);
    expect(isTrustedSender({ ...archiveTab(), url: 'https://archiveofourown.org.evil.example/' }, own)).toBe(false);
    expect(isTrustedSender({ ...archiveTab(), url: 'http://archiveofourown.org/works/1' }, own)).toBe(false);
    expect(isTrustedSender({ ...popup, url: `chrome-extension://${OWN_ID}x/popup.html` }, own)).toBe(false);
    expect(isTrustedSender({ ...archiveTab(), tab: undefined }, own)).toBe(false);
    expect(isTrustedSender({ id: OWN_ID, url: undefined, tab: undefined }, own)).toBe(false);
    expect(isTrustedSender({ ...archiveTab(), url: 'not a url' }, own)).toBe(false);
  });

  it('gives untrusted senders no reply at all, and writes nothing for them', async () => {
    const bg = testBackground();
    const message = { type: 'visit/record', work: work(), chapter: null };
    expect(bg.handle(message, { ...archiveTab(), url: 'https://evil.example/' })).toBeUndefined();
    expect(bg.handle(message, { ...popup, id: 'other' })).toBeUndefined();
    expect(await (await bg.db()).count('works')).toBe(0);
  });
});

describe('request checks', () => {
  it('names what is wrong', () => {
    expect(checkRequest('visit')).toMatch(/^request: expected an object/);
    expect(checkRequest({ type: 'nope' })).toMatch(/unknown request type "nope"/);
    expect(checkRequest({ type: 'works/state', workIds: [1, '2'] })).toBe('request.workIds[1]: expected an integer, got "2"');
    expect(checkRequest({ type: 'works/state', workIds: [1], extra: true })).toBe('request.extra: unknown field');
    expect(checkRequest({ type: 'works/state' })).toBe('request.workIds: missing');
    expect(checkRequest({ type: 'works/state', workIds: Array(20_001).fill(1) })).toMatch(/more than 20000 items/);
    expect(checkRequest({ type: 'works/state', workIds: [1], snapshot: Array(2_001).fill(work()) })).toMatch(/request.snapshot: more than 2000 items/);
    expect(checkRequest({ type: 'visit/record', work: { ...work(), words: -1 }, chapter: null })).toMatch(/request.work.words: expected an integer from 0/);
    expect(checkRequest({ type: 'saved/set', workId: 1, status: 'later' })).toMatch(/request.status: expected one of "to-read"/);
    expect(checkRequest({ type: 'rules/put', rule: { id: 'r1', action: 'hide', match: { kind: 'mood' }, enabled: true } })).toMatch(/^request.rule: match.kind/);
    expect(checkRequest({ type: 'rules/put', rule: { id: 'r1', action: 'hide', match: { kind: 'work', workId: 5 }, enabled: true, createdAt: 1 } }))
      .toBe('request.rule: createdAt and updatedAt are set by the background');
    expect(checkRequest({ type: 'backups/restore', id: 1 })).toBe('request.confirm: missing');
    expect(checkRequest({ type: 'settings/set', values: { recordPrivateWindows: 'yes' } })).toMatch(/recordPrivateWindows: expected true or false/);
    expect(checkRequest({ type: 'settings/set', values: { colourScheme: 'dark' } })).toBe('request.values.colourScheme: unknown field');
  });

  it('catches replies the background should never send', () => {
    expect(checkReply('works/state', { states: [{ workId: 1, reading: null }] })).toBe('reply.states[0].saved: missing');
    expect(checkReply('saved/remove', { removed: 'yes' })).toBe('reply.removed: expected true or false, got "yes"');
    expect(checkReply('works/snapshot', { stored: 3 })).toBeNull();
  });

  it('replies with the problem to a trusted sender', async () => {
    const bg = testBackground();
    expect(await bg.send({ type: 'saved/remove', workId: 'x' })).toEqual({
      ok: false,
      error: 'invalid request: request.workId: expected an integer, got "x"',
    });
  });

  it('leaves out the bad entries of a listing\'s works/state, answering every other work', async () => {
    const bg = testBackground();
    await bg.send({ type: 'saved/set', workId: 5, status: 'to-read' }, archiveTab());
    await bg.send({ type: 'visit/record', work: work(), chapter: { id: 301, position: 1 } }, archiveTab());
    const odd = { ...work({ title: 'Retitled', workId: 5 }), title: 'T'.repeat(10_001) };
    const reply = await bg.send(
      { type: 'works/state', workIds: [5, 0, 2 ** 53 + 2, '7', work().workId, -1, 1.5], snapshot: [odd, { ...work(), title: 'Retitled', updatedAt: T0 / 1000 + 60 }, { workId: 9 }] },
      archiveTab(),
    );
    expect(reply).toMatchObject({ ok: true, value: { states: [{ workId: 5, saved: { status: 'to-read' } }, { workId: work().workId, reading: { visitCount: 1 } }] } });
    expect(reply?.ok && (reply.value as { states: unknown[] }).states).toHaveLength(2);
    // The good snapshot is merged after the reply; the odd one is not.
    await expect.poll(async () => factsOf(await (await bg.db()).get('works', work().workId))?.title).toBe('Retitled');
    expect(await (await bg.db()).get('works', 5)).toEqual({ workId: 5, saved: expect.anything() });
    // Only what is not a list of the page's works is still refused whole.
    expect(await bg.send({ type: 'works/state', workIds: 5 }, archiveTab())).toMatchObject({ ok: false, error: 'invalid request: request.workIds: expected an array, got 5' });
  });

  it('answers a works/state of more than 2,000 works in one reply', async () => {
    const bg = testBackground();
    await bg.send({ type: 'saved/set', workId: 2_600, status: 'reading' }, archiveTab());
    const workIds = Array.from({ length: 2_600 }, (_, i) => i + 1);
    const reply = await bg.send({ type: 'works/state', workIds }, archiveTab());
    expect(reply?.ok && (reply.value as { states: Array<{ workId: number }> }).states.map((s) => s.workId)).toEqual(workIds);
    expect(reply).toMatchObject({ ok: true, value: { states: expect.arrayContaining([expect.objectContaining({ workId: 2_600, saved: expect.objectContaining({ status: 'reading' }) })]) } });
  });
});

describe('handling', () => {
  it('records a visit and answers a listing\'s state in one message', async () => {
    const bg = testBackground();
    const visit = await bg.send({ type: 'visit/record', work: work(), chapter: { id: 301, position: 1 } }, archiveTab());
    expect(visit).toMatchObject({ ok: true, value: { reading: { visitCount: 1 } } });
    await bg.send({ type: 'saved/set', workId: 5, status: 'to-read' }, archiveTab());
    const state = await bg.send({ type: 'works/state', workIds: [work().workId, 5] }, archiveTab());
    expect(state).toMatchObject({
      ok: true,
      value: { states: [{ workId: work().workId, reading: { visitCount: 1 }, saved: null }, { workId: 5, reading: null, saved: { status: 'to-read' } }] },
    });
  });

  it('refuses recording from private windows unless the reader turned it on', async () => {
    const bg = testBackground();
    const privateTab = archiveTab(9, true);
    for (const message of [
      { type: 'visit/record', work: work(), chapter: null },
      { type: 'works/snapshot', works: [work()] },
      { type: 'reading/mark-chapters', workId: 1, chapters: [{ id: 1, position: 1 }], read: true },
      { type: 'reading/position', workId: 1, chapter: { id: 1, position: 1 }, scroll: 0.5 },
      { type: 'saved/set', workId: 1, status: 'to-read' },
    ]) {
      expect(await bg.send(message, privateTab)).toEqual({ ok: false, error: 'private window' });
    }
    const db = await bg.db();
    expect([await db.count('works'), await db.count('visits'), (await allSaved(db)).length]).toEqual([0, 0, 0]);
    // Reading state is still answered there.
    expect(await bg.send({ type: 'works/state', workIds: [1] }, privateTab)).toMatchObject({ ok: true });

    await bg.send({ type: 'settings/set', values: { recordPrivateWindows: true } });
    expect(await bg.send({ type: 'visit/record', work: work(), chapter: null }, privateTab)).toMatchObject({ ok: true });
    expect(await db.count('works')).toBe(1);
  });

  it('keeps the latest page report per tab', async () => {
    const bg = testBackground();
    const report = { url: 'https://archiveofourown.org/tags/Good%20Omens%20(TV)/works', kind: 'listing', listingKind: 'tag-works', blurbs: [{ type: 'work', workId: 1, title: 'A' }], hidden: 2, highlighted: 1 };
    expect(await bg.send({ type: 'page/report', report }, archiveTab(7))).toEqual({ ok: true, value: null });
    await bg.send({ type: 'page/report', report: { ...report, blurbs: [], hidden: 0 } }, archiveTab(8));
    expect(await bg.send({ type: 'page/get-report', tabId: 7 }, popup)).toEqual({ ok: true, value: { report } });
    expect(await bg.send({ type: 'page/get-report', tabId: 99 }, popup)).toEqual({ ok: true, value: { report: null } });
    expect(await bg.send({ type: 'page/report', report: { ...report, hidden: 'two' } }, archiveTab(7))).toMatchObject({ ok: false, error: expect.stringContaining('report.hidden: expected a count') });
    expect(await bg.send({ type: 'page/report', report }, popup)).toEqual({ ok: false, error: 'page/report must come from a tab' });
  });

  it('replies to rules and settings requests', async () => {
    const bg = testBackground();
    const rule = { id: 'r1', action: 'highlight', color: '#00aa00', match: { kind: 'author', login: 'quietfox' }, scope: { fandoms: ['Good Omens (TV)'] }, enabled: true, label: 'Favourite' };
    expect(await bg.send({ type: 'rules/put', rule })).toMatchObject({ ok: true, value: { rule: { ...rule, order: 0 } } });
    expect(await bg.send({ type: 'rules/list' })).toMatchObject({ ok: true, value: { rules: [{ id: 'r1' }] } });
    expect(await bg.send({ type: 'rules/delete', id: 'r1' })).toEqual({ ok: true, value: { removed: true } });
    expect(await bg.send({ type: 'settings/get' })).toEqual({
      ok: true,
      value: { settings: SETTING_DEFAULTS },
    });
  });

  it('mirrors rules and their settings for content scripts before replying', async () => {
    const bg = testBackground();
    const rule = { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true };
    await bg.send({ type: 'rules/put', rule }, popup);
    expect(bg.mirror()).toEqual({ rules: [{ ...rule, order: 0, createdAt: T0, updatedAt: T0 }], alwaysShow: [], hiddenWorks: 'placeholder', placeholderTitles: false, paused: false });
    await bg.send({ type: 'settings/set', values: { alwaysShow: [77598646], hiddenWorks: 'remove', rulesPaused: true } }, popup);
    expect(bg.mirror()).toMatchObject({ alwaysShow: [77598646], hiddenWorks: 'remove', paused: true });
    await bg.send({ type: 'rules/delete', id: 'hide-edosian' }, popup);
    expect(bg.mirror()).toMatchObject({ rules: [] });
    // Reads don't rewrite it.
    bg.local.clear();
    await bg.send({ type: 'rules/list' }, popup);
    expect(bg.local.size).toBe(0);
  });
});
