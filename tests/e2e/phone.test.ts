/**
 * Shelfmark on a phone, in real Chromium emulating one (phone.ts: 390 × 844,
 * touch, no hover, a mobile user agent) on the archive's real layout (its
 * narrow-screen stylesheet applies): every main path driven by taps — show a
 * hidden work, save a work and change its status, read a chapter to its end by
 * touch scrolling while the address bar shows and hides, a work page's banner
 * (Always show, Dismiss), the popup opened as a
 * page of its own (as Firefox for Android opens it), the Library and a status
 * change, importing a backup — and on every page, no horizontal scrolling and
 * no tap target of Shelfmark's under 24 × 24 px.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { WorkState } from '../../utils/db/work-state';
import { describeArchiveSite } from '../helpers/archive-site-suite';
import { describeRealPages } from '../helpers/real-pages-suite';
import { inClosedRoots, PANEL_HOST, blurbHost, tapClosed } from './closed-shadow';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';
import { horizontalOverflow, overflowingElements, PHONE, PHONE_HEIGHT, PHONE_WIDTH, smallTapTargets } from './phone';
import { importSample, SAMPLE_WORKS } from './sample-library';
import { until } from './until';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The first of the seven works by EdosianOrchids901 on that listing (listing-controls.test.ts). */
const EDOSIAN_WORK = 'work_77598646';
/** Chapter 1 of 20 of work 37214506. */
const CHAPTER = 'chapter-37214506-92848687.html';
const CHAPTER_WORK = 37214506;
/** A work page by orphan_account (the orphaned trait names it). */
const ORPHANED_WORK_PAGE = 'work-23824891-first-chapter.html';
const TIMEOUT = { timeout: 15_000 };

async function stateOf(control: Page, workId: number): Promise<WorkState> {
  const { states } = await requestFromPage(control, { type: 'works/state', workIds: [workId] });
  return states[0]!;
}

/** No sideways scrolling and no small tap target of Shelfmark's: what every page must hold on a phone. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  expect(await horizontalOverflow(page), `${what} scrolls sideways: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(0);
  expect(await smallTapTargets(page), `${what}: tap targets under 24 × 24 px`).toEqual([]);
}

/**
 * A finger's swipe up the screen: a touch drag (touch events through the browser's input pipeline, which
 * scroll the page as a finger does; its synthetic scroll gesture doesn't scroll a touch-emulated page) and
 * then the page gliding on by itself, as momentum scrolling does after the finger lifts.
 */
async function swipeUp(page: Page, cdp: CDPSession, distance: number): Promise<void> {
  const x = PHONE_WIDTH / 2;
  const from = PHONE_HEIGHT * 0.8;
  const drag = Math.min(distance, PHONE_HEIGHT * 0.5);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from - (drag * step) / 8 }] });
  }
  // The finger rests before it lifts: the drag scrolls by its own length, and the page glides
  // on only as asked below. Moves sent this fast and lifted at once would fling the page by
  // however much the browser makes of their speed, on a busy machine most of the chapter.
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from - drag }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  if (distance > drag) {
    await page.evaluate((rest) => window.scrollBy({ top: rest, behavior: 'smooth' }), distance - drag);
    await page.waitForTimeout(400);
  }
}

/** The browser's address bar hiding (`true`: the page gets taller) or showing again, as phones do while scrolling. */
async function addressBar(page: Page, hidden: boolean): Promise<void> {
  await page.setViewportSize({ width: PHONE_WIDTH, height: hidden ? PHONE_HEIGHT + 56 : PHONE_HEIGHT });
}

