/**
 * A hostile script in an archive page, served at the archive's real URL: it
 * tries the extension's messaging (`chrome.runtime.sendMessage(extensionId,
 * …)`, `connect`), `postMessage` in every shape the extension's own
 * messages take, forging the content script's DOM markers and events, and
 * driving the extension's own controls with synthetic clicks and keys. It
 * gets nothing back, the reader's data is unchanged, and the content script
 * still classifies the listing exactly as the reader's rules say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readManifest } from '../helpers/manifest';
import { realPage, realPageHtml, realPagesMissing } from '../helpers/real-pages';
import { requestFromPage } from './extension-messages';
import { CHROME_BUILD, FIREFOX_BUILD, launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, checked by hand. */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
/** A work the hostile script tries to hide, save and mark. */
const TARGET = 77862241;

interface HostileLog {
  runtime: string[] | null;
  replies: unknown[];
  errors: string[];
  ports: number;
  clicked: number;
  done: boolean;
}

/**
 * The page's own script: runs before the content script reads the page, and
 * again once the extension has drawn its controls.
 */
function hostileScript(extensionId: string): string {
  const attack = (id: string, target: number): void => {
    const log: HostileLog = { runtime: null, replies: [], errors: [], ports: 0, clicked: 0, done: false };
    (window as unknown as { __hostile: HostileLog }).__hostile = log;
    const rule = { id: 'page-rule', action: 'hide', match: { kind: 'work', workId: target }, enabled: true };
    const messages = [
      { type: 'rules/put', rule },
      { type: 'settings/set', values: { rulesPaused: true, alwaysShow: [target] } },
      { type: 'saved/set', workId: target, status: 'to-read' },
      { type: 'backup/export' },
      { type: 'rules/list' },
      { type: 'tab/pause', paused: true },
      { type: 'tab/state' },
    ];
    const chromeApi = (globalThis as unknown as { chrome?: { runtime?: Record<string, (...args: unknown[]) => unknown> } }).chrome;
    log.runtime = chromeApi?.runtime ? Object.keys(chromeApi.runtime) : null;
    for (const message of messages) {
      try {
        const sent = chromeApi?.runtime?.sendMessage?.(id, message, (reply: unknown) => log.replies.push(reply));
        if (sent instanceof Promise) sent.then((reply) => log.replies.push(reply), (error: unknown) => log.errors.push(String(error)));
      } catch (error) {
        log.errors.push(String(error));
      }
      try {
        if (chromeApi?.runtime?.connect?.(id)) log.ports++;
      } catch (error) {
        log.errors.push(String(error));
      }
      for (const shape of [message, { source: 'shelfmark', ...message }, { shelfmark: message }, JSON.stringify(message)]) window.postMessage(shape, '*');
    }

    // Forged markers: reveal early, fake the content script's classes, marks and events.
    document.documentElement.classList.remove('shelfmark-pending');
    performance.mark('shelfmark:revealed');
    for (const name of ['shelfmark:config', 'shelfmark:rules', 'shelfmark-pause', 'listingConfig']) {
      document.dispatchEvent(new CustomEvent(name, { detail: { rules: [rule], paused: true } }));
    }

    // Keep the page (and this log) in place: a synthetic click on a submit button would submit its form.
    window.addEventListener('submit', (event) => event.preventDefault(), true);
    const driveControls = (): void => {
      // Hover and focus every tag and author link (the quick actions), then click and key everything the extension drew.
      for (const link of document.querySelectorAll('li.blurb a.tag, li.blurb a[rel="author"]')) {
        link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      }
      for (let round = 0; round < 3; round++) {
        for (const el of document.querySelectorAll<HTMLElement>('[class*="shelfmark"] button, button[class*="shelfmark"], [class*="shelfmark"] [role="menuitem"], [class*="shelfmark"] input')) {
          el.click();
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
          log.clicked++;
        }
        for (const input of document.querySelectorAll<HTMLInputElement>('input[class*="shelfmark"]')) input.value = 'written by the page';
        for (const form of document.querySelectorAll<HTMLFormElement>('form[class*="shelfmark"]')) {
          form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
          // The browser fires this submit event itself, trusted.
          form.requestSubmit();
        }
      }
      log.done = true;
    };
    document.addEventListener('DOMContentLoaded', () => {
      const blurb = document.getElementById(`work_${target}`);
      blurb?.classList.add('shelfmark-classified');
      blurb?.setAttribute('data-shelfmark-verdict', 'hide');
      // Once the extension has revealed the page (its controls are drawn by then).
      const wait = (): void => {
        if (document.querySelector('.shelfmark-summary')) setTimeout(driveControls, 300);
        else setTimeout(wait, 50);
      };
      wait();
    });
  };
  return `<script>(${attack.toString()})(${JSON.stringify(extensionId)}, ${TARGET});</script>`;
}

