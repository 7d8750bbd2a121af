/**
 * Browser sync in Firefox ESR: the add-on's sync area works under its id.
 * A rule made on a real listing is written there (read back through
 * Firefox's own sync store, as Firefox Sync would upload it), and a rule
 * from "another computer" delivered into that store fires the add-on's
 * change event, is merged, and hides works on the open listing without a
 * reload — keeping the rule made here. Firefox Sync itself needs a Mozilla
 * account, so the test plays its part (sync-area.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeItems, encodeDoc, isSyncKey } from '../../utils/sync/codec';
import type { SyncDoc } from '../../utils/sync/doc';
import type { Rule } from '../../utils/rules/types';
import { FIREFOX_BUILD } from '../e2e/harness';
import { until } from '../e2e/until';
import { describeRealPages } from '../helpers/real-pages-suite';
import { allHidden, launchFirefoxExtension, type FirefoxSession } from './harness';
import { addonId, firefoxSyncArea, type SyncArea } from './sync-area';

/** A real listing with seven works by one author, and works by others. */
const LISTING = 'listing-tag-sherlock-holmes.html';
const AUTHOR = 'EdosianOrchids901';

/** The rule the test makes here. */
const isMine = (rule: Rule): boolean => rule.match.kind === 'author' && rule.match.login === AUTHOR;

/** The ids of the listing's blurbs by each author login. */
const blurbsByAuthor = (page: Page): Promise<Record<string, string[]>> =>
  page.$$eval('li.blurb', (blurbs) => {
    const by: Record<string, string[]> = {};
    for (const blurb of blurbs) {
      const login = blurb.querySelector('a[rel="author"]')?.getAttribute('href')?.match(/^\/users\/([^/]+)/)?.[1];
      if (login) (by[login] ??= []).push(blurb.id);
    }
    return by;
  });

const authorRules = (doc: SyncDoc): Rule[] =>
  Object.values(doc.r)
    .map((entry) => entry.v)
    .filter((rule): rule is Rule => rule?.match.kind === 'author');

/** Waits until the sync area holds a document whose author rules satisfy `ok`. */
async function syncedDoc(area: SyncArea, ok: (rules: Rule[]) => boolean, what: string): Promise<SyncDoc> {
  const decoded = await until(
    async () => decodeItems(await area.items()),
    (d) => d.state === 'ok' && ok(authorRules(d.doc)),
    what,
    60_000,
  );
  if (decoded.state !== 'ok') throw new Error(`unreachable: ${decoded.state}`);
  return decoded.doc;
}

describeRealPages('Firefox: the browser sync area under the add-on’s id', () => {
  let session: FirefoxSession;
  let area: SyncArea;

  beforeAll(async () => {
    session = await launchFirefoxExtension({ systemAccess: true });
    area = await firefoxSyncArea(session.browser, addonId(FIREFOX_BUILD));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('writes a rule made here, and applies one delivered from another computer to the open listing', async () => {
    const page = await session.open(session.serveRealPage(LISTING));
    const byAuthor = await blurbsByAuthor(page);
    const mine = byAuthor[AUTHOR] ?? [];
    const [otherAuthor, theirs] = Object.entries(byAuthor).find(([login]) => login !== AUTHOR) ?? [];
    expect(mine.length).toBe(7);
    expect(otherAuthor && theirs?.length).toBeTruthy();

    // A rule made here, from the author link's quick action.
    await page.hover(`#${mine[0]} a[rel="author"]`);
    await page.click(`#${mine[0]} a[rel="author"]:hover + .shelfmark-quick-action`);
    await page.locator(`.shelfmark-menu-item::-p-text(Hide works by ${AUTHOR})`).click();
    await page.waitForFunction(allHidden, {}, mine);

    // Write, read back: within the engine's coalescing delay, the rule is in Firefox's sync store under the add-on's id.
    const sent = await syncedDoc(area, (rules) => rules.some(isMine), 'the rule in the sync area');
    const local = authorRules(sent).find(isMine)!;

    // Change event: another computer adds a rule on another author, its document replacing this one's items.
    const now = Date.now();
    const incoming: Rule = { ...local, id: 'from-the-laptop', match: { kind: 'author', login: otherAuthor! }, createdAt: now, updatedAt: now };
    const theirDoc: SyncDoc = { ...sent, r: { ...sent.r, [incoming.id]: { t: now, d: 'laptop', v: incoming } } };
    const { items } = await encodeDoc(theirDoc, 'laptop', now);
    const stale = Object.keys(await area.items()).filter((key) => isSyncKey(key) && !(key in items));
    if (stale.length > 0) await area.remove(stale);
    await area.deliver(items);

    // Applied to the open listing without a reload, the rule made here kept.
    await page.waitForFunction(allHidden, { timeout: 30_000 }, theirs!);
    expect(await page.evaluate(allHidden, mine)).toBe(true);
    const merged = await syncedDoc(area, (rules) => rules.length === 2, 'both rules in the sync area');
    expect(authorRules(merged).map((r) => r.id).sort()).toEqual(['from-the-laptop', local.id].sort());
    await page.close();
  }, 90_000);

  it('nothing else tried to reach the network', () => {
    expect(session.outsideConnections()).toEqual([]);
  });
});