describeRealPages('on a phone, by touch', () => describeArchiveSite('on the archive\'s real layout', () => {
  let session: ExtensionSession;
  let control: Page;

  beforeAll(async () => {
    session = await launchExtension({ device: PHONE });
    control = await session.extensionPage('popup.html');
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a listing fits the screen; a tap shows a hidden work; Save and its status by taps; the toast clears the bottom', async () => {
    const page = await session.openArchivePage(await session.serveRealPage(LISTING));
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
    // The archive's narrow-screen stylesheet is in force.
    expect(await page.evaluate(() => matchMedia('only screen and (max-width: 42em)').matches)).toBe(true);
    await expect.poll(() => page.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBe(7);
    await expectFitsPhone(page, 'the listing');

    // Show one hidden work: its run of placeholders unfolds, then the work itself.
    const fold = page.locator(`#${EDOSIAN_WORK} > .shelfmark-fold .shelfmark-show`);
    await fold.tap();
    await expect.poll(() => fold.getAttribute('aria-expanded'), TIMEOUT).toBe('true');
    const show = page.locator(`#${EDOSIAN_WORK} > .shelfmark-placeholder .shelfmark-show`);
    await show.tap();
    await expect.poll(() => show.getAttribute('aria-expanded'), TIMEOUT).toBe('true');
    expect(await page.locator(`#${EDOSIAN_WORK} h4.heading`).isVisible()).toBe(true);
    await expectFitsPhone(page, 'the listing with a hidden work shown');

    // Save the first work by a tap, then give it a status from its panel.
    const workId = Number((await page.locator('li.work.blurb:not(.shelfmark-hidden)').first().getAttribute('id'))!.replace('work_', ''));
    await tapClosed(page, blurbHost(workId), '.shelfmark-save-main');
    await until(() => stateOf(control, workId), (s) => s.saved?.status === 'to-read', 'the work saved');
    const toast = page.locator('.shelfmark-toast');
    await expect.poll(() => toast.isVisible(), TIMEOUT).toBe(true);
    const box = (await toast.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE_WIDTH);
    // Above the bottom edge by more than a browser's bottom toolbar would leave of it.
    expect(box.y + box.height).toBeLessThan(PHONE_HEIGHT - 16);
    await expectFitsPhone(page, 'the listing with a toast');

    await tapClosed(page, blurbHost(workId), '.shelfmark-save-more');
    await expect.poll(async () => (await inClosedRoots(page, PANEL_HOST, (root) => root.querySelector('.shelfmark-save-panel') !== null, null)).length, TIMEOUT).toBe(1);
    await expectFitsPhone(page, 'the listing with the Save panel open');
    await tapClosed(page, PANEL_HOST, 'input[value="reading"]');
    await until(() => stateOf(control, workId), (s) => s.saved?.status === 'reading', 'the status changed');
    await page.close();
  });

  it('reads a chapter to its end by touch scrolling while the address bar shows and hides; the place is kept', async () => {
    const page = await session.openArchivePage(await session.serveRealPage(CHAPTER));
    await until(() => stateOf(control, CHAPTER_WORK), (s) => s.reading?.visitCount === 1, 'the visit');
    await expectFitsPhone(page, 'the chapter');
    const cdp = await page.context().newCDPSession(page);
    // Partway through, the address bar hiding as the reader scrolls down.
    const text = await page.evaluate(() => {
      const rect = document.querySelector('#chapters div.userstuff')!.getBoundingClientRect();
      return { top: rect.top + window.scrollY, height: rect.height };
    });
    while ((await page.evaluate(() => window.scrollY)) < text.top + text.height * 0.25) await swipeUp(page, cdp, 300);
    await addressBar(page, true);
    await swipeUp(page, cdp, 200);
    const saved = await until(() => stateOf(control, CHAPTER_WORK), (s) => (s.reading?.chapters[0]?.scroll ?? 0) > 0.2, 'the place saved', 20_000);
    expect(saved.reading?.chapters.some((c) => c.readAt !== null)).toBe(false);
    // Once the scrolling stopped, its place is saved (at most every 2 s).
    await page.waitForTimeout(2500);
    await page.close();
    const place = (await stateOf(control, CHAPTER_WORK)).reading!.chapters[0]!.scroll;

    // Back later, the address bar showing: Resume by a tap brings the same place to the middle of the screen.
    const again = await session.openArchivePage(await session.serveRealPage(CHAPTER));
    await addressBar(again, false);
    const resume = again.locator('.shelfmark-resume');
    await expect.poll(() => resume.isVisible(), TIMEOUT).toBe(true);
    await expectFitsPhone(again, 'the chapter with Resume');
    await resume.tap();
    await expect.poll(() => again.evaluate(() => {
      const rect = document.querySelector('#chapters div.userstuff')!.getBoundingClientRect();
      const viewport = window.visualViewport!;
      return (viewport.offsetTop + viewport.height / 2 - rect.top) / rect.height;
    }), TIMEOUT).toBeCloseTo(place ?? -1, 2);

    // On to the end, the bar hiding and showing on the way.
    const cdpAgain = await again.context().newCDPSession(again);
    for (let swipes = 0; swipes < 80; swipes++) {
      const end = await again.evaluate(() => document.querySelector('.shelfmark-chapter-end')!.getBoundingClientRect().top < window.innerHeight);
      if (end) break;
      await swipeUp(again, cdpAgain, 700);
      if (swipes % 3 === 0) await addressBar(again, swipes % 2 === 0);
    }
    const read = await until(() => stateOf(control, CHAPTER_WORK), (s) => s.reading?.chapters.some((c) => c.readAt !== null) === true, 'the chapter read');
    expect(read.reading?.chapters.filter((c) => c.readAt !== null).map((c) => c.position)).toEqual([1]);
    await expect.poll(() => again.locator('.shelfmark-reading-status').textContent(), TIMEOUT).toBe('Read 1 of 20 chapters');
    const options = await again.$$eval('#selected_id option', (els) => els.slice(0, 2).map((o) => o.textContent?.slice(0, 4)));
    expect(options).toEqual(['✓ 1.', '➜ 2.']);
    await expectFitsPhone(again, 'the chapter read');
    await again.close();
  });

  it('a work page a hide rule names: its banner fits the screen, and Always show and Dismiss work by taps', async () => {
    await requestFromPage(control, { type: 'rules/put', rule: { id: 'hide-orphaned', action: 'hide', match: { kind: 'trait', trait: { type: 'orphaned' } }, enabled: true } });
    const page = await session.openArchivePage(await session.serveRealPage(ORPHANED_WORK_PAGE));
    const banner = page.locator('.shelfmark-work-banner');
    await expect.poll(() => banner.isVisible(), TIMEOUT).toBe(true);
    await expect(banner.textContent()).resolves.toMatch(/orphan_account/);
    await expectFitsPhone(page, 'the work page with its banner');
    await banner.locator('.shelfmark-always-show').tap();
    await expect.poll(() => banner.locator('.shelfmark-always-show').textContent(), TIMEOUT).toBe('Stop always showing');
    await expectFitsPhone(page, 'the work page with its banner and a toast');
    await banner.getByRole('button', { name: 'Dismiss' }).tap();
    await expect.poll(() => page.locator('.shelfmark-work-banner').count(), TIMEOUT).toBe(0);
    await requestFromPage(control, { type: 'rules/delete', id: 'hide-orphaned' });
    await page.close();
  });

  it('the popup opened as a page of its own is about the archive tab the reader came from, and fits 360 px', async () => {
    const listing = await session.openArchivePage(await session.serveRealPage(LISTING));
    await listing.bringToFront();
    // As Firefox for Android opens it: a tab of its own, with no tab named in its address.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 740 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const pageSection = popup.getByRole('region', { name: 'This page' });
    await expect.poll(() => pageSection.textContent(), TIMEOUT).toContain('7 hidden');
    await expect(pageSection.textContent()).resolves.toContain('of 21 works on this page');
    await expectFitsPhone(popup, 'the popup as a page');
    await popup.close();
    await listing.close();
  });

  it('the options page: import a backup, the Library as cards, filters behind one button, a status and a bulk change by taps', async () => {
    const options = await session.extensionPage('options.html');
    await importSample(options);
    await expectFitsPhone(options, 'the Data tab');

    await options.getByRole('tab', { name: 'Library' }).tap();
    const statusOf = (title: string) => options.getByRole('combobox', { name: `Status of “${title}”` });
    await expect.poll(() => statusOf('Rebel Senator').count(), TIMEOUT).toBe(1);
    expect(await options.locator('.sm-table-scroller.sm-cards').count()).toBe(1);
    // A card holds its title, authors, status and chapters read, one under another, within the screen.
    const card = options.locator(`[data-work-id="${SAMPLE_WORKS.rebelSenator}"]`);
    const parts = await card.evaluate((row) => ['title', 'authors', 'status', 'chapters'].map((name) => {
      const rect = row.querySelector(`.sm-cell-${name}`)!.getBoundingClientRect();
      return { name, top: Math.round(rect.top), right: rect.right, width: rect.width };
    }));
    for (const part of parts) {
      expect(part.width, part.name).toBeGreaterThan(0);
      expect(part.right, part.name).toBeLessThanOrEqual(PHONE_WIDTH);
    }
    expect(parts[0]!.top).toBeLessThan(parts[1]!.top);
    expect(parts[1]!.top).toBeLessThan(parts[2]!.top);
    await expect(card.locator('.sm-cell-chapters').textContent()).resolves.toBe('Chapters 12 / 37');
    await expectFitsPhone(options, 'the Library');

    // The filters fold behind one button.
    const fandom = options.getByLabel('Fandom');
    expect(await fandom.isVisible()).toBe(false);
    const filters = options.getByRole('button', { name: 'Filters' });
    await filters.tap();
    await expect(filters.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await fandom.isVisible()).toBe(true);
    await options.getByLabel('Status', { exact: true }).selectOption('reading');
    await expect.poll(() => options.getByRole('button', { name: 'Filters (1 on)' }).count(), TIMEOUT).toBe(1);
    await expectFitsPhone(options, 'the Library with its filters open');
    await options.getByLabel('Status', { exact: true }).selectOption('any');
    await options.getByRole('button', { name: 'Filters' }).tap();
    expect(await fandom.isVisible()).toBe(false);

    // One work's status, from its card.
    await statusOf('Rebel Senator').tap();
    await statusOf('Rebel Senator').selectOption('on-hold');
    await until(() => stateOf(control, SAMPLE_WORKS.rebelSenator), (s) => s.saved?.status === 'on-hold', 'the status changed');

    // Two works at once, ticked on their cards.
    for (const title of ['Separatists', 'Ancient Empire Reborn']) {
      await options.getByRole('checkbox', { name: new RegExp(`^Select “${title}`) }).tap();
    }
    await options.getByLabel('Status for the selected works').selectOption('finished');
    await options.getByRole('button', { name: 'Set status' }).tap();
    await until(() => stateOf(control, SAMPLE_WORKS.ancientEmpire), (s) => s.saved?.status === 'finished', 'the bulk change');
    expect((await stateOf(control, SAMPLE_WORKS.separatists)).saved?.status).toBe('finished');
    await expectFitsPhone(options, 'the Library after a bulk change');

    for (const tab of ['History', 'Rules', 'Data', 'Settings']) {
      await options.getByRole('tab', { name: tab }).tap();
      await options.waitForTimeout(300);
      await expectFitsPhone(options, `the ${tab} tab`);
    }
    await options.close();
  });
}));