async function hiddenIds(page: Page): Promise<string[]> {
  return page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
}

describe('manifests: nothing a web page could reach', () => {
  it.each([CHROME_BUILD, FIREFOX_BUILD])('%s has no externally_connectable and no web_accessible_resources', (dir) => {
    const manifest = readManifest(dir) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe.skipIf(realPagesMissing())('a hostile script in an archive page', () => {
  let session: ExtensionSession;
  let extensionPage: Page;

  async function readerData(): Promise<unknown> {
    return {
      rules: await requestFromPage(extensionPage, { type: 'rules/list' }),
      settings: await requestFromPage(extensionPage, { type: 'settings/get' }),
      library: await requestFromPage(extensionPage, { type: 'library/list' }),
      visits: await requestFromPage(extensionPage, { type: 'visits/list', before: null, limit: 100 }),
      backups: await requestFromPage(extensionPage, { type: 'backups/list' }),
    };
  }

  beforeAll(async () => {
    session = await launchExtension();
    extensionPage = await session.extensionPage('popup.html');
    await requestFromPage(extensionPage, {
      type: 'rules/put',
      rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gets no answer, changes no data, and the listing is classified as the reader’s rules say', async () => {
    const before = await readerData();
    const { url } = realPage(LISTING);
    await session.servePage(url, realPageHtml(LISTING).replace(/<head([^>]*)>/i, `<head$1>${hostileScript(session.extensionId)}`));

    const page = await session.context.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __hostile?: HostileLog }).__hostile?.done === true, undefined, { timeout: 30_000 });
    // Time for anything the attack set off to land.
    await page.waitForTimeout(1_000);
    const log = JSON.parse(await page.evaluate(() => JSON.stringify((window as unknown as { __hostile: HostileLog }).__hostile))) as HostileLog;

    // A web page has no extension messaging to this extension at all.
    expect(log.runtime === null || !log.runtime.includes('sendMessage') || log.replies.every((reply) => reply === undefined)).toBe(true);
    expect(log.replies.filter((reply) => reply !== undefined)).toEqual([]);
    expect(log.ports).toBe(0);
    expect(log.errors).toEqual([]);
    // The synthetic clicks did reach the extension's controls (the attack was real)…
    expect(log.clicked).toBeGreaterThan(20);
    // …and changed nothing: no rule, setting, saved work, visit or backup.
    expect(await readerData()).toEqual(before);

    // The content script went on as the reader's rules say: the author's works hidden, the target not.
    expect(await hiddenIds(page)).toEqual([...BY_EDOSIAN].sort());
    await expect(page.locator('.shelfmark-summary').textContent()).resolves.toMatch(/7 of 21 works hidden/);
    expect(navigations).toBe(1);
  });
});

describe.skipIf(realPagesMissing())('one odd blurb in a real listing', () => {
  /** A work on the page the reader saved, with a title the listing corrects. */
  const SAVED = 69817486;
  const OVERSIZED = 77862241;
  const ZERO = 75215951;
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('costs only itself: the rest of the page gets its state, and a saved work’s facts are refreshed', async () => {
    const extensionPage = await session.extensionPage('popup.html');
    const facts = {
      workId: SAVED, title: 'An outdated title', authors: [], fandoms: ['Sherlock (TV)'], rating: null,
      tags: { warning: [], category: [], relationship: [], character: [], freeform: [] }, language: null, words: null,
      chapterCount: null, complete: null, chapters: [], series: [], updated: '2020-01-01', updatedAt: null, hiddenTags: { warnings: false, freeforms: false },
    };
    await requestFromPage(extensionPage, { type: 'saved/set', workId: SAVED, status: 'reading', work: facts });
    const { url } = realPage(LISTING);
    const html = realPageHtml(LISTING)
      // A title past what the background takes (the page model reads it whole)…
      .replace(`<a href="/works/${OVERSIZED}">His First Kiss</a>`, `<a href="/works/${OVERSIZED}">${'A'.repeat(20_000)}</a>`)
      // …and a work id of 0.
      .replaceAll(`work_${ZERO}`, 'work_0')
      .replaceAll(`work-${ZERO}`, 'work-0')
      .replaceAll(`/works/${ZERO}`, '/works/0');
    await session.servePage(url, html);

    const page = await session.openArchivePage(url);
    // The listing's one works/state request was answered: the saved work's snapshot was merged after it.
    const titleOf = async () => (await requestFromPage(extensionPage, { type: 'library/list' })).rows.find((row) => row.workId === SAVED)?.title;
    await expect.poll(titleOf, { timeout: 15_000 }).toBe('Guy Fawkes Day');
    await page.close();
  });
});
