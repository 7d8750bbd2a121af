/**
 * Hostile messages to the background: every request type with a field
 * missing, an extra field, or a wrong type in any field (generated from one
 * valid example per type), and valid requests from senders that are not
 * this extension's pages or its content scripts on the archive. Each is
 * refused (with the field named) or ignored (no reply at all), and nothing
 * changes: the exported data and the rules mirror are the same afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../utils/backup/client';
import { newTransferId } from '../../../utils/backup/transfer-area';
import { checkRequest } from '../../../utils/messaging/checks';
import { EXTENSION_PAGE_ERROR, EXTENSION_PAGE_REQUESTS, type RequestOf, type RequestType } from '../../../utils/messaging/protocol';
import type { SenderInfo } from '../../../utils/messaging/sender';
import { isTabRequest } from '../../../utils/messaging/tab-protocol';
import { T0, work } from '../db/fixtures';
import { fillLibrary } from '../backup/files';
import { archiveTab, OWN_ID, optionsPage, ORIGIN, testBackground, type TestBackground } from '../messaging/background';
import { fieldPaths, getAt, lastField, pathText, withValueAt, wrongType, type Json } from './json-paths';

const workId = work().workId;
const rule = { id: 'hostile-1', action: 'hide', match: { kind: 'tag', slot: 'freeform', text: 'Angst', mode: 'exact' }, enabled: true, label: 'No angst' } as const;

/** One valid request of every type: the type checker insists on one per request type. */
const VALID: { [T in RequestType]: RequestOf<T> } = {
  'visit/record': { type: 'visit/record', work: work(), chapter: { id: 301, position: 1 } },
  'works/state': { type: 'works/state', workIds: [workId], snapshot: [work()] },
  'works/snapshot': { type: 'works/snapshot', works: [work()] },
  'reading/mark-chapters': { type: 'reading/mark-chapters', workId, chapters: [{ id: 301, position: 1 }], read: true },
  'reading/position': { type: 'reading/position', workId, chapter: { id: 301, position: 1 }, scroll: 0.5 },
  'reading/speed-sample': { type: 'reading/speed-sample', words: 3000, activeMs: 600_000 },
  'saved/set': { type: 'saved/set', workId, status: 'to-read', note: 'later', work: work() },
  'saved/remove': { type: 'saved/remove', workId },
  'history/import': { type: 'history/import', entries: [{ workId, work: work(), lastVisited: '2024-05-01', visits: 3, markedForLater: false }] },
  'rules/list': { type: 'rules/list' },
  'rules/put': { type: 'rules/put', rule },
  'rules/delete': { type: 'rules/delete', id: 'hostile-1' },
  'rules/reorder': { type: 'rules/reorder', ids: ['hostile-1'] },
  'settings/get': { type: 'settings/get' },
  'settings/set': { type: 'settings/set', values: { rulesPaused: true, alwaysShow: [workId] } },
  'alwaysShow/set': { type: 'alwaysShow/set', workId, show: true },
  'alwaysShow/list': { type: 'alwaysShow/list' },
  'backup/export': { type: 'backup/export' },
  'backup/import': { type: 'backup/import', transferId: newTransferId(T0), mode: 'merge', confirmReplace: true },
  'backups/list': { type: 'backups/list' },
  'backups/restore': { type: 'backups/restore', id: 1, confirm: true },
  'page/report': { type: 'page/report', report: { url: 'https://archiveofourown.org/tags/Angst/works', kind: 'listing', listingKind: 'tag-works', blurbs: [{ type: 'work', workId, title: 'A' }], hidden: 1 } },
  'page/get-report': { type: 'page/get-report', tabId: 7 },
  'library/list': { type: 'library/list' },
  'saved/bulk': { type: 'saved/bulk', workIds: [workId], status: 'reading' },
  'saved/restore': { type: 'saved/restore', records: [{ workId, status: 'finished', added: T0, changed: T0, note: '' }], removeIds: [workId + 1] },
  'saved/import': { type: 'saved/import', items: [{ workId, title: 'The Long Way Round' }] },
  'visits/list': { type: 'visits/list', before: null, limit: 10, workIds: [workId] },
  'visits/delete': { type: 'visits/delete', target: { kind: 'range', from: 0, to: T0 } },
  'visits/restore': { type: 'visits/restore', entries: [{ seq: 0, workId, chapterId: 301, position: 1, at: T0 }] },
  'rules/import': { type: 'rules/import', rules: [rule], mode: 'merge', confirmReplace: true },
  'tags/suggest': { type: 'tags/suggest', prefix: 'an', slot: 'freeform', limit: 5 },
  'data/wipe': { type: 'data/wipe', confirm: true },
  'sync/status': { type: 'sync/status' },
  'sync/remove': { type: 'sync/remove', confirm: true },
  'families/status': { type: 'families/status', names: ['Angst'] },
  'families/refresh': { type: 'families/refresh', name: 'Angst' },
  'archive/turn': { type: 'archive/turn' },
  'archive/refused': { type: 'archive/refused', status: 429, retryAfter: '20' },
};

