/**
 * The rest of hide and highlight on real pages: quick actions on tag and
 * author links (mouse and keyboard, with Undo), the banner on a work page the
 * rules would hide, the adult-content interstitial's blurb, and the notice
 * when the archive's preferences hide tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/ao3', name), 'utf8');

const hiddenIds = (page: Page) => page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());

describeRealPages('page features', () => {
  let session: ExtensionSession;
  let control: Page;

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    for (const rule of (await requestFromPage(control, { type: 'rules/list' })).rules) {
      await requestFromPage(control, { type: 'rules/delete', id: rule.id });
    }
  });

  it('hides works with a tag from the quick action menu, and Undo brings them back', async () => {
    const page = await session.openArchivePage(await session.serveRealPage('listing-tag-sherlock-holmes.html'));
    expect(await hiddenIds(page)).toEqual([]);

    await page.hover('#work_77373556 li.freeforms a.tag:text-is("Platonic Cuddling")');
    const button = page.locator('#work_77373556 .shelfmark-quick-action');
    await expect(button.getAttribute('aria-label')).resolves.toBe('Shelfmark actions for Platonic Cuddling');
    await button.click();
    await page.getByRole('menuitem', { name: 'Hide works tagged “Platonic Cuddling”' }).click();

    await page.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 3);
    expect(await hiddenIds(page)).toEqual(['work_77071126', 'work_77260741', 'work_77373556']);
    await expect(page.locator('.shelfmark-toast').textContent()).resolves.toContain('Hiding: Tag: Platonic Cuddling');

    await page.locator('.shelfmark-toast button', { hasText: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 0);
    expect((await requestFromPage(control, { type: 'rules/list' })).rules).toEqual([]);
    await page.close();
  });

  it('is reachable by keyboard: Tab from a link to its actions, arrows in the menu', async () => {
    const page = await session.openArchivePage(await session.serveRealPage('listing-tag-sherlock-holmes.html'));
    await page.focus('#work_77598646 a[rel="author"]');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('shelfmark-quick-action');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hide works by EdosianOrchids901');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // past "Highlight works by …"
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hide this work');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length === 1);
    expect(await hiddenIds(page)).toEqual(['work_77598646']);
    const rules = (await requestFromPage(control, { type: 'rules/list' })).rules;
    expect(rules.map((r) => r.match)).toEqual([{ kind: 'work', workId: 77598646, title: 'A Wise Decision' }]);

    // Escape closes a menu and gives focus back to its button.
    await page.focus('#work_77862241 h5.fandoms a.tag');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.locator('.shelfmark-menu').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('shelfmark-quick-action');
    await page.close();
  });

  it('names the rules on a work page they would hide, hides nothing, and can be dismissed', async () => {
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'fire', action: 'hide', match: { kind: 'tag', slot: 'any', text: '*fire*', mode: 'wildcard' }, enabled: true, label: 'Too much fire' },
    });
    const page = await session.context.newPage();
    await page.goto(await session.serveRealPage('work-923647-oneshot.html'));
    const banner = page.locator('.shelfmark-work-banner');
    await expect(banner.textContent()).resolves.toContain('You hide works with Too much fire');
    await expect(page.locator('#workskin').isVisible()).resolves.toBe(true);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner.count()).resolves.toBe(0);
    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    // Dismissed for this work for the rest of the session.
    await page.waitForTimeout(300);
    await expect(page.locator('.shelfmark-work-banner').count()).resolves.toBe(0);
    await page.close();
  });

  it("filters the adult-content interstitial's blurb", async () => {
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'owl', action: 'hide', match: { kind: 'author', login: 'nightowl' }, enabled: true },
    });
    const url = 'https://archiveofourown.org/works/9001';
    await session.servePage(url, fixture('adult-interstitial.html'));
    const page = await session.openArchivePage(url);
    expect(await hiddenIds(page)).toEqual(['work_9001']);
    await page.close();
  });

  it("says once when the archive's preferences hide tags the rules can't see", async () => {
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'fluff', action: 'highlight', match: { kind: 'tag', slot: 'freeform', text: 'Fluff', mode: 'exact' }, enabled: true },
    });
    const url = 'https://archiveofourown.org/tags/Example%20Fandom/works';
    await session.servePage(url, fixture('hidden-tags.html'));
    const page = await session.openArchivePage(url);
    const notices = page.locator('.shelfmark-hidden-tags-notice');
    await expect(notices.count()).resolves.toBe(1);
    await expect(notices.textContent()).resolves.toContain('preferences hide warnings or additional tags');
    await expect(notices.getByRole('button', { name: 'Show hidden tags' }).count()).resolves.toBe(1);
    await page.close();
  });
});
