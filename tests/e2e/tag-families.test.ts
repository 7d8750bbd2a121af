/**
 * Tag families learned in the real browser: a rule on "Angst" added through
 * the popup's form makes the background read Angst's tag page (served at its real URL,
 * tests/fixtures/tag-pages/tag-angst.html) and its two subtags' pages (the archive
 * answers 404 for them here), in the one polite queue — the first answer a
 * 429 with Retry-After — then hides the works tagged with a synonym ("Heavy
 * Angst") on a listing already open, without a reload, while the rule's
 * editor shows the learning under way and then what the rule covers. With learning
 * off, a new rule makes no request at all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { ANGST, ANGST_HTML, ANGST_LISTING as LISTING, ANGST_SYNONYM as SYNONYM, EMO_TEEN_ANGST as EMO, idsTagged, TEEN_ANGST as TEEN } from './angst-family';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';

const RETRY_AFTER_S = 4;

async function hiddenIds(page: Page): Promise<string[]> {
  return page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
}

describeRealPages('tag families learned from the archive', () => {
  let session: ExtensionSession;
  let popup: Page;
  let listing: Page;
  const tagRequests = () => session.extensionRequests().filter((r) => new URL(r.url).pathname.startsWith('/tags/'));

  beforeAll(async () => {
    session = await launchExtension();
    let angstAnswers = 0;
    // Registered after the harness's route, so it answers the tag pages first: a 429 once, then the page.
    await session.context.route(/^https:\/\/archiveofourown\.org\/tags\/[^/]+$/, async (route) => {
      const url = route.request().url();
      if (url === ANGST) {
        angstAnswers++;
        if (angstAnswers === 1) return route.fulfill({ status: 429, headers: { 'Retry-After': String(RETRY_AFTER_S) }, body: 'Retry later' });
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ANGST_HTML });
      }
      return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: '<html><body><div id="main" class="error-404"></div></body></html>' });
    });
    const url = await session.serveRealPage(LISTING);
    listing = await session.openArchivePage(url);
    popup = await session.extensionPage('popup.html');
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('learns Angst from its tag pages, politely, and hides a synonym-tagged work on the open listing without a reload', async () => {
    const synonymTagged = await listing.$$eval('li.blurb', idsTagged, SYNONYM);
    const taggedAngst = await listing.$$eval('li.blurb', idsTagged, 'Angst');
    const onlySynonym = synonymTagged.filter((id) => !taggedAngst.includes(id));
    expect(onlySynonym.length).toBeGreaterThan(0);
    expect(await hiddenIds(listing)).toEqual([]);

    // Made as a reader makes it: the popup's form, the tag typed, exact (the form's default), saved.
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByRole('combobox', { name: 'Tag' }).fill('Angst');
    const coverage = popup.locator('.sm-coverage-line[role="status"]');
    // Before the rule exists, the editor says what it will match until Angst is learned.
    await expect.poll(() => coverage.textContent(), { timeout: 10_000 }).toMatch(/^Not learned yet/);
    await popup.getByRole('button', { name: 'Save rule' }).click();
    // Text alone: the works tagged Angst itself.
    await listing.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length >= n, taggedAngst.length);

    // Opened again while the archive is read: the editor shows the learning under way (the first answer is a 429).
    await popup.getByRole('button', { name: 'Edit: Tag: Angst' }).click();
    await expect.poll(() => coverage.textContent(), { timeout: 10_000 }).toMatch(/^(Waiting to learn what the archive files under Angst…|Learning what the archive files under Angst… \d of \d pages)$/);

    // Once the family is learned, the open tab hides the works tagged only with the synonym too — no reload.
    await listing.waitForFunction(
      (ids) => ids.every((id) => document.getElementById(id)?.classList.contains('shelfmark-hidden')),
      onlySynonym,
      { timeout: 40_000 },
    );

    // Exactly the expected tag pages, from the background, at least 3 s apart; after the 429, as long as it asked.
    const requests = tagRequests();
    expect(requests.map((r) => r.url)).toEqual([ANGST, ANGST, TEEN, EMO]);
    expect(requests.every((r) => r.source === 'background')).toBe(true);
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 100);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(3000 - 100);

    // The background's record of it, and the editor's, which follows it while open.
    const status = await requestFromPage(popup, { type: 'families/status', names: ['Angst'] });
    expect(status.families[0]).toMatchObject({ family: { canonical: 'Angst', synonyms: ['a shit ton of angst', 'angsty angst', SYNONYM], complete: false }, learning: null });
    // Three synonyms and two subtags (their pages answered 404: subtags without synonyms of their own).
    await expect.poll(() => coverage.textContent(), { timeout: 10_000 }).toBe('Angst — and 5 tags the archive files under it, 2 subtags (learned today)');
    await popup.getByText('Show the tags').click();
    await popup.getByRole('searchbox', { name: 'Search these tags' }).fill('heavy');
    await expect(popup.locator('.sm-coverage-list li').allTextContents()).resolves.toEqual([SYNONYM]);
    await expect(popup.getByRole('button', { name: 'Refresh from the archive' }).isEnabled()).resolves.toBe(true);
    await popup.getByRole('button', { name: 'Cancel' }).click();
  }, 60_000);

  it('with learning off, a new rule makes no request at all', async () => {
    await requestFromPage(popup, { type: 'settings/set', values: { learnTagFamilies: false } });
    const before = tagRequests().length;
    await requestFromPage(popup, {
      type: 'rules/put',
      rule: { id: 'hide-slow-burn', action: 'hide', match: { kind: 'tag', slot: 'any', text: 'Slow Burn', mode: 'exact' }, enabled: true },
    });
    await expect(requestFromPage(popup, { type: 'families/refresh', name: 'Slow Burn' })).rejects.toThrow(/off/);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(tagRequests().length).toBe(before);
    // Rules match their own text only again: the works tagged only with the synonym show.
    const hidden = await hiddenIds(listing);
    const synonymOnly = await listing.$$eval(
      'li.blurb',
      (els, synonym) =>
        els
          .filter((el) => {
            const tags = [...el.querySelectorAll('a.tag')].map((a) => a.textContent?.trim());
            return tags.includes(synonym) && !tags.includes('Angst') && !tags.includes('Slow Burn');
          })
          .map((el) => el.id),
      SYNONYM,
    );
    expect(synonymOnly.length).toBeGreaterThan(0);
    for (const id of synonymOnly) expect(hidden).not.toContain(id);
  }, 30_000);
});
