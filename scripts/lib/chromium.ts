/**
 * Launching the system Chromium with nothing reaching the network: shared by
 * the real-browser tests and the bench.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Route } from 'playwright-core';
import { isArchiveHost } from '../../utils/hosts';

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

/** Empty answers for the archive's own assets, so pages render without errors or network. */
function assetResponse(url: URL): { status: number; contentType: string; body: string } {
  const path = url.pathname;
  if (path.endsWith('.css')) return { status: 200, contentType: 'text/css', body: '' };
  if (path.endsWith('.js')) return { status: 200, contentType: 'application/javascript', body: '' };
  return { status: 404, contentType: 'text/plain', body: '' };
}

/**
 * Routes every request of `context`: archive URLs in `served` get their page,
 * other archive URLs an empty asset or a 404, and anything else is aborted.
 * Returns the map, keyed by normalised URL, for the caller to fill.
 *
 * Archive URLs for which `passThrough` says yes go on to the browser's own
 * network stack, unanswered here: a local server the browser resolves the
 * archive to (tests/e2e/https-archive.ts) streams them, which `fulfill` can't.
 */
export async function routeArchive(context: BrowserContext, passThrough?: (url: string) => boolean): Promise<Map<string, ServedPage>> {
  const served = new Map<string, ServedPage>();
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return route.continue();
    if (!isArchiveHost(url.hostname)) return route.abort('blockedbyclient');
    if (passThrough?.(url.href)) return route.continue();
    const page = served.get(url.href);
    if (page) {
      return route.fulfill({ status: page.status, contentType: 'text/html; charset=utf-8', body: page.html });
    }
    const asset = assetResponse(url);
    return route.fulfill({ status: asset.status, contentType: asset.contentType, body: asset.body });
  });
  return served;
}

export function servedKey(url: string): string {
  return new URL(url).href;
}
