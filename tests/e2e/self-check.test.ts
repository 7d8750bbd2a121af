/**
 * The layout-change self-check in real Chromium: a real listing whose markup
 * is mangled as an archive redesign might mangle it, served at its real URL
 * with a rule that matches works on it. Nothing is hidden, and the popup
 * says plainly that Shelfmark couldn't read the works, with the diagnostic
 * to copy.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { realPage, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, which the rule below hides. */
const BY_EDOSIAN = ['77598646', '77373556', '77306936', '77260741', '77184361', '77132896', '77071126'];
const TIMEOUT = { timeout: 10_000 };

/** Every blurb's `blurb` class renamed: the page model finds no blurbs at all. */
const renameBlurbClass = (html: string) => html.replace(/(<li id="work_\d+" class="[^"]*)\bblurb\b/g, '$1blurb-card');

/** The `work` class gone from every blurb but EdosianOrchids901's: 14 of 21 can't be read. */
const dropWorkClassMostly = (html: string) =>
  html.replace(/<li id="work_(\d+)" class="work /g, (whole, id: string) => (BY_EDOSIAN.includes(id) ? whole : `<li id="work_${id}" class="`));

describeRealPages('the self-check on a mangled real listing', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    const control = await session.extensionPage('popup.html');
    await requestFromPage(control, { type: 'rules/put', rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true } });
    await control.close();
  });
  afterAll(async () => {
    await session?.close();
  });
  // Each test's tabs go, whatever happened: the next test finds its tab by the same URL.
  afterEach(async () => {
    for (const page of session.context.pages()) await page.close();
  });

  async function openMangled(mangle: (html: string) => string): Promise<{ listing: Page; popup: Page }> {
    const { url } = realPage(LISTING);
    await session.servePage(url, mangle(realPageHtml(LISTING)));
    const listing = await session.context.newPage();
    await listing.goto(url);
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'), null, TIMEOUT);
    const popup = await session.popupFor(url);
    return { listing, popup };
  }

  /** Nothing of Shelfmark's hiding on the page: no hidden or removed work, no placeholder or "N hidden" summary, every work showing. */
  async function expectNothingHidden(listing: Page): Promise<void> {
    const state = await listing.evaluate(() => ({
      hidden: document.querySelectorAll('.shelfmark-hidden, .shelfmark-removed').length,
      placeholders: document.querySelectorAll('.shelfmark-placeholder, .shelfmark-summary').length,
      items: document.querySelectorAll('li[role="article"]').length,
      shown: [...document.querySelectorAll('li[role="article"]')].filter((li) => li.checkVisibility() && li.getBoundingClientRect().height > 40).length,
    }));
    expect(state).toEqual({ hidden: 0, placeholders: 0, items: 21, shown: 21 });
  }

  async function diagnosticOf(popup: Page): Promise<string> {
    const section = popup.getByRole('region', { name: 'This page' });
    await expect.poll(() => section.textContent(), TIMEOUT).toContain("Shelfmark couldn't read the works on this page — the archive may have changed");
    return popup.getByLabel('Details for a bug report').inputValue();
  }

  it('hides nothing where no blurb can be found, and says why', async () => {
    const { listing, popup } = await openMangled(renameBlurbClass);
    await expectNothingHidden(listing);
    const diagnostic = await diagnosticOf(popup);
    expect(diagnostic).toMatch(/^Shelfmark page check\nproblem: no-blurbs\npage kind: listing \(tag-works\)\nblurbs found: 0\nblurbs unreadable: 0\nitems shaped like blurbs: 21\nworks the heading counts: 111471\nextension: \d+\.\d+\.\d+\nbrowser: Chrome \d+$/);
  });

  it('hides nothing, not even the works it could read, when most blurbs are unreadable', async () => {
    const { listing, popup } = await openMangled(dropWorkClassMostly);
    await expectNothingHidden(listing);
    const diagnostic = await diagnosticOf(popup);
    expect(diagnostic).toContain('problem: mostly-errors\npage kind: listing (tag-works)\nblurbs found: 21\nblurbs unreadable: 14\n');
    // The data of the reader and the page stays out of it.
    expect(diagnostic).not.toMatch(/EdosianOrchids901|Sherlock|archiveofourown|hide-edosian/);
  });

  it('still hides on the same listing unmangled', async () => {
    const { listing, popup } = await openMangled((html) => html);
    await listing.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 7, null, TIMEOUT);
    await expect.poll(() => popup.getByRole('region', { name: 'This page' }).textContent(), TIMEOUT).toContain('7 hidden');
  });
});
