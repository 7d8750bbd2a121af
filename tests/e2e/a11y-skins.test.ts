/**
 * axe-core over what Shelfmark draws on a listing under the archive's own
 * official site skins (scripts/lib/archive-site.ts: the default, Reversi and
 * dark mode, added after the default skin as the site adds a reader's chosen
 * skin), at a phone's width (390 px) and a desktop's; and the popup and the
 * Library at 390 px, light and dark. No serious or critical violation — colour
 * contrast above all — may remain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSkinCss, type SiteSkin } from '../../scripts/lib/archive-site';
import { describeArchiveSite } from '../helpers/archive-site-suite';
import { describeRealPages } from '../helpers/real-pages-suite';
import { seriousViolations } from './axe';
import { closedCount, openCopies, removeOpenCopies } from './closed-shadow';
import { launchExtension, type ExtensionSession } from './harness';
import { PHONE_HEIGHT, PHONE_WIDTH } from './phone';
import { importSample, SAMPLE_LISTING } from './sample-library';

const TIMEOUT = { timeout: 10_000 };
const SKINS: readonly (SiteSkin | 'default')[] = ['default', 'reversi', 'dark_mode'];
const WIDTHS = [PHONE_WIDTH, 1280] as const;
/** What the content script adds to a listing; badges and Save controls through open copies of their closed roots. */
const INJECTED = ['.shelfmark-summary', '.shelfmark-placeholder', '[data-closed-copy]', '.shelfmark-chip', '.shelfmark-reasons'];

describeRealPages('accessibility under the archive\'s site skins, phone and desktop', () => describeArchiveSite('axe-core', () => {
  let session: ExtensionSession;
  let url: string;

  beforeAll(async () => {
    session = await launchExtension();
    const options = await session.extensionPage('options.html');
    await importSample(options);
    await options.close();
    url = await session.serveRealPage(SAMPLE_LISTING);
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const skin of SKINS) {
    for (const width of WIDTHS) {
      it(`a listing under the ${skin} skin at ${width} px`, async () => {
        const page = await session.context.newPage();
        await page.setViewportSize({ width, height: width === PHONE_WIDTH ? PHONE_HEIGHT : 800 });
        await page.goto(url);
        await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
        if (skin !== 'default') await page.addStyleTag({ content: siteSkinCss(skin) });
        await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBeGreaterThan(0);
        await expect.poll(() => closedCount(page, '.shelfmark-host-blurb', '.shelfmark-badge'), TIMEOUT).toBeGreaterThan(0);
        if (skin !== 'default') {
          // The skin is in force: the page's background is dark.
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
          expect(r + g + b, background).toBeLessThan(3 * 128);
        }
        await expect(openCopies(page, '.shelfmark-host-blurb')).resolves.toBeGreaterThan(10);
        const include = await page.evaluate((all) => all.filter((s) => document.querySelector(s) !== null), INJECTED);
        expect(include).toEqual(expect.arrayContaining(['.shelfmark-placeholder', '[data-closed-copy]']));
        expect(await seriousViolations(page, { include: include.map((s) => [s]) })).toEqual([]);
        await removeOpenCopies(page);
        // The archive's text on a highlighted blurb's colour.
        expect(await seriousViolations(page, { include: [['li.blurb.shelfmark-highlighted']] }, { runOnly: ['color-contrast'] })).toEqual([]);
        await page.close();
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    describe(`at ${PHONE_WIDTH} px, ${scheme}`, () => {
      it('the popup and the Library', async () => {
        const listing = await session.openArchivePage(url);
        const popup = await session.popupFor(url, async (p) => {
          await p.setViewportSize({ width: PHONE_WIDTH, height: PHONE_HEIGHT });
          await p.emulateMedia({ colorScheme: scheme });
        });
        await expect.poll(() => popup.getByRole('region', { name: 'This page' }).textContent(), TIMEOUT).toContain('hidden');
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.close();
        await listing.close();

        const options = await session.context.newPage();
        await options.setViewportSize({ width: PHONE_WIDTH, height: PHONE_HEIGHT });
        await options.emulateMedia({ colorScheme: scheme });
        await options.goto(`chrome-extension://${session.extensionId}/options.html`);
        await expect.poll(() => options.locator('.sm-cards .sm-table-body [role="row"]').count(), TIMEOUT).toBe(6);
        expect(await seriousViolations(options)).toEqual([]);
        await options.getByRole('button', { name: 'Filters' }).click();
        expect(await seriousViolations(options)).toEqual([]);
        await options.close();
      });
    });
  }
}));
