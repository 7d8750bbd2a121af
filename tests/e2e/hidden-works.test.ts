/**
 * Hidden works as the reader sees them, on a real listing served at its real
 * URL: each severity drawn (removed, collapsed, dimmed) with no frame in which
 * a work to hide is painted, or a work to dim painted in full or unfaded;
 * placeholders in a row folded into one line that Show lists one by one;
 * "Always show" from a placeholder, reaching every open tab without a reload,
 * with Undo, and listed on the options page; the dimmed title readable on the
 * archive's own light and dark skins, and painted only ever at the fading
 * fitted to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { realPageHtml, realPagesDir } from '../helpers/real-pages';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';

const LISTING = 'listing-tag-sherlock-holmes.html';
const TIMEOUT = { timeout: 15_000 };
/** The seven works by EdosianOrchids901, in a row on that page (checked by hand). */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
/** The three Explicit works on that page. */
const EXPLICIT = ['work_77855171', 'work_73393176', 'work_77618571'];
/** Works of at most 1,000 words not by EdosianOrchids901 (whose collapse, the stronger severity, wins). */
const SHORT = ['work_77862241', 'work_76545801', 'work_77839546', 'work_76271371'];

/**
 * From document_start, on every frame: per blurb, whether its title was
 * painted, whether it was painted at full opacity, at which opacities, and
 * whether the body of the blurb (its stats, tags, summary) was painted.
 */
const SEVERITY_SAMPLER = `
(() => {
  const seen = { frames: 0, heading: {}, unfaded: {}, fades: {}, body: {} };
  window.__shelfmarkSeen = seen;
  const visible = (el) => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const bump = (map, key) => { map[key] = (map[key] || 0) + 1; };
  const sample = () => {
    seen.frames++;
    for (const li of document.querySelectorAll('li.blurb')) {
      const heading = li.querySelector('.header h4.heading');
      if (visible(heading)) {
        bump(seen.heading, li.id);
        const opacity = getComputedStyle(li.querySelector('.header')).opacity;
        if (opacity === '1') bump(seen.unfaded, li.id);
        (seen.fades[li.id] ||= {})[opacity] = true;
      }
      if ([...li.querySelectorAll(':scope > dl.stats, :scope > ul.tags, :scope > blockquote.summary')].some(visible)) bump(seen.body, li.id);
    }
    if (seen.frames < 600) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})();
`;

interface Seen {
  frames: number;
  heading: Record<string, number>;
  unfaded: Record<string, number>;
  /** Blurb id → each opacity its title was painted at. */
  fades: Record<string, Record<string, true>>;
  body: Record<string, number>;
}

const sum = (counts: Record<string, number>, ids: string[]) => ids.reduce((total, id) => total + (counts[id] ?? 0), 0);
const isShown = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.checkVisibility());

