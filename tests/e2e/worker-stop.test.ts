/**
 * The rules mirror in real Chromium when the browser stops the service worker
 * (here through DevTools' `ServiceWorker.stopAllWorkers`) between a rule's
 * change and the mirror's write: once the worker starts again the mirror in
 * storage.local says what the database says, and listings hide by it.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTING_CONFIG_KEY, listingConfigFrom } from '../../utils/rules/listing-config';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';
import { until } from './until';

const rule = (id: string) => ({ id, action: 'hide' as const, match: { kind: 'author' as const, login: `writer_${id}` }, enabled: true });

describe('the rules mirror across a stopped worker', () => {
  let session: ExtensionSession;
  let page: Page;
  let cdp: CDPSession;

  const mirrored = async (): Promise<string[]> =>
    listingConfigFrom((await page.evaluate((key) => chrome.storage.local.get(key), LISTING_CONFIG_KEY))[LISTING_CONFIG_KEY]).rules.map((r) => r.id);
  const stored = async (): Promise<string[]> => (await requestFromPage(page, { type: 'rules/list' })).rules.map((r) => r.id);

  beforeAll(async () => {
    session = await launchExtension();
    page = await session.extensionPage('popup.html');
    cdp = await session.context.newCDPSession(await session.context.newPage());
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is rebuilt when the worker starts again after a stop left it stale', async () => {
    await requestFromPage(page, { type: 'rules/put', rule: rule('kept') });
    await requestFromPage(page, { type: 'rules/put', rule: rule('deleted') });
    const before = (await page.evaluate((key) => chrome.storage.local.get(key), LISTING_CONFIG_KEY))[LISTING_CONFIG_KEY];
    await requestFromPage(page, { type: 'rules/delete', id: 'deleted' });
    // What a stop between the delete's commit and the mirror's write leaves behind.
    await page.evaluate(([key, value]) => chrome.storage.local.set({ [key as string]: value }), [LISTING_CONFIG_KEY, before] as const);
    expect(await mirrored()).toEqual(['kept', 'deleted']);

    await cdp.send('ServiceWorker.stopAllWorkers');
    // Any message starts the worker; this one changes nothing.
    expect(await stored()).toEqual(['kept']);
    await until(mirrored, (ids) => ids.join() === 'kept', 'the mirror to be rebuilt');
    await requestFromPage(page, { type: 'rules/delete', id: 'kept' });
  });

  it('agrees with the database after stops right after rules/delete', async () => {
    for (let round = 0; round < 8; round++) {
      const id = `r${round}`;
      await requestFromPage(page, { type: 'rules/put', rule: rule(id) });
      // Sent, not awaited: the worker is stopped within a few milliseconds, before or after the delete commits.
      await page.evaluate((id) => void chrome.runtime.sendMessage({ type: 'rules/delete', id }).catch(() => undefined), id);
      await cdp.send('ServiceWorker.stopAllWorkers');
      const inDatabase = await stored();
      await until(mirrored, (ids) => ids.join() === inDatabase.join(), `round ${round}: the mirror to say ${JSON.stringify(inDatabase)}`);
      if (inDatabase.includes(id)) await requestFromPage(page, { type: 'rules/delete', id });
    }
  });
});
