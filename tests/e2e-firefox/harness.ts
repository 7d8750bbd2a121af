/**
 * Firefox harness: the built Firefox extension installed as a temporary
 * add-on into the system's Firefox ESR, driven by puppeteer-core over
 * WebDriver BiDi. Archive pages are served at their real URLs by request
 * interception, beside the archive's own stylesheets and scripts
 * (scripts/lib/archive-site.ts), any other request of a page is refused, and Firefox's own
 * background traffic is switched off by preferences — and whatever slips
 * through anyway goes to a local sink that records it instead of the network.
 *
 * What differs from the Chromium harness (tests/e2e/harness.ts), and why:
 * - Host permissions. In Firefox MV3 they are the user's to grant. Firefox
 *   grants an add-on's requested host permissions at install while
 *   `extensions.originControls.grantByDefault` is true (desktop Firefox's
 *   default, 153 ESR included); the harness sets it explicitly because with
 *   it false the content script never runs on the archive and every test
 *   here would fail.
 * - No extension pages. Firefox's WebDriver BiDi neither navigates to nor
 *   reports on moz-extension:// pages (Mozilla bug 1755014), so tests act as
 *   a reader does, on the archive's pages through the content script's UI,
 *   and check what the reader sees — which still goes through the
 *   background, its event page and its IndexedDB for every answer.
 * - Interception is per page in puppeteer's BiDi implementation, so pages
 *   must be opened through `open` to be routed. What the background itself
 *   fetches (the archive's tag pages, to learn tag families) is no page's
 *   request and reaches the local "proxy" below: given an `archive` server
 *   (tests/e2e/https-archive.ts), the proxy tunnels the archive's host, and
 *   only it, to that server, whose throwaway certificate Firefox accepts
 *   (`acceptInsecureCerts`) in that session only.
 */
import { existsSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { ACCEPTED_TOS_COOKIE, archiveAsset, isCdnScript } from '../../scripts/lib/archive-site';
import { isArchiveHost } from '../../utils/hosts';
import { FIREFOX_BUILD } from '../e2e/harness';
import type { HttpsArchive } from '../e2e/https-archive';
import { realPage, realPageHtml } from '../helpers/real-pages';

/** `$FIREFOX_PATH`, else Debian's `/usr/bin/firefox-esr`. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Firefox not found. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox 140+ binary.',
    );
  }
  return found;
}

/** Preferences that keep Firefox from talking to anything but the test. */
function quietPrefs(sinkPort: number): Record<string, unknown> {
  return {
    // See the header: without this the add-on gets no access to the archive.
    'extensions.originControls.grantByDefault': true,
    // Updates: the application, add-ons, system add-ons, search engines.
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.search.update': false,
    // Telemetry and data reporting.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    // Studies and experiments (Normandy, Shield).
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    // Remote settings (blocklists, certificate revocation lists, experiments…):
    // a data: URL serves nothing. Release builds honour this override only
    // with MOZ_DISABLE_NONLOCAL_CONNECTIONS set, which `launch` does.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    // Captive portal and connectivity checks, push, region lookup.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.connection.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    // Safe browsing lists.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    // Speculative connections, prefetching, DNS over HTTPS.
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    // Whatever still opens a connection meets the sink, never the network
    // (no fallback to a direct connection when the "proxy" hangs up).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sinkPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': sinkPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.failover_direct': false,
  };
}

/** The first line a proxy gets when the archive is asked for over HTTPS. */
const ARCHIVE_CONNECT = /^CONNECT archiveofourown\.org:443 /;

/** Answers a CONNECT by joining the browser's socket to the archive server's. */
function tunnel(socket: Socket, archivePort: number): void {
  const upstream = connect(archivePort, '127.0.0.1', () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
}

/**
 * A local "proxy" that notes the first line of each connection (e.g. `CONNECT host:443 HTTP/1.1`)
 * and hangs up; with `archivePort`, the archive's host is tunnelled there instead (and not noted).
 */
async function startSink(archivePort?: number): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    let head = '';
    const onData = (data: Buffer) => {
      // The whole request head first: a tunnel must not pass any of it on.
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n') && head.length < 16_384) return;
      socket.off('data', onData);
      socket.pause();
      const first = head.split('\r\n')[0] ?? '';
      if (archivePort !== undefined && ARCHIVE_CONNECT.test(first)) {
        tunnel(socket, archivePort);
        return;
      }
      seen.push(first);
      socket.destroy();
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the sink has no port');
  return { server, port: address.port, seen };
}

interface ServedPage {
  html: string;
  status: number;
}

/** Archive pages from `served`, the archive's own assets (archive-site.ts), nothing else on http(s). */
function answer(request: HTTPRequest, served: Map<string, ServedPage>): Promise<void> {
  const url = new URL(request.url());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return request.continue();
  if (isCdnScript(url)) return request.respond(archiveAsset(url));
  if (!isArchiveHost(url.hostname)) return request.abort('blockedbyclient');
  const page = served.get(url.href);
  if (page) return request.respond({ status: page.status, contentType: 'text/html; charset=utf-8', body: page.html });
  return request.respond(archiveAsset(url));
}

export interface FirefoxSession {
  browser: Browser;
  /** Serves a page of the shared real set at its manifest URL; returns that URL. */
  serveRealPage(file: string): string;
  /** A new tab, routed, at `url`, once the content script has classified the page. */
  open(url: string): Promise<Page>;
  /** Every connection Firefox tried to open to the outside, as its first line. */
  outsideConnections(): string[];
  close(): Promise<void>;
}

/** For `waitForFunction`: whether every blurb of `ids` is hidden. */
export const allHidden = (ids: string[]): boolean => ids.every((id) => document.getElementById(id)?.classList.contains('shelfmark-hidden'));

/** Waits until the content script has lifted its no-flash gate. */
export async function waitForClassified(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
}

export interface FirefoxOptions {
  extensionPath?: string;
  /** Where the background's own requests to the archive go (see the header); without it they meet the sink. */
  archive?: HttpsArchive;
  /**
   * Lets the test run privileged code in the browser's own window over BiDi (Firefox's
   * `--remote-allow-system-access`), as sync-area.ts does to play Firefox Sync.
   */
  systemAccess?: boolean;
}

export async function launchFirefoxExtension({ extensionPath = FIREFOX_BUILD, archive, systemAccess = false }: FirefoxOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionPath}: run \`npm run build\` first.`);
  }
  const sink = await startSink(archive?.port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: archive !== undefined,
    args: systemAccess ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: quietPrefs(sink.port),
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
  await browser.installExtension(extensionPath);
  // A reader who accepted the archive's terms (archive-site.ts), so its script doesn't cover the pages.
  await browser.setCookie({ ...ACCEPTED_TOS_COOKIE, secure: true });
  const served = new Map<string, ServedPage>();

  return {
    browser,
    serveRealPage(file: string) {
      const { url } = realPage(file);
      served.set(new URL(url).href, { html: realPageHtml(file), status: file.includes('404') ? 404 : 200 });
      return url;
    },
    async open(url: string) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // A request can outlive its page (closed while loading): failing to answer it then is no error.
        answer(request, served).catch((error: unknown) => {
          if (!page.isClosed()) throw error;
        });
      });
      await page.goto(url);
      await waitForClassified(page);
      return page;
    },
    outsideConnections() {
      return [...sink.seen];
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => sink.server.close(resolve));
    },
  };
}