describeRealPages('hidden works on a real listing', () => {
  let session: ExtensionSession;
  let control: Page;
  let url: string;

  beforeAll(async () => {
    session = await launchExtension();
    url = await session.serveRealPage(LISTING);
    control = await session.extensionPage('popup.html');
    const rules = [
      { id: 'edosian', action: 'hide', severity: 'collapse', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
      { id: 'explicit', action: 'hide', severity: 'remove', match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } }, enabled: true },
      { id: 'short', action: 'hide', severity: 'dim', match: { kind: 'trait', trait: { type: 'words', max: 1000 } }, enabled: true },
    ] as const;
    for (const rule of rules) await requestFromPage(control, { type: 'rules/put', rule });
  });
  afterAll(async () => {
    await session?.close();
  });

  const open = async (withSampler = false) => {
    const page = await session.context.newPage();
    if (withSampler) await page.addInitScript(SEVERITY_SAMPLER);
    await page.goto(url);
    await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    return page;
  };

  it('removes, collapses and dims as each rule says, and never paints what it hides or dims first', async () => {
    const page = await open(true);
    await page.waitForFunction(() => (window as unknown as { __shelfmarkSeen: Seen }).__shelfmarkSeen.frames > 30);
    const seen = await page.evaluate(() => (window as unknown as { __shelfmarkSeen: Seen }).__shelfmarkSeen);
    expect(seen.frames).toBeGreaterThan(30);

    // Removed: nothing left, never painted.
    for (const id of EXPLICIT) await expect(isShown(page, `#${id}`)).resolves.toBe(false);
    expect(sum(seen.heading, EXPLICIT)).toBe(0);
    // Collapsed: never painted; one line stands for the seven in a row.
    expect(sum(seen.heading, BY_EDOSIAN)).toBe(0);
    expect(sum(seen.body, BY_EDOSIAN)).toBe(0);
    // Dimmed: the title line painted, but never in full and never unfaded.
    for (const id of SHORT) {
      expect(seen.heading[id], id).toBeGreaterThan(0);
      await expect(isShown(page, `#${id} > .shelfmark-dim`)).resolves.toBe(true);
      await expect(isShown(page, `#${id} dl.stats`)).resolves.toBe(false);
    }
    expect(sum(seen.body, SHORT)).toBe(0);
    expect(sum(seen.unfaded, SHORT)).toBe(0);
    // The sampler does see works painted in full.
    expect(seen.body.work_75215951).toBeGreaterThan(0);
    expect(seen.unfaded.work_75215951).toBeGreaterThan(0);

    await expect(page.locator('.shelfmark-summary > span').first().textContent()).resolves.toBe('10 of 21 works hidden, 4 dimmed');
    await expect(page.locator('#work_77862241 > .shelfmark-dim').textContent()).resolves.toContain('Words: at most 1,000');

    // Dim: one key unfolds the blurb, in full and no longer faded.
    const show = page.locator('#work_77862241 > .shelfmark-dim > .shelfmark-show');
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(isShown(page, '#work_77862241 dl.stats')).resolves.toBe(true);
    await expect(page.locator('#work_77862241 > .header').evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('1');
    await expect(show.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(isShown(page, '#work_77862241 dl.stats')).resolves.toBe(false);
    await page.close();
  });

  it('folds the placeholders in a row into one line, which Show lists one by one', async () => {
    const page = await open();
    const line = page.locator('#work_77598646 > .shelfmark-fold');
    await expect(isShown(page, '#work_77598646 > .shelfmark-fold')).resolves.toBe(true);
    await expect(line.evaluate((el) => [...el.children].map((part) => part.textContent).join(' '))).resolves.toBe(
      '7 works hidden — Author: EdosianOrchids901 ×7, Words: at most 1,000 ×6 · Show',
    );
    // One line for seven works: the others take no room, the head shows only that line.
    for (const id of BY_EDOSIAN.slice(1)) await expect(isShown(page, `#${id}`)).resolves.toBe(false);
    await expect(isShown(page, '#work_77598646 > .shelfmark-placeholder')).resolves.toBe(false);

    const show = line.locator('button');
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(show.getAttribute('aria-expanded')).resolves.toBe('true');
    for (const id of BY_EDOSIAN) {
      await expect(isShown(page, `#${id} > .shelfmark-placeholder`)).resolves.toBe(true);
      await expect(isShown(page, `#${id} h4.heading`)).resolves.toBe(false);
    }
    // Each work's own Show shows that work.
    await page.locator('#work_77306936 > .shelfmark-placeholder > .shelfmark-show').click();
    await expect(isShown(page, '#work_77306936 h4.heading')).resolves.toBe(true);
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(show.textContent()).resolves.toBe('Show');
    for (const id of BY_EDOSIAN.slice(1)) await expect(isShown(page, `#${id}`)).resolves.toBe(false);
    await page.close();
  });

  it('always shows a work from its placeholder, in every open tab, with Undo; the options page lists it', async () => {
    const other = await open();
    const page = await open();
    await page.locator('#work_77598646 > .shelfmark-fold button').click();
    const always = page.locator('#work_77373556 > .shelfmark-placeholder > .shelfmark-always-show');
    await expect(always.getAttribute('aria-label')).resolves.toBe('Always show this work');
    await always.focus();
    await page.keyboard.press('Enter');

    // Shown at once here and in the other tab, without a reload; the run it split stays unfolded here.
    await expect.poll(() => isShown(page, '#work_77373556 h4.heading'), TIMEOUT).toBe(true);
    await expect.poll(() => isShown(other, '#work_77373556 h4.heading'), TIMEOUT).toBe(true);
    await expect(isShown(page, '#work_77306936 > .shelfmark-placeholder')).resolves.toBe(true);
    expect((await requestFromPage(control, { type: 'settings/get' })).settings.alwaysShow).toEqual([77373556]);
    await expect(page.locator('.shelfmark-summary > span').first().textContent()).resolves.toBe('9 of 21 works hidden, 4 dimmed');
    // Focus went to the toast's Undo (the button pressed went with the placeholder).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), TIMEOUT).toBe('Undo');
    await expect(page.locator('.shelfmark-toast > span').textContent()).resolves.toBe('This work will always be shown.');

    // Listed on the options page (never read or saved: named by its number).
    const options = await session.extensionPage('options.html#rules');
    const entry = options.locator('.sm-always-shown li');
    await expect.poll(() => entry.count(), TIMEOUT).toBe(1);
    await expect(entry.locator('a').textContent()).resolves.toBe('Work 77373556');
    await expect(entry.locator('a').getAttribute('href')).resolves.toBe('https://archiveofourown.org/works/77373556');

    // Undo: hidden again in both tabs.
    await page.keyboard.press('Enter');
    await expect.poll(() => isShown(page, '#work_77373556 h4.heading'), TIMEOUT).toBe(false);
    await expect.poll(() => isShown(other, '#work_77373556 h4.heading'), TIMEOUT).toBe(false);
    expect((await requestFromPage(control, { type: 'settings/get' })).settings.alwaysShow).toEqual([]);
    await expect.poll(() => entry.count(), TIMEOUT).toBe(0);

    // From the options page: added again, then removed there, with Undo.
    await requestFromPage(control, { type: 'alwaysShow/set', workId: 77373556, show: true });
    await options.reload();
    await expect.poll(() => entry.count(), TIMEOUT).toBe(1);
    await entry.locator('button').click();
    await expect.poll(() => entry.count(), TIMEOUT).toBe(0);
    await expect.poll(() => isShown(other, '#work_77373556 h4.heading'), TIMEOUT).toBe(false);
    await expect(options.locator('.sm-undo-message').textContent()).resolves.toBe('Work 77373556 is no longer always shown.');
    await options.locator('.sm-undo-action').click();
    await expect.poll(() => entry.count(), TIMEOUT).toBe(1);
    await expect.poll(() => isShown(other, '#work_77373556 h4.heading'), TIMEOUT).toBe(true);
    await requestFromPage(control, { type: 'alwaysShow/set', workId: 77373556, show: false });
    await Promise.all([page.close(), other.close(), options.close()]);
  });

  it('names hidden works on their placeholders only once the reader turns it on', async () => {
    const page = await open();
    await expect(page.locator('.shelfmark-placeholder-work').count()).resolves.toBe(0);
    await requestFromPage(control, { type: 'settings/set', values: { placeholderTitles: true } });
    await expect.poll(() => page.locator('#work_77373556 .shelfmark-placeholder-work').count(), TIMEOUT).toBe(1);
    const title = await page.locator('#work_77373556 h4.heading a').first().textContent();
    await expect(page.locator('#work_77373556 .shelfmark-placeholder-work').textContent()).resolves.toBe(`${title} by EdosianOrchids901`);
    await requestFromPage(control, { type: 'settings/set', values: { placeholderTitles: false } });
    await page.close();
  });

  const siteCss = (path: string) => {
    const dir = realPagesDir();
    const file = dir ? join(dir, '../ao3-site', path) : '';
    return existsSync(file) ? file : null;
  };

  it("keeps a dimmed title readable on the archive's default skin and its dark skins", async () => {
    const base = siteCss('stylesheets/skins/skin_1_default/1_site_screen_.css');
    if (!base) return;
    for (const skin of [null, 'site-skins/dark_mode/dark_mode_site_screen_.css', 'site-skins/reversi/reversi_site_screen_.css']) {
      // The skin in the page's head, as the archive serves it: there before the works are drawn.
      const skinFile = skin ? siteCss(skin) : null;
      const css = [base, skinFile].flatMap((file) => (file ? [readFileSync(file, 'utf8')] : [])).map((text) => `<style>${text}</style>`).join('');
      await session.servePage(url, realPageHtml(LISTING).replace('</head>', `${css}</head>`));
      const page = await open(true);
      const ratios = await page.evaluate(() => {
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
        };
        const background = (el: Element | null): number[] => {
          for (; el; el = el.parentElement) {
            const [r, g, b, a = 1] = rgb(getComputedStyle(el).backgroundColor);
            if (a > 0) return [r!, g!, b!];
          }
          return [255, 255, 255];
        };
        return [...document.querySelectorAll('li.shelfmark-dimmed > .header h4 a')].map((link) => {
          const header = link.closest('.header')!;
          const opacity = Number(getComputedStyle(header).opacity);
          // grayscale(1) keeps the luminance; opacity blends it with what is behind.
          const l = luminance(rgb(getComputedStyle(link).color));
          const grey = 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
          const back = background(header.parentElement);
          const shown = back.map((c) => grey * opacity + c * (1 - opacity));
          const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          // And the skin's own contrast for that link, undimmed.
          return { dimmed: ratio(luminance(shown), luminance(back)), own: ratio(luminance(rgb(getComputedStyle(link).color)), luminance(back)) };
        });
      });
      // Every link on the dimmed title lines: each work's title and its creators.
      await expect(page.locator('li.shelfmark-dimmed').count()).resolves.toBe(SHORT.length);
      expect(ratios.length, skin ?? 'default skin').toBeGreaterThanOrEqual(SHORT.length * 2);
      // 4.5:1 at least, or, where the skin's own colours give less (Reversi's blue titles: 4.1:1), no less than they do.
      for (const { dimmed, own } of ratios) expect(dimmed, skin ?? 'default skin').toBeGreaterThanOrEqual(Math.min(4.5, own) - 0.05);
      // Faded wherever the colours allow it.
      const opacity = await page.locator('li.shelfmark-dimmed > .header').first().evaluate((el) => Number(getComputedStyle(el).opacity));
      if (ratios.every(({ own }) => own >= 5.5)) expect(opacity, skin ?? 'default skin').toBeLessThan(1);
      // Painted only ever at that fading: fitted before the first dimmed work paints, never changed once seen.
      await page.waitForFunction(() => (window as unknown as { __shelfmarkSeen: Seen }).__shelfmarkSeen.frames > 30);
      const { fades } = await page.evaluate(() => (window as unknown as { __shelfmarkSeen: Seen }).__shelfmarkSeen);
      for (const id of SHORT) expect(Object.keys(fades[id] ?? {}), `${id}, ${skin ?? 'default skin'}`).toEqual([String(opacity)]);
      await page.close();
    }
    await session.serveRealPage(LISTING);
  });
});
