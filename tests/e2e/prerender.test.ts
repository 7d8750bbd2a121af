/**
 * A chapter page asks the browser to prerender the next chapter (Speculation
 * Rules); the content script runs in that hidden page too. The reader has not
 * opened it, so it must record nothing until it is shown.
 *
 * Why not the usual harness: Chromium refuses to prerender while a DevTools
 * client is attached to the page the old way, without tab targets
 * (Preload.prerenderStatusUpdated: "PrerenderingDisabledByDevTools"), which is
 * how Playwright attaches. Puppeteer attaches through tab targets, so it gets
 * real prerendering. And the prerendered document is fetched by the browser
 * process, past any request interception, so the archive is served by a
 * local HTTPS server instead (./https-archive.ts).
 */
import { ACCEPTED_TOS_COOKIE } from '../../scripts/lib/archive-site';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import type { ReadingRecord } from '../../utils/db/types';
import type { WorkState } from '../../utils/db/work-state';
import type { RequestOf } from '../../utils/messaging/protocol';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium';
import { realPage, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { CHROME_BUILD } from './harness';
import { startHttpsArchive, type HttpsArchive } from './https-archive';
import { until } from './until';

const CHAPTER_ONE = 'chapter-17793689-41980418.html';
const WORK = 17793689;
const CHAPTER_ONE_ID = 41980418;
/** The chapter the first one's speculation rules prerender. */
const CHAPTER_TWO_ID = 42035519;
const CHAPTER_TWO_URL = `https://archiveofourown.org/works/${WORK}/chapters/${CHAPTER_TWO_ID}`;

/**
 * Chapter 2's page, made from chapter 1's: the chapter select names chapter 2 as the one shown
 * (that is what the content script reads the current chapter from), and it prerenders nothing itself.
 */
function chapterTwoHtml(chapterOne: string): string {
  const html = chapterOne
    .replace(`<option selected="selected" value="${CHAPTER_ONE_ID}">`, `<option value="${CHAPTER_ONE_ID}">`)
    .replace(`<option value="${CHAPTER_TWO_ID}">`, `<option selected="selected" value="${CHAPTER_TWO_ID}">`)
    .replace(/<script type="speculationrules">[\s\S]*?<\/script>/, '');
  if (html.includes('speculationrules') || !html.includes(`<option selected="selected" value="${CHAPTER_TWO_ID}">`)) {
    throw new Error(`${CHAPTER_ONE} no longer has the markup chapter 2 is made from`);
  }
  return html;
}

async function readingOf(control: Page): Promise<ReadingRecord | null> {
  const request: RequestOf<'works/state'> = { type: 'works/state', workIds: [WORK] };
  const reply = (await control.evaluate((message) => chrome.runtime.sendMessage(message), request)) as
    { ok: true; value: { states: WorkState[] } } | { ok: false; error: string };
  if (!reply.ok) throw new Error(`works/state: ${reply.error}`);
  return reply.value.states[0]!.reading;
}

/**
 * A DevTools session in the page the tab showing `openerUrl` prerenders at `url`. Attached through the tab's target, as DevTools itself does: a session attached straight to
 * the page would stop Chromium from prerendering at all. Puppeteer keeps prerendered pages out of
 * its targets, so this asks the protocol directly.
 */
async function prerenderOf(browser: Browser, openerUrl: string, url: string): Promise<CDPSession> {
  const root = await browser.target().createCDPSession();
  const { targetInfos } = await root.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.type === 'tab' && t.url === openerUrl);
  if (!tab) throw new Error(`no tab shows ${openerUrl}`);
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
  const tabSession = root.connection()!.session(sessionId)!;
  const prerendered = new Promise<string>((resolve) => {
    tabSession.on('Target.attachedToTarget', ({ sessionId: child, targetInfo }) => {
      if (targetInfo.subtype === 'prerender' && targetInfo.url.startsWith(url)) resolve(child);
    });
  });
  await tabSession.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${url} was not prerendered`)), 15_000);
  });
  const child = await Promise.race([prerendered, timeout]).finally(() => clearTimeout(timer));
  return root.connection()!.session(child)!;
}

async function evaluate(session: CDPSession, expression: string): Promise<unknown> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}

/** True once the content script has finished its first pass over the page. */
const contentScriptDone = () => !document.documentElement.classList.contains('shelfmark-pending');

describeRealPages('a prerendered next chapter', () => {
  let archive: HttpsArchive;
  let browser: Browser;
  let profile: string;
  let control: Page;

  beforeAll(async () => {
    archive = await startHttpsArchive();
    archive.servePage(realPage(CHAPTER_ONE).url, realPageHtml(CHAPTER_ONE));
    archive.servePage(CHAPTER_TWO_URL, chapterTwoHtml(realPageHtml(CHAPTER_ONE)));
    profile = mkdtempSync(join(tmpdir(), 'shelfmark-e2e-'));
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      pipe: true,
      userDataDir: profile,
      enableExtensions: true,
      args: chromiumArgs([`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, ...archive.chromiumFlags]),
    });
    // A reader who accepted the archive's terms (archive-site.ts), so its script doesn't cover the pages.
    await browser.setCookie({ ...ACCEPTED_TOS_COOKIE, secure: true });
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 30_000 });
    control = await browser.newPage();
    await control.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await archive?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('records no visit while chapter 2 is prerendered, and exactly one once the reader goes to it', async () => {
    const page = await browser.newPage();
    await page.goto(realPage(CHAPTER_ONE).url);
    await page.waitForFunction(contentScriptDone);
    await until(() => readingOf(control), (r) => r !== null, 'the visit to chapter 1');

    // Chapter 2 is being prerendered, and the content script has run in it.
    const hidden = await prerenderOf(browser, realPage(CHAPTER_ONE).url, CHAPTER_TWO_URL);
    await until(() => evaluate(hidden, `(${contentScriptDone.toString()})()`), (done) => done === true, 'the content script in the prerendered page');
    expect(await evaluate(hidden, 'document.prerendering')).toBe(true);
    expect(archive.requests.filter((r) => r.path.endsWith(`/${CHAPTER_TWO_ID}`))).toMatchObject([
      { path: `/works/${WORK}/chapters/${CHAPTER_TWO_ID}`, purpose: 'prefetch;prerender' },
    ]);
    // Give a premature write time to land before checking it didn't.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = await readingOf(control);
    expect(before?.visitCount).toBe(1);
    expect(before?.lastChapter).toMatchObject({ id: CHAPTER_ONE_ID, position: 1 });

    // The reader follows "Next Chapter": the prerendered page is shown (its session now speaks for
    // the tab's page), not loaded again.
    await page.click('li.chapter.next a');
    await until(() => evaluate(hidden, 'document.prerendering'), (prerendering) => prerendering === false, 'chapter 2 shown');
    expect(await evaluate(hidden, 'location.href')).toBe(`${CHAPTER_TWO_URL}#workskin`);
    expect(await evaluate(hidden, "performance.getEntriesByType('navigation')[0].activationStart")).toBeGreaterThan(0);
    expect(archive.requests.filter((r) => r.path.endsWith(`/${CHAPTER_TWO_ID}`))).toHaveLength(1);

    const after = await until(() => readingOf(control), (r) => r?.lastChapter?.id === CHAPTER_TWO_ID, 'the visit to chapter 2');
    expect(after?.visitCount).toBe(2);
    expect(after?.lastChapter).toMatchObject({ id: CHAPTER_TWO_ID, position: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await readingOf(control))?.visitCount).toBe(2);
    await page.close();
  });
});
