/**
 * Quick actions and the work numbers in real Chromium, on real pages:
 *
 * - an author rule made from a blurb's quick action carries the author's
 *   `user-N` id beside the login (it survives a rename);
 * - the ⋯ button is at least 24 × 24 px and covers no link and no text;
 * - in phone emulation (390 × 844, touch, mobile user agent, no hover) every
 *   tag and author link has its own ⋯; a tap adds a rule without following
 *   the link, and Undo takes it away;
 * - every work blurb's numbers (kudos per chapter, reading time) match what
 *   the page itself says, and a work page shows the time left.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { inClosedRoots } from './closed-shadow';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
const TIMEOUT = { timeout: 10_000 };

/**
 * What the ⋯ button beside `linkSelector` overlaps: its size, what the browser hits at its centre,
 * and every other link or stretch of text whose box meets it by more than a pixel.
 */
async function overlapsOf(page: Page, linkSelector: string) {
  return page.evaluate((sel) => {
    const link = document.querySelector(sel)!;
    const button = link.nextElementSibling as HTMLElement;
    const b = button.getBoundingClientRect();
    const meets = (r: DOMRect) => Math.max(0, Math.min(r.right, b.right) - Math.max(r.left, b.left)) * Math.max(0, Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top)) > 1;
    const covered: string[] = [];
    for (const a of document.querySelectorAll('a')) {
      if ([...a.getClientRects()].some(meets)) covered.push(`link ${a.textContent?.trim()}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue?.trim() || button.contains(node)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(meets)) covered.push(`text ${node.nodeValue.trim().slice(0, 30)}`);
    }
    const hit = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
    return { isButton: button.classList.contains('shelfmark-quick-action'), width: b.width, height: b.height, hitIsButton: hit === button, covered };
  }, linkSelector);
}

async function clearRules(control: Page): Promise<void> {
  for (const rule of (await requestFromPage(control, { type: 'rules/list' })).rules) {
    await requestFromPage(control, { type: 'rules/delete', id: rule.id });
  }
}

describeRealPages('quick actions and work numbers', () => {
  let session: ExtensionSession;
  let control: Page;
  let url: string;

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
    url = await session.serveRealPage(LISTING);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(() => clearRules(control));

  describe('with a mouse', () => {
    it("an author rule made from a blurb stores the author's user id beside the login", async () => {
      const page = await session.openArchivePage(url);
      const userIds = await page.$eval('#work_77598646', (li) => [...li.classList].filter((c) => /^user-\d+$/.test(c)).map((c) => Number(c.slice(5))));
      expect(userIds).toHaveLength(1);
      await page.hover('#work_77598646 a[rel="author"]');
      await page.locator('#work_77598646 .shelfmark-quick-action').click();
      await page.getByRole('menuitem', { name: 'Hide works by EdosianOrchids901' }).click();
      await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBe(7);
      const { rules } = await requestFromPage(control, { type: 'rules/list' });
      expect(rules.map((r) => [r.action, r.match])).toEqual([['hide', { kind: 'author', login: 'EdosianOrchids901', userId: userIds[0] }]]);
      await page.locator('.shelfmark-toast button', { hasText: 'Undo' }).click();
      await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBe(0);
      expect((await requestFromPage(control, { type: 'rules/list' })).rules).toEqual([]);
      await page.close();
    });

    it('offers hide and highlight on a work title', async () => {
      const page = await session.openArchivePage(url);
      const title = '#work_77373556 h4.heading > a:first-of-type';
      await page.hover(title);
      await page.locator('#work_77373556 .shelfmark-quick-action').click();
      const items = await page.getByRole('menuitem').allTextContents();
      expect(items.slice(0, 2)).toEqual(['Hide this work', 'Highlight this work']);
      await page.getByRole('menuitem', { name: 'Highlight this work' }).click();
      await expect.poll(() => page.locator('#work_77373556.shelfmark-highlighted').count(), TIMEOUT).toBe(1);
      const { rules } = await requestFromPage(control, { type: 'rules/list' });
      expect(rules.map((r) => [r.action, r.match.kind])).toEqual([['highlight', 'work']]);
      await page.close();
    });

    it('the ⋯ button is at least 24 × 24 px and covers no link or text, shown on hover and on focus', async () => {
      const page = await session.openArchivePage(url);
      const links = [
        '#work_77373556 li.freeforms a.tag',
        '#work_77373556 h5.fandoms a.tag',
        '#work_77373556 a[rel="author"]',
        '#work_77373556 h4.heading > a:first-of-type',
        '#work_77598646 li.relationships a.tag',
      ];
      for (const link of links) {
        await page.hover(link);
        await expect.poll(() => page.locator(`${link} + .shelfmark-quick-action`).isVisible(), TIMEOUT).toBe(true);
        const found = await overlapsOf(page, link);
        expect(found, link).toMatchObject({ isButton: true, hitIsButton: true, covered: [] });
        expect(found.width).toBeGreaterThanOrEqual(24);
        expect(found.height).toBeGreaterThanOrEqual(24);
      }
      // Pointer gone: the button goes. Focus brings it back.
      await page.mouse.move(1, 1);
      await expect.poll(() => page.locator('.shelfmark-quick-action').count(), TIMEOUT).toBe(0);
      await page.focus(links[0]!);
      await expect.poll(() => page.locator(`${links[0]} + .shelfmark-quick-action`).isVisible(), TIMEOUT).toBe(true);
      await page.close();
    });
  });

  describe('on a phone', () => {
    async function phonePage(): Promise<{ page: Page; cdp: CDPSession }> {
      const page = await session.context.newPage();
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 3, mobile: true });
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await cdp.send('Emulation.setUserAgentOverride', {
        userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      });
      await page.goto(url);
      await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
      return { page, cdp };
    }

    /** A tap: touch start and end at the element's centre, as a finger gives them. */
    async function tap(page: Page, cdp: CDPSession, selector: string): Promise<void> {
      const box = await page.locator(selector).first().boundingBox();
      if (!box) throw new Error(`nothing to tap at ${selector}`);
      const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }

    it('every tag and author link has a ⋯ of 24 × 24 px; a tap adds a rule without following the link, and Undo removes it', async () => {
      const { page, cdp } = await phonePage();
      expect(await page.evaluate(() => matchMedia('(hover: none), (pointer: coarse)').matches)).toBe(true);
      const links = await page.locator('li.blurb a.tag, li.blurb a[rel="author"]').count();
      const buttons = await page.locator('li.blurb a.tag + .shelfmark-quick-action, li.blurb a[rel="author"] + .shelfmark-quick-action').count();
      expect(buttons).toBe(links);
      // A blurb the page adds later (another script loading more works) gets its buttons too.
      await page.evaluate(() => {
        const copy = document.querySelector('li.work.blurb')!.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.shelfmark-quick-action, .shelfmark-host').forEach((el) => el.remove());
        copy.id = 'work_1';
        document.querySelector('ol.work.index')!.append(copy);
      });
      await expect.poll(() => page.locator('#work_1 a.tag + .shelfmark-quick-action, #work_1 a[rel="author"] + .shelfmark-quick-action').count(), TIMEOUT)
        .toBe(await page.locator('#work_1 a.tag, #work_1 a[rel="author"]').count());
      await page.evaluate(() => document.getElementById('work_1')!.remove());

      const link = '#work_77373556 li.freeforms a.tag[href="/tags/Platonic%20Cuddling/works"]';
      await page.locator(link).scrollIntoViewIfNeeded();
      const found = await overlapsOf(page, link);
      expect(found).toMatchObject({ isButton: true, hitIsButton: true, covered: [] });
      expect(Math.min(found.width, found.height)).toBeGreaterThanOrEqual(24);

      await tap(page, cdp, `${link} + .shelfmark-quick-action`);
      await expect.poll(() => page.getByRole('menuitem').count(), TIMEOUT).toBeGreaterThan(0);
      await tap(page, cdp, '.shelfmark-menu [role="menuitem"]:text-is("Hide works tagged “Platonic Cuddling”")');
      await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBe(3);
      expect(page.url()).toBe(url);
      const { rules } = await requestFromPage(control, { type: 'rules/list' });
      expect(rules.map((r) => r.match)).toEqual([{ kind: 'tag', slot: 'freeform', text: 'Platonic Cuddling', mode: 'exact' }]);

      await tap(page, cdp, '.shelfmark-toast button:text-is("Undo")');
      await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBe(0);
      expect((await requestFromPage(control, { type: 'rules/list' })).rules).toEqual([]);
      expect(page.url()).toBe(url);
      await page.close();
    });
  });

  describe('numbers', () => {
    it("each work blurb's kudos per chapter and reading time follow the page's own numbers", async () => {
      await requestFromPage(control, { type: 'settings/set', values: { workNumbers: true, readingSpeed: null } });
      const page = await session.openArchivePage(url);
      // Read from the page's own markup, without the page model.
      const expected = await page.$$eval('li.work.blurb', (blurbs) => blurbs.map((li) => {
        const num = (cls: string) => {
          const text = li.querySelector(`dl.stats dd.${cls}`)?.textContent?.replace(/,/g, '').trim();
          return text ? Number(text.split('/')[0]) : null;
        };
        return { id: li.id, kudos: num('kudos') ?? 0, hits: num('hits'), chapters: num('chapters'), words: num('words') };
      }));
      const drawn = await inClosedRoots(page, 'li.work.blurb .shelfmark-host-numbers', (root) => {
        const host = root.host;
        return {
          id: host.closest('li.blurb')!.id,
          parts: [...root.querySelectorAll('[data-text]')].map((el) => ({ text: el.getAttribute('data-text'), title: el.getAttribute('title') })),
        };
      }, null);
      expect(drawn.length).toBe(expected.filter((e) => e.words !== null).length);
      const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
      for (const work of expected) {
        const mine = drawn.find((d) => d.id === work.id);
        expect(mine, work.id).toBeDefined();
        const [ratio, time] = mine!.parts;
        if (work.hits && work.chapters) {
          expect(ratio?.text).toBe(`Kudos/ch. ${percent.format((work.kudos * work.chapters) / work.hits)}`);
          expect(ratio?.title).toContain('kudos ÷ (hits ÷ chapters)');
        }
        const minutes = Math.max(1, Math.round(work.words! / 250));
        const shown = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
        expect((time ?? ratio)?.text).toBe(`${shown} read`);
      }
      // Nothing of it in the page's own DOM: the numbers are in closed roots.
      expect(await page.evaluate(() => document.body.innerText.includes('Kudos/ch.'))).toBe(false);
      await page.close();
    });

    it('Settings shows the reading speed, where it comes from, and lets the reader set it or go back to learning it', async () => {
      await requestFromPage(control, { type: 'settings/set', values: { workNumbers: true, readingSpeed: null, readingSpeedSamples: [] } });
      const options = await session.extensionPage('options.html');
      await options.getByRole('tab', { name: 'Settings' }).click();
      const field = options.getByLabel('Reading speed (words a minute)');
      await expect.poll(() => field.inputValue(), TIMEOUT).toBe('250');
      await expect(options.getByText('The usual speed until Shelfmark has seen you read 3 chapters').count()).resolves.toBe(1);
      await field.fill('320');
      await field.press('Enter');
      await expect.poll(async () => (await requestFromPage(control, { type: 'settings/get' })).settings.readingSpeed, TIMEOUT).toBe(320);
      await expect.poll(() => options.getByText('Set by you.').count(), TIMEOUT).toBe(1);
      await field.fill('5');
      await field.press('Enter');
      await expect.poll(() => options.getByRole('alert').textContent(), TIMEOUT).toContain('A speed from 30 to 3,000 words a minute');
      expect((await requestFromPage(control, { type: 'settings/get' })).settings.readingSpeed).toBe(320);
      await options.getByRole('button', { name: 'Learn it from my reading' }).click();
      await expect.poll(async () => (await requestFromPage(control, { type: 'settings/get' })).settings.readingSpeed, TIMEOUT).toBeNull();
      await expect.poll(() => field.inputValue(), TIMEOUT).toBe('250');
      await options.getByRole('switch', { name: 'Numbers on blurbs and work pages' }).uncheck();
      await expect.poll(async () => (await requestFromPage(control, { type: 'settings/get' })).settings.workNumbers, TIMEOUT).toBe(false);
      await options.close();
    });

    it('none when the reader turns them off; a work page shows the time left', async () => {
      await requestFromPage(control, { type: 'settings/set', values: { workNumbers: false } });
      let page = await session.openArchivePage(url);
      expect(await page.locator('.shelfmark-host-numbers').count()).toBe(0);
      await page.close();
      await requestFromPage(control, { type: 'settings/set', values: { workNumbers: true, readingSpeed: 200 } });
      page = await session.openArchivePage(await session.serveRealPage('work-923647-oneshot.html'));
      const [text] = await inClosedRoots(page, '.shelfmark-host-time-left', (root) => [...root.querySelectorAll('[data-text]')].map((el) => el.getAttribute('data-text')).join(' '), null);
      expect(text).toMatch(/^(\d+ h )?\d+ min left$/);
      const [title] = await inClosedRoots(page, '.shelfmark-host-time-left', (root) => root.querySelector('[title]')?.getAttribute('title') ?? '', null);
      expect(title).toContain('At your 200 words a minute');
      await page.close();
    });
  });
});