/** Fields a request may leave out (read from the protocol's types, not from the checks under test). */
const OPTIONAL: Partial<Record<RequestType, string[]>> = {
  'works/state': ['snapshot'],
  'saved/set': ['note', 'work'],
  'backup/import': ['confirmReplace'],
  'visits/list': ['workIds'],
  'rules/import': ['confirmReplace'],
  'tags/suggest': ['slot', 'limit'],
};

/** Lists with one entry per work on a page: an entry of the wrong shape is left out, the page's other works still answered. */
const LENIENT: Partial<Record<RequestType, string[]>> = {
  'works/state': ['workIds', 'snapshot'],
};

const TYPES = Object.keys(VALID) as RequestType[];

/** Who may send a request: content scripts send the archive's, the extension's pages the rest. */
const senderFor = (type: RequestType): SenderInfo => (EXTENSION_PAGE_REQUESTS.has(type) ? optionsPage : archiveTab());

let bg: TestBackground;
beforeAll(async () => {
  bg = testBackground();
  await fillLibrary(await bg.db());
  // The mirror as the background keeps it, so that a change to it would show.
  await bg.send({ type: 'settings/set', values: { hiddenWorks: 'placeholder' } });
});

async function state(): Promise<unknown> {
  const { file } = await exportBackup({ send: bg.sendAs(optionsPage), transfers: bg.transfers });
  return { data: JSON.parse(await file.text()).data, mirror: structuredClone(bg.local.get('listingConfig')), transfers: bg.transfers.files.size };
}

describe('the valid examples', () => {
  it.each(TYPES)('%s passes the request check', (type) => {
    expect(checkRequest(VALID[type])).toBeNull();
  });
});

