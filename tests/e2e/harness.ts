/**
 * Real-browser harness: the built extension loaded into headless Chromium,
 * with archive pages served at their real URLs through `context.route`, so
 * content scripts run exactly as they do on the site, beside the archive's own
 * stylesheets and scripts (scripts/lib/archive-site.ts). Nothing reaches the
 * network (see scripts/lib/chromium.ts). Every request is recorded
 * (request-log.ts), and `close()` fails if Shelfmark requested a work page or
 * anything outside the archive.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page, type Worker } from 'playwright-core';
import { ACCEPTED_TOS_COOKIE } from '../../scripts/lib/archive-site';
import { chromiumArgs, chromiumPath, routeArchive, servedKey, type ServedPage } from '../../scripts/lib/chromium';
import { realPage, realPageHtml } from '../helpers/real-pages';
import type { HttpsArchive } from './https-archive';
import { forbiddenRequests, isShelfmarks, recordRequests, type SeenRequest } from './request-log';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` wrote the builds: `.output`, or `SHELFMARK_OUT_DIR` when set for both. */
export const BUILD_ROOT = resolve(repoRoot, process.env.SHELFMARK_OUT_DIR ?? '.output');
export const CHROME_BUILD = join(BUILD_ROOT, 'chrome-mv3');
export const FIREFOX_BUILD = join(BUILD_ROOT, 'firefox-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker; waits for it when it is not running (e.g. after it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Opens `chrome-extension://ID/<path>`, e.g. `popup.html`. */
  extensionPage(path: string): Promise<Page>;
  /**
   * Opens the popup as it shows over the open tab at `tabUrl`, at the size of a
   * toolbar popup unless `setup` (run before it loads) sets its own viewport or colour scheme.
   */
  popupFor(tabUrl: string, setup?: (popup: Page) => Promise<void>): Promise<Page>;
  /** Opens an archive page in a new tab and waits until Shelfmark has shown it (its blurbs classified or the fail-safe done). */
  openArchivePage(url: string): Promise<Page>;
  /** Serves a page of the shared real set at its manifest URL; returns that URL. */
  serveRealPage(file: string): Promise<string>;
  /** Serves `html` at `url` (an archive URL). */
  servePage(url: string, html: string, status?: number): Promise<void>;
  /** Every http(s) request the context made so far, in order (request-log.ts). */
  readonly requests: readonly SeenRequest[];
  /** Those Shelfmark made: its background's and its pages' requests, and its content script's fetches. */
  extensionRequests(): SeenRequest[];
  /** Closes the browser; throws if Shelfmark requested a work page or anything outside the archive. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A profile to reuse (kept on close); by default a fresh one, deleted on close. */
  userDataDir?: string;
  extensionPath?: string;
  /** A local archive server (https-archive.ts) the browser is pointed at, for the pages it serves (e.g. streamed ones). */
  archive?: HttpsArchive;
  /** The archive's own stylesheets and scripts beside its pages (true, the default), or empty ones (the benches, beside bare loads that get the same). */
  site?: boolean;
  /**
   * With `archive`: no request interception at all, every page and asset coming from the archive
   * server (which answers the archive's assets itself), exactly as in a bare browser pointed at the
   * same server. For benches that time the page against such a browser: interception sends every
   * request (the head's stylesheets, its parser-blocking script) through this process first, which
   * delays the page's parsing and first paint whatever the extension does. Every other host still
   * resolves to nothing (https-archive.ts); pages are then served through the archive, not `servePage`.
   */
  direct?: boolean;
  /** A device to emulate in every page (e.g. PHONE in phone.ts): viewport, touch, a mobile user agent. */
  device?: Pick<BrowserContextOptions, 'viewport' | 'screen' | 'isMobile' | 'hasTouch' | 'userAgent' | 'deviceScaleFactor'>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionPath = options.extensionPath ?? CHROME_BUILD;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionPath}: run \`npm run build\` first.`);
  }
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'shelfmark-e2e-'));
  const context = await launchProfile(userDataDir, [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`], options);
  const requests = recordRequests(context);
  const { archive } = options;
  const direct = options.direct === true && archive !== undefined;
  const served = direct ? null : await routeArchive(context, { site: options.site ?? true, passThrough: archive && ((url) => archive.serves(url)) });
  const serve = (url: string, page: ServedPage) => {
    if (!served) throw new Error('a direct session serves its pages through its archive (archive.servePage)');
    served.set(servedKey(url), page);
  };

  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const first = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;

  return {
    context,
    extensionId,
    async serviceWorker() {
      const running = context.serviceWorkers().find(isOurs);
      if (running) return running;
      return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 });
    },
    async extensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async popupFor(tabUrl: string, setup?: (popup: Page) => Promise<void>) {
      const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
      const tabId = await worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? null, tabUrl);
      if (tabId === null) throw new Error(`No open tab at ${tabUrl}`);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await setup?.(popup);
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async openArchivePage(url: string) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
      return page;
    },
    async serveRealPage(file: string) {
      const { url } = realPage(file);
      serve(url, { html: realPageHtml(file), status: file.includes('404') ? 404 : 200 });
      return url;
    },
    async servePage(url: string, html: string, status = 200) {
      serve(url, { html, status });
    },
    requests,
    extensionRequests() {
      return requests.filter(isShelfmarks);
    },
    async close() {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
      const forbidden = forbiddenRequests(requests);
      if (forbidden.length > 0) throw new Error(`Shelfmark made requests it promises never to make:\n${forbidden.join('\n')}`);
    },
  };
}

/**
 * A browser profile as a reader has one — persistent, on disk — with `args` beside the usual flags
 * and the archive's terms accepted, as every returning reader has (else its script covers the page).
 */
async function launchProfile(userDataDir: string, args: string[], options: Pick<LaunchOptions, 'archive' | 'device'>): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs([...args, ...(options.archive?.chromiumFlags ?? [])]),
    ...options.device,
  });
  await context.addCookies([{ ...ACCEPTED_TOS_COOKIE, secure: true }]);
  return context;
}

export interface BareBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/**
 * The browser `launchExtension` starts, without the extension: the benches' reference ("the bare
 * page"). The same kind of profile matters: in Playwright's default throwaway context, leaving a
 * 1,000-work page for the next one costs some 300 ms less than in a persistent profile, with or
 * without any extension — a difference between the two browsers, not the extension's cost.
 */
export async function launchBareBrowser(archive?: HttpsArchive): Promise<BareBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'shelfmark-bare-'));
  const context = await launchProfile(userDataDir, [], { archive });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
