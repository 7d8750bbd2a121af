/**
 * axe-core over everything Shelfmark draws, in real Chromium, light and dark:
 * the popup over a real listing (its page results and rule list, then its
 * rule editor), every tab of the options page with a lived-in library (and
 * the question before deleting all data), and
 * the placeholders, badges, save controls and menus the content script puts
 * on a listing (those only: the archive's own markup isn't ours). No serious
 * or critical violation may remain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { seriousViolations } from './axe';
import { closedCount, focusClosed, openCopies, PANEL_HOST, removeOpenCopies } from './closed-shadow';
import { launchExtension, type ExtensionSession } from './harness';
import { importSample, SAMPLE_LISTING } from './sample-library';

const SCHEMES = ['light', 'dark'] as const;
const TIMEOUT = { timeout: 10_000 };
const OPTION_TABS = ['Library', 'History', 'Rules', 'Data', 'Settings'] as const;

/**
 * Elements the content script adds to a listing (or styles, for the highlight's contrast). Badges
 * and Save controls are in closed roots, which axe can't read: it checks open copies of them.
 */
const INJECTED = ['.shelfmark-summary', '.shelfmark-placeholder', '[data-closed-copy]', '.shelfmark-chip', '.shelfmark-quick-action', '.shelfmark-menu', '.shelfmark-toast'];

async function presentSelectors(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((all) => all.filter((s) => document.querySelector(s) !== null), [...selectors]);
}

describeRealPages('accessibility (axe-core)', () => {
  let session: ExtensionSession;
  let listing: Page;
  let popup: Page;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.extensionPage('options.html');
    await options.setViewportSize({ width: 1280, height: 800 });
    await importSample(options);

    const url = await session.serveRealPage(SAMPLE_LISTING);
    listing = await session.context.newPage();
    await listing.setViewportSize({ width: 1280, height: 800 });
    await listing.goto(url);
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    popup = await session.popupFor(url);
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const scheme of SCHEMES) {
    describe(`${scheme} scheme`, () => {
      beforeAll(async () => {
        for (const page of [listing, popup, options]) await page.emulateMedia({ colorScheme: scheme });
      });

      it('the popup, with the page results and the rule list', async () => {
        await expect.poll(() => popup.getByRole('region', { name: 'This page' }).textContent(), TIMEOUT).toContain('hidden');
        await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(4);
        // The page's results, unfolded.
        const details = popup.getByRole('region', { name: 'This page' }).locator('details').first();
        if ((await details.count()) > 0 && !(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
        expect(await seriousViolations(popup)).toEqual([]);
      });

      it('the popup’s rule editor', async () => {
        await popup.getByRole('button', { name: 'Add rule' }).click();
        await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toMatch(/on this page/);
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.getByRole('button', { name: 'Cancel' }).click();
      });

      for (const tab of OPTION_TABS) {
        it(`the options page: ${tab}`, async () => {
          await options.getByRole('tab', { name: tab }).click();
          await expect.poll(() => options.getByRole('tab', { name: tab }).getAttribute('aria-selected'), TIMEOUT).toBe('true');
          if (tab === 'Library') await expect.poll(() => options.locator('.sm-table-body [role="row"]').count(), TIMEOUT).toBe(6);
          if (tab === 'History') await expect.poll(() => options.locator('.sm-history-entry').count(), TIMEOUT).toBeGreaterThan(0);
          expect(await seriousViolations(options)).toEqual([]);
        });
      }

      it('the options page: the question before deleting all data', async () => {
        await options.getByRole('tab', { name: 'Data' }).click();
        await options.getByRole('button', { name: 'Delete all my data…' }).click();
        const question = options.getByRole('alertdialog', { name: 'Delete all your data?' });
        await expect.poll(() => question.isVisible(), TIMEOUT).toBe(true);
        expect(await seriousViolations(options)).toEqual([]);
        await question.getByRole('button', { name: 'Cancel' }).click();
      });

      it('what Shelfmark adds to a listing: placeholders, highlight, badges, save controls, menus', async () => {
        await expect.poll(() => listing.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBeGreaterThan(0);
        await expect(closedCount(listing, '.shelfmark-host-blurb', '.shelfmark-badge')).resolves.toBeGreaterThan(0);
        // The quick-action menu, opened from the keyboard on a tag link.
        await listing.locator('li.blurb:not(.shelfmark-hidden) li.freeforms a.tag').first().focus();
        await listing.keyboard.press('Tab');
        await listing.keyboard.press('Enter');
        await expect.poll(() => listing.getByRole('menu').count(), TIMEOUT).toBe(1);
        await expect(openCopies(listing, '.shelfmark-host-blurb')).resolves.toBeGreaterThan(10);
        const include = await presentSelectors(listing, INJECTED);
        expect(include).toEqual(expect.arrayContaining(['.shelfmark-placeholder', '[data-closed-copy]', '.shelfmark-menu']));
        expect(await seriousViolations(listing, { include: include.map((s) => [s]) })).toEqual([]);
        await removeOpenCopies(listing);
        await listing.keyboard.press('Escape');

        // The save panel, and the highlighted blurbs' contrast (the archive's text on our colour).
        await focusClosed(listing, 'li.blurb:not(.shelfmark-hidden) .shelfmark-host-blurb', '.shelfmark-save-more');
        await listing.keyboard.press('Enter');
        await expect.poll(() => closedCount(listing, PANEL_HOST, '[role="dialog"]'), TIMEOUT).toBe(1);
        await expect(openCopies(listing, PANEL_HOST)).resolves.toBe(1);
        expect(await seriousViolations(listing, { include: [['[data-closed-copy]']] })).toEqual([]);
        await removeOpenCopies(listing);
        await listing.keyboard.press('Escape');
        expect(await seriousViolations(listing, { include: [['li.blurb.shelfmark-highlighted']] }, { runOnly: ['color-contrast'] })).toEqual([]);
      });
    });
  }
});
