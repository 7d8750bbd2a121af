/**
 * Reading tracking on real chapter pages in real Chromium: reaching the end of
 * a chapter marks it read, the listing then shows the badge (and "N new" once
 * more chapters are posted than read), the Resume link takes the reader back
 * to the saved place, the chapter index marks read chapters, a saved work
 * moves to "reading" and is offered "Mark as finished?", and a paused tracker
 * records nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkState } from '../../utils/db/work-state';
import { countWords, dwellMs } from '../../utils/reading/read-evidence';
import { realPage, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { blurbHost, closedAttribute, closedCount, closedText } from './closed-shadow';
import { launchExtension, type ExtensionSession } from './harness';
import { requestFromPage } from './extension-messages';
import { until } from './until';

const CHAPTER = 'chapter-37214506-92848687.html';
const WORK = 37214506;
const SERIES = 'series-2946579.html';
const LONG_CHAPTER = 'chapter-17793689-41980418.html';
const ONE_SHOT = 'work-323217-oneshot.html';
/** A one-shot of six words (and a video), which the test below gives a text of its own. */
const SHORT_ONE_SHOT = 'work-4491333-oneshot.html';
/** Chapter 2 of 3. */
const MIDDLE_CHAPTER = 'chapter-48582418-122861680.html';

async function stateOf(control: Page, workId: number): Promise<WorkState> {
  const { states } = await requestFromPage(control, { type: 'works/state', workIds: [workId] });
  return states[0]!;
}

