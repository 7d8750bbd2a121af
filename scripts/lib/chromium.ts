/**
 * Launching the system Chromium with nothing reaching the network: shared by
 * the real-browser tests and the bench.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Route } from 'playwright-core';
import { isArchiveHost } from '../../utils/hosts';
import { archiveAsset, isCdnScript } from './archive-site';

/** `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

/** Flags that keep Chromium quiet on a machine without a network (and sandbox-less when run as root). */
export function chromiumArgs(extra: string[] = []): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    ...extra,
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export interface ServedPage {
  html: string;
  status: number;
}

export interface RouteOptions {
  /** Serve the archive's own stylesheets, scripts and images (archive-site.ts) rather than empty ones. */
  site?: boolean;
  /**
   * Archive URLs that go on to the browser's own network stack, unanswered here: a local server the
   * browser resolves the archive to (tests/e2e/https-archive.ts) streams them, which `fulfill` can't.
   */
  passThrough?: (url: string) => boolean;
}

/**
 * Routes every request of `context`: archive URLs in `served` get their page,
 * other archive URLs (and the archive's CDN scripts) their asset — with `site`,
 * the archive's own files (archive-site.ts), else an empty stylesheet or
 * script or a 404 — and anything else is aborted.
 * Returns the map, keyed by normalised URL, for the caller to fill.
 */
export async function routeArchive(context: BrowserContext, options: RouteOptions = {}): Promise<Map<string, ServedPage>> {
  const served = new Map<string, ServedPage>();
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return route.continue();
    if (options.site && isCdnScript(url)) return route.fulfill(archiveAsset(url));
    if (!isArchiveHost(url.hostname)) return route.abort('blockedbyclient');
    if (options.passThrough?.(url.href)) return route.continue();
    const page = served.get(url.href);
    if (page) {
      return route.fulfill({ status: page.status, contentType: 'text/html; charset=utf-8', body: page.html });
    }
    return route.fulfill(options.site ? archiveAsset(url) : emptyAsset(url));
  });
  return served;
}

/** Empty answers for the archive's own assets, so pages render without errors or network (the bench's pages). */
function emptyAsset(url: URL): { status: number; contentType: string; body: string } {
  const path = url.pathname;
  if (path.endsWith('.css')) return { status: 200, contentType: 'text/css', body: '' };
  if (path.endsWith('.js')) return { status: 200, contentType: 'application/javascript', body: '' };
  return { status: 404, contentType: 'text/plain', body: '' };
}

export function servedKey(url: string): string {
  return new URL(url).href;
}