describe('requests of the wrong shape', () => {
  for (const type of TYPES) {
    it(`${type}: every field missing, an extra field, a wrong type in every field — refused, naming the field; nothing changed`, async () => {
      const valid = VALID[type] as unknown as Record<string, Json>;
      const optional = OPTIONAL[type] ?? [];
      const before = await state();
      const sender = senderFor(type);
      const expectRefusedNaming = async (request: unknown, named: string[], label: string) => {
        const reply = await bg.send(request, sender);
        expect.soft(reply, label).toMatchObject({ ok: false });
        if (reply && !reply.ok) {
          expect.soft(reply.error, label).toMatch(/^invalid request: /);
          for (const name of named) expect.soft(reply.error, label).toContain(name);
        }
      };

      for (const field of Object.keys(valid).filter((key) => key !== 'type')) {
        const { [field]: _left, ...without } = valid;
        if (optional.includes(field)) expect.soft(checkRequest(without), `${field} may be left out`).toBeNull();
        else await expectRefusedNaming(without, [`request.${field}: missing`], `${field} missing`);
      }
      for (const extra of ['sneaky', 'constructor', '__proto__', 'prototype']) {
        // A computed key: `{ __proto__: … }` would set the prototype instead of adding a field.
        await expectRefusedNaming({ ...valid, [extra]: { polluted: true } }, [`request.${extra}: unknown field`], `extra ${extra}`);
      }
      for (const path of fieldPaths(valid).filter((p) => p[0] !== 'type')) {
        const spoiled = withValueAt(valid, path, wrongType(getAt(valid, path)));
        const label = `request.${pathText(path)} of the wrong type`;
        if (path.length > 1 && (LENIENT[type] ?? []).includes(String(path[0]))) {
          expect.soft(await bg.send(spoiled, sender), label).toMatchObject({ ok: true });
        } else {
          await expectRefusedNaming(spoiled, [`request.${path[0]}`, lastField(path)], label);
        }
      }
      await expectRefusedNaming({ ...valid, type: `${type}x` }, ['unknown request type'], 'unknown type');
      await expectRefusedNaming({ ...valid, type: 42 }, ['unknown request type'], 'type of the wrong type');

      expect(await state()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('not an object at all: refused', async () => {
    for (const message of [null, undefined, 'rules/list', 42, true, [VALID['rules/list']], new Date(0)]) {
      expect(await bg.send(message, optionsPage)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: request: expected an object/) });
    }
  });
});

describe('senders that are not this extension’s pages or its content scripts on the archive', () => {
  const strangers: Array<[string, SenderInfo]> = [
    ['another extension', { ...optionsPage, id: 'otherextensionotherextensionabcd' }],
    ['another extension’s page naming our id', { id: 'otherextensionotherextensionabcd', url: `${ORIGIN}options.html`, tab: undefined }],
    ['a web page on another site', { id: OWN_ID, url: 'https://evil.example/works/1', tab: { id: 9, incognito: false } }],
    ['a look-alike host', { id: OWN_ID, url: 'https://archiveofourown.org.evil.example/works/1', tab: { id: 9, incognito: false } }],
    ['the archive over http', { id: OWN_ID, url: 'http://archiveofourown.org/works/1', tab: { id: 9, incognito: false } }],
    ['a data: URL', { id: OWN_ID, url: 'data:text/html,<script>1</script>', tab: { id: 9, incognito: false } }],
    ['about:blank', { id: OWN_ID, url: 'about:blank', tab: { id: 9, incognito: false } }],
    ['a sender with no URL', { id: OWN_ID, url: undefined, tab: { id: 9, incognito: false } }],
    ['a sender with no id', { id: undefined, url: 'https://archiveofourown.org/works/1', tab: { id: 9, incognito: false } }],
    ['an archive URL without a tab', { id: OWN_ID, url: 'https://archiveofourown.org/works/1', tab: undefined }],
    ['another extension’s origin', { id: OWN_ID, url: 'chrome-extension://otherextensionotherextensionabcd/options.html', tab: undefined }],
  ];

  for (const [name, sender] of strangers) {
    it(`${name}: every request type gets no reply, and nothing changes`, async () => {
      const before = await state();
      for (const type of TYPES) expect(bg.handle(structuredClone(VALID[type]), sender), type).toBeUndefined();
      expect(await state()).toEqual(before);
    });
  }

  it('a content script on the archive: every extension-page-only request refused, nothing changed', async () => {
    const before = await state();
    for (const type of EXTENSION_PAGE_REQUESTS) {
      expect(await bg.send(VALID[type], archiveTab()), type).toEqual({ ok: false, error: EXTENSION_PAGE_ERROR });
    }
    expect(await state()).toEqual(before);
  });
});

describe('the popup’s requests to a tab', () => {
  it('answers only the two request shapes; anything else is ignored', () => {
    expect(isTabRequest({ type: 'tab/state' })).toBe(true);
    expect(isTabRequest({ type: 'tab/pause', paused: true })).toBe(true);
    for (const message of [
      null, 'tab/state', [], { type: 'tab/pause' }, { type: 'tab/pause', paused: 'yes' }, { type: 'tab/pause', paused: 1 },
      { type: 'tab/State' }, { type: 'rules/put', rule }, { paused: true },
    ]) {
      expect(isTabRequest(message), JSON.stringify(message)).toBe(false);
    }
  });
});
