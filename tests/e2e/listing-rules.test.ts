/**
 * Hide and highlight on a real listing served at its real URL: exactly the
 * works the rules name are hidden, none of them is ever painted before it is
 * hidden, rule changes reach the open tab without a reload, and the page is
 * revealed even when the background does not answer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';
import { FLASH_SAMPLER, type FlashSamples } from './flash-sampler';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, checked by hand. */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
/** The three Explicit works on that page. */
const EXPLICIT = ['work_77855171', 'work_73393176', 'work_77618571'];

async function hiddenIds(page: Page): Promise<string[]> {
  return page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
}

describeRealPages('rules on a real listing', () => {
  let session: ExtensionSession;
  let extensionPage: Page;
  let url: string;

  beforeAll(async () => {
    session = await launchExtension();
    url = await session.serveRealPage(LISTING);
    extensionPage = await session.extensionPage('popup.html');
    await requestFromPage(extensionPage, {
      type: 'rules/put',
      rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
    });
    await requestFromPage(extensionPage, {
      type: 'rules/put',
      rule: {
        id: 'highlight-fluff',
        action: 'highlight',
        color: '#3c9d5d',
        match: { kind: 'tag', slot: 'freeform', text: 'fluff', mode: 'exact' },
        enabled: true,
        label: 'Fluff!',
      },
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('hides exactly the matching works, with reasons, and never paints them first', async () => {
    const page = await session.context.newPage();
    await page.addInitScript(FLASH_SAMPLER);
    await page.goto(url);
    await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    // Let the sampler see a good number of frames after classification too.
    await page.waitForFunction(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash.frames > 30);

    expect(await hiddenIds(page)).toEqual([...BY_EDOSIAN].sort());
    const samples = await page.evaluate(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash);
    const flashFrames = BY_EDOSIAN.reduce((sum, id) => sum + (samples.visibleFrames[id] ?? 0), 0);
    expect(samples.frames).toBeGreaterThan(30);
    expect(flashFrames).toBe(0);
    // Works that stay shown were painted: the sampler does see visible blurbs.
    expect(samples.visibleFrames.work_77862241).toBeGreaterThan(0);

    // Seven in a row: one line stands for them.
    await expect(page.locator('#work_77598646 > .shelfmark-fold').textContent()).resolves.toContain('7 works hidden');
    const placeholder = page.locator('#work_77598646 > .shelfmark-placeholder');
    await expect(placeholder.textContent()).resolves.toContain('Author: EdosianOrchids901');
    await expect(page.locator('.shelfmark-summary').textContent()).resolves.toMatch(/7 of 21 works hidden/);

    // Highlighted works carry the rule's colour and its label.
    const highlighted = await page.$$eval('li.blurb.shelfmark-highlighted', (els) =>
      els.map((el) => ({ id: el.id, chip: el.querySelector('.shelfmark-reasons')?.textContent, color: (el as HTMLElement).style.getPropertyValue('--shelfmark-highlight') })),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    for (const h of highlighted) expect(h).toMatchObject({ chip: 'Fluff!', color: '#3c9d5d' });

    // "Show" is a real button: keyboard reachable; on the folded line it lists the works, on a work's own line it reveals it.
    await page.locator('#work_77598646 > .shelfmark-fold > .shelfmark-show').focus();
    await page.keyboard.press('Enter');
    const show = page.locator('#work_77598646 > .shelfmark-placeholder > .shelfmark-show');
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#work_77598646 h4.heading').isVisible()).resolves.toBe(true);
    await expect(show.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.close();
  });

  it('applies a rule change to an open tab without a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    expect(await hiddenIds(page)).toEqual([...BY_EDOSIAN].sort());

    await requestFromPage(extensionPage, {
      type: 'rules/put',
      rule: { id: 'hide-explicit', action: 'hide', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } }, enabled: true },
    });
    await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, BY_EDOSIAN.length + EXPLICIT.length);
    expect(await hiddenIds(page)).toEqual([...BY_EDOSIAN, ...EXPLICIT].sort());

    await requestFromPage(extensionPage, { type: 'rules/delete', id: 'hide-explicit' });
    await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, BY_EDOSIAN.length);
    await page.close();
  });

  it('reveals every blurb within about a second even when the background does not answer', async () => {
    const worker = await session.serviceWorker();
    // Keep the background's only thread busy for six seconds (longer than the page takes to load its own
    // scripts, even on a busy machine): no message gets an answer meanwhile.
    const busy = worker.evaluate(() => {
      const end = Date.now() + 6000;
      while (Date.now() < end) {
        // busy
      }
    });
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const blurbs = document.querySelectorAll('li.blurb');
      return blurbs.length > 0 && !document.documentElement.classList.contains('shelfmark-pending');
    });
    // Counted from DOMContentLoaded, as the fail-safe is (blurb-gate.ts): before it, the page's own
    // scripts (the archive's jQuery and handlers, parser-blocking in its head) are still loading.
    const afterLoaded = await page.evaluate(() => performance.now() - performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventStart);
    expect(afterLoaded).toBeLessThan(2500);
    await busy;
    await page.close();
  });
});
