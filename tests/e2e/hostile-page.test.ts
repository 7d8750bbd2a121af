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
import { realPage, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
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

describeRealPages('a hostile script in an archive page', () => {
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

describeRealPages('one odd blurb in a real listing', () => {
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

describeRealPages('what a page script forges', () => {
  const WORK_PAGE = 'work-923647-oneshot.html';
  const OWN_WORK = 923647;
  const OTHER_WORK = 5555;
  /** Works on the listing the reader has visited: one forged with a date in the future, one with a revision from before the visit. */
  const FUTURE = 77862241;
  const BEFORE_VISIT = 75215951;
  /** A saved work whose refreshed title shows the listing's snapshots were merged. */
  const SAVED = 69817486;
  let session: ExtensionSession;
  let extensionPage: Page;

  const facts = (workId: number, title: string) => ({
    workId, title, authors: [{ login: 'writer', pseud: 'writer' }], fandoms: ['Sherlock (BBC TV 2010)'], rating: 'Teen And Up Audiences',
    tags: { warning: [], category: [], relationship: [], character: [], freeform: ['Honest Tag'] }, language: 'English', words: 821,
    chapterCount: { posted: 1, expected: 1 }, complete: true, chapters: [], series: [], updated: '2026-01-18', updatedAt: null, hiddenTags: { warnings: false, freeforms: false },
  });
  const titleOf = async (workId: number) => (await requestFromPage(extensionPage, { type: 'library/list' })).rows.find((row) => row.workId === workId)?.title;

  beforeAll(async () => {
    session = await launchExtension();
    extensionPage = await session.extensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a work page whose kudos form and address name another work records the visit against the address it was loaded at', async () => {
    const { url } = realPage(WORK_PAGE);
    // Runs after the page is parsed, before the content script reads it.
    const forge = `<script>document.getElementById('kudo_commentable_id').setAttribute('value', '${OTHER_WORK}'); history.pushState(null, '', '/works/${OTHER_WORK}');</script>`;
    await session.servePage(url, realPageHtml(WORK_PAGE).replace(/<\/body>/i, `${forge}</body>`));
    const page = await session.openArchivePage(url);
    expect(page.url()).toMatch(new RegExp(`/works/${OTHER_WORK}$`));
    const visited = async () => (await requestFromPage(extensionPage, { type: 'visits/list', before: null, limit: 100 })).entries.map((e) => e.workId);
    await expect.poll(visited, { timeout: 15_000 }).toEqual([OWN_WORK]);
    await page.close();
  });

  it('blurbs dated in the future, or before the reader’s visit, do not rewrite what the work’s page said', async () => {
    for (const workId of [FUTURE, BEFORE_VISIT]) {
      await requestFromPage(extensionPage, { type: 'visit/record', work: facts(workId, `Honest ${workId}`), chapter: null });
    }
    await requestFromPage(extensionPage, { type: 'saved/set', workId: SAVED, status: 'reading', work: { ...facts(SAVED, 'An outdated title'), updated: '2020-01-01' } });
    const visitedAt = Math.floor(Date.now() / 1000);
    const { url } = realPage(LISTING);
    // What a page script can write into the listing before Shelfmark reads it.
    const html = realPageHtml(LISTING)
      .replace('<!-- updated_at=1768707190 -->', '<!-- updated_at=4102444800 -->')
      .replace(`<a href="/works/${FUTURE}">His First Kiss</a>`, `<a href="/works/${FUTURE}">Forged in the future</a>`)
      .replace('<!-- updated_at=1768701138 -->', `<!-- updated_at=${visitedAt - 60} -->`)
      .replace(`<a href="/works/${BEFORE_VISIT}">The Compendium of Her</a>`, `<a href="/works/${BEFORE_VISIT}">Forged before the visit</a>`);
    await session.servePage(url, html);

    const page = await session.openArchivePage(url);
    await expect.poll(() => titleOf(SAVED), { timeout: 15_000 }).toBe('Guy Fawkes Day');
    expect(await titleOf(FUTURE)).toBe(`Honest ${FUTURE}`);
    expect(await titleOf(BEFORE_VISIT)).toBe(`Honest ${BEFORE_VISIT}`);
    await page.close();
  });
});