describeRealPages('reading tracking on real pages', () => {
  let session: ExtensionSession;
  let control: Page;

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records the visit, marks the chapter read at the end of its text, and the listing shows the badge', async () => {
    const url = await session.serveRealPage(CHAPTER);
    const page = await session.openArchivePage(url);
    await until(() => stateOf(control, WORK), (s) => s.reading?.visitCount === 1, 'the visit');
    expect((await stateOf(control, WORK)).reading?.chapters.filter((c) => c.readAt !== null)).toEqual([]);
    await expect(page.locator('.shelfmark-reading-status').textContent()).resolves.toBe('No chapters read yet');

    // Scrolling only partway does not count.
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForTimeout(300);
    expect((await stateOf(control, WORK)).reading?.chapters.some((c) => c.readAt !== null)).toBe(false);

    // The end of the chapter's text comes into view.
    await page.evaluate(() => document.querySelector('#chapters div.userstuff')!.scrollIntoView({ block: 'end' }));
    const state = await until(() => stateOf(control, WORK), (s) => s.reading?.chapters.some((c) => c.readAt !== null) === true, 'the chapter read');
    expect(state.reading?.chapters.filter((c) => c.readAt !== null).map((c) => [c.id, c.position])).toEqual([[92848687, 1]]);
    expect(state.chapters).toHaveLength(20);
    await expect(page.locator('.shelfmark-chapter-toggle').textContent()).resolves.toBe('✓ Read');
    await expect(page.locator('.shelfmark-reading-status').textContent()).resolves.toBe('Read 1 of 20 chapters');
    const options = await page.$$eval('#selected_id option', (els) => els.slice(0, 3).map((o) => o.textContent));
    expect(options.map((o) => o?.slice(0, 4))).toEqual(['✓ 1.', '➜ 2.', '3. C']);
    await page.close();

    const listing = await session.openArchivePage(await session.serveRealPage(SERIES));
    // The badge is drawn in the blurb's closed root, beside its Save control.
    await expect(closedText(listing, blurbHost(WORK), '.shelfmark-badge')).resolves.toBe('Read 1/20');
    // The first unread chapter's id came from the chapter select the reader saw.
    await expect(closedAttribute(listing, blurbHost(WORK), '.shelfmark-badge', 'href')).resolves.toBe(`/works/${WORK}/chapters/93082084`);
    // No history, no badge.
    expect(await closedCount(listing, blurbHost(37610128), '.shelfmark-badge')).toBe(0);
    // The host sits in the blurb's heading, drawn before the blurb painted.
    await expect(closedCount(listing, `#work_${WORK} .header h4.heading > .shelfmark-host-blurb`, '.shelfmark-badge')).resolves.toBe(1);
    await listing.close();
  });

  it('"Mark work read", then a listing with more chapters posted than read shows "N new"', async () => {
    const page = await session.openArchivePage(realPage(CHAPTER).url);
    await page.locator('.shelfmark-work-toggle').click();
    await until(() => stateOf(control, WORK), (s) => s.reading?.chapters.filter((c) => c.readAt !== null).length === 20, 'every chapter read');
    await expect(page.locator('.shelfmark-work-toggle').textContent()).resolves.toBe('Mark work unread');
    await page.close();

    const listing = await session.openArchivePage(await session.serveRealPage(SERIES));
    await expect(closedText(listing, blurbHost(WORK), '.shelfmark-badge')).resolves.toBe('Up to date');
    await listing.close();

    // The same listing after the author posted two more chapters.
    const { url } = realPage(SERIES);
    const html = realPageHtml(SERIES).replace(/(<dd class="chapters">)(<a[^>]*>)?20(<\/a>)?\/\?/, '$1<a href="/works/37214506/chapters/99999999">22</a>/?');
    expect(html).toContain('>22</a>/?');
    await session.servePage(url, html);
    const updated = await session.openArchivePage(url);
    await expect(closedText(updated, blurbHost(WORK), '.shelfmark-badge')).resolves.toBe('2 new chapters');
    await expect(closedAttribute(updated, blurbHost(WORK), '.shelfmark-badge', 'href')).resolves.toBe(`/works/${WORK}/navigate`);
    await updated.close();
  });

  it('saves the reading position as the reader scrolls; Resume scrolls back to it', async () => {
    const url = await session.serveRealPage(LONG_CHAPTER);
    const page = await session.openArchivePage(url);
    // To about 60% of the chapter's text.
    await page.evaluate(() => {
      const text = document.querySelector('#chapters div.userstuff') as HTMLElement;
      const rect = text.getBoundingClientRect();
      window.scrollTo(0, rect.top + window.scrollY + rect.height * 0.6 - window.innerHeight / 2);
    });
    const saved = await until(() => stateOf(control, 17793689), (s) => (s.reading?.chapters[0]?.scroll ?? 0) > 0.5, 'the saved position');
    expect(saved.reading?.chapters[0]).toMatchObject({ id: 41980418, position: 1, readAt: null });
    expect(saved.reading!.chapters[0]!.scroll!).toBeCloseTo(0.6, 1);
    await page.close();

    const again = await session.openArchivePage(url);
    const resume = again.locator('.shelfmark-resume');
    await expect(resume.textContent()).resolves.toBe('Resume: Chapter 1, 60%');
    expect(await again.evaluate(() => window.scrollY)).toBeLessThan(50);
    await resume.click();
    const where = await again.evaluate(() => {
      const rect = (document.querySelector('#chapters div.userstuff') as HTMLElement).getBoundingClientRect();
      return (window.innerHeight / 2 - rect.top) / rect.height;
    });
    expect(where).toBeCloseTo(0.6, 1);
    await again.close();

    // From another address (#shelfmark-resume), the page scrolls there on arrival.
    const arriving = await session.context.newPage();
    await arriving.goto(`${url}#shelfmark-resume`);
    await arriving.waitForFunction(() => window.scrollY > 1000);
    expect(arriving.url()).toBe(url);
    await arriving.close();
  });

  it('once the chapter the reader left off in is read to its end, Resume gives way to "Next unread"', async () => {
    await requestFromPage(control, { type: 'reading/mark-chapters', workId: 48582418, chapters: [{ id: 122545732, position: 1 }], read: true });
    await requestFromPage(control, { type: 'reading/position', workId: 48582418, chapter: { id: 122861680, position: 2 }, scroll: 0.64 });
    const page = await session.openArchivePage(await session.serveRealPage(MIDDLE_CHAPTER));
    await expect(page.locator('.shelfmark-resume').textContent()).resolves.toBe('Resume: Chapter 2, 64%');
    await page.evaluate(() => document.querySelector('#chapters div.userstuff')!.scrollIntoView({ block: 'end' }));
    await until(() => stateOf(control, 48582418), (s) => s.reading?.chapters.some((c) => c.id === 122861680 && c.readAt !== null) === true, 'chapter 2 read');
    const onward = page.locator('.shelfmark-reading-bar a');
    await expect.poll(() => onward.allTextContents()).toEqual(['Next unread: Chapter 3']);
    await expect(onward.getAttribute('href')).resolves.toBe('/works/48582418/chapters/127117930');
    await page.close();
  });

  it('a short one-shot that fits on the screen is not read on opening: only after its reading time, or once the reader scrolls', async () => {
    // The page's text (a link and a video) as 240 words: 14.4 s at the generous reading speed, a
    // wide margin around the 1 s below even on a machine busy enough to take seconds opening a page.
    const text = Array.from({ length: 24 }, () => 'The rain had not stopped since morning; nobody minded it.').join(' ');
    const words = countWords(text);
    expect(words).toBe(240);
    const { url } = realPage(SHORT_ONE_SHOT);
    const html = realPageHtml(SHORT_ONE_SHOT).replace(/<div class="userstuff"><p>Right-click[\s\S]*?<\/p><\/div>/, `<div class="userstuff"><p>${text}</p></div>`);
    expect(html).toContain(text);
    await session.servePage(url, html);
    // Opened at `#workskin`, as chapter links open a page: the page scrolls there by itself (which is
    // not the reader scrolling), and the whole text is on the screen.
    const opened = Date.now();
    const page = await session.openArchivePage(`${url}#workskin`);
    await until(() => stateOf(control, 4491333), (s) => s.reading?.visitCount === 1, 'the visit');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await page.evaluate(() => Math.abs(document.getElementById('workskin')!.getBoundingClientRect().top))).toBeLessThan(2);
    expect(await page.evaluate(() => document.querySelector('.shelfmark-chapter-end')!.getBoundingClientRect().bottom < window.innerHeight)).toBe(true);
    await page.waitForTimeout(1000);
    expect((await stateOf(control, 4491333)).reading?.chapters.some((c) => c.readAt !== null)).toBe(false);
    await expect(page.locator('.shelfmark-reading-status').textContent()).resolves.toBe('Not read to the end yet');
    // Left on the screen for as long as its words take at that speed, it counts.
    await until(() => stateOf(control, 4491333), (s) => s.reading?.chapters[0]?.readAt != null, 'the one-shot read after its reading time', 60_000);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(dwellMs(words));
    await expect(page.locator('.shelfmark-reading-status').textContent()).resolves.toBe('Read');
    await page.close();

    // Opened again unread at the top of the page, the end far below: scrolled into view, it counts at once.
    await requestFromPage(control, { type: 'reading/mark-chapters', workId: 4491333, chapters: [{ id: null, position: 1 }], read: false });
    const reopened = Date.now();
    const again = await session.openArchivePage(url);
    await until(() => stateOf(control, 4491333), (s) => s.reading?.visitCount === 2, 'the second visit');
    expect(await again.evaluate(() => document.querySelector('.shelfmark-chapter-end')!.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await again.evaluate(() => document.querySelector('#chapters > div.userstuff')!.scrollIntoView({ block: 'end' }));
    await until(() => stateOf(control, 4491333), (s) => s.reading?.chapters[0]?.readAt != null, 'the one-shot read after scrolling');
    expect(Date.now() - reopened).toBeLessThan(dwellMs(words));
    await again.close();
  });

  it('"Next Chapter" marks the chapter read; on the whole-work page each chapter counts separately', async () => {
    const chapter = await session.openArchivePage(await session.serveRealPage(LONG_CHAPTER));
    // The next chapter's page isn't served: the click is what counts, not where it leads.
    await chapter.locator('li.chapter.next a').first().click();
    const state = await until(() => stateOf(control, 17793689), (s) => s.reading?.chapters.some((c) => c.readAt !== null) === true, 'chapter 1 read');
    expect(state.reading?.chapters.filter((c) => c.readAt !== null).map((c) => c.id)).toEqual([41980418]);
    await chapter.close();

    const full = await session.openArchivePage(await session.serveRealPage('work-view-full-work.html'));
    await until(() => stateOf(control, 77009551), (s) => s.reading?.visitCount === 1, 'the visit');
    await full.evaluate(() => document.querySelector('#chapter-1 div.userstuff')!.scrollIntoView({ block: 'end' }));
    await until(() => stateOf(control, 77009551), (s) => s.reading?.chapters.some((c) => c.readAt !== null) === true, 'chapter 1 read');
    expect((await stateOf(control, 77009551)).reading?.chapters.filter((c) => c.readAt !== null).map((c) => c.id)).toEqual([201559361]);
    await full.evaluate(() => document.querySelector('#chapter-2 div.userstuff')!.scrollIntoView({ block: 'end' }));
    await until(() => stateOf(control, 77009551), (s) => s.reading?.chapters.filter((c) => c.readAt !== null).length === 2, 'chapter 2 read');
    // Each chapter heading carries its own toggle; unmarking one leaves the other read.
    const toggles = full.locator('.shelfmark-chapter-toggle');
    await expect(toggles.allTextContents()).resolves.toEqual(['✓ Read', '✓ Read']);
    await toggles.nth(0).click();
    await until(() => stateOf(control, 77009551), (s) => s.reading?.chapters.filter((c) => c.readAt !== null).map((c) => c.id).join() === '213650991', 'chapter 1 unread');
    await expect(toggles.nth(0).textContent()).resolves.toBe('Mark read');
    await full.close();
  });

  it('marks read chapters on the chapter index, the next unread highlighted', async () => {
    const { url } = realPage('navigate-43703871.html');
    await requestFromPage(control, { type: 'reading/mark-chapters', workId: 43703871, chapters: [{ id: 109896639, position: 1 }, { id: 109943109, position: 2 }], read: true });
    const page = await session.openArchivePage(await session.serveRealPage('navigate-43703871.html'));
    expect(url).toContain('/navigate');
    await page.waitForSelector('li.shelfmark-chapter-next');
    const marks = await page.$$eval('ol.chapter.index > li', (lis) => lis.slice(0, 4).map((li) => li.className));
    expect(marks).toEqual(['shelfmark-chapter-read', 'shelfmark-chapter-read', 'shelfmark-chapter-next', '']);
    await page.close();
  });

  it('a saved "to read" work becomes "reading"; reading its last chapter offers "Mark as finished?"', async () => {
    await requestFromPage(control, { type: 'saved/set', workId: 323217, status: 'to-read' });
    const page = await session.openArchivePage(await session.serveRealPage(ONE_SHOT));
    await until(() => stateOf(control, 323217), (s) => s.saved?.status === 'reading', 'the status "reading"');
    await page.evaluate(() => document.querySelector('#chapters > div.userstuff')!.scrollIntoView({ block: 'end' }));
    const toast = page.locator('.shelfmark-toast');
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toMatch(/Mark it as finished\?/);
    await toast.locator('button').click();
    await until(() => stateOf(control, 323217), (s) => s.saved?.status === 'finished', 'the status "finished"');
    await expect(page.locator('.shelfmark-work-toggle').textContent()).resolves.toBe('Mark unread');
    await page.close();
  });

  it('login pages and 404s record nothing', async () => {
    for (const [file, workId] of [['restricted-15461226-login.html', 15461226], ['deleted-41237499-404.html', 41237499]] as const) {
      const page = await session.openArchivePage(await session.serveRealPage(file));
      await page.waitForTimeout(300);
      expect(await page.locator('.shelfmark-reading-bar').count()).toBe(0);
      expect((await stateOf(control, workId)).reading).toBeNull();
      await page.close();
    }
  });

  it('records nothing while tracking is paused', async () => {
    await requestFromPage(control, { type: 'settings/set', values: { trackingPaused: true } });
    try {
      const page = await session.openArchivePage(await session.serveRealPage('work-923647-oneshot.html'));
      await expect(page.locator('.shelfmark-reading-paused').textContent()).resolves.toBe('(not recording here)');
      await page.evaluate(() => document.querySelector('#chapters > div.userstuff')!.scrollIntoView({ block: 'end' }));
      await page.waitForTimeout(2500);
      expect((await stateOf(control, 923647)).reading).toBeNull();
      // The reader's own button still works.
      await page.locator('.shelfmark-work-toggle').click();
      await until(() => stateOf(control, 923647), (s) => s.reading?.chapters[0]?.readAt != null, 'the manual mark');
      expect((await stateOf(control, 923647)).reading?.visitCount).toBe(0);
      await page.close();
    } finally {
      await requestFromPage(control, { type: 'settings/set', values: { trackingPaused: false } });
    }
  });
});
