/**
 * Every web request a browser context makes, and who made it — so the suite
 * can hold Shelfmark to its promise: it never fetches a work page (that would
 * add hits to authors' works) and sends nothing outside the archive.
 *
 * Playwright reports on the context the requests of its pages and, in
 * Chromium, of service workers (the extension's background included), even
 * when a route answers them. A request is Shelfmark's when the background or
 * one of the extension's pages makes it, or when a script on an archive page
 * does (fetch, XHR…) — but for the few requests the archive's own scripts
 * make as they run beside the content script (ARCHIVE_SCRIPT_REQUESTS: a
 * logged-out page asks for a fresh form token). Navigations (the test's `goto`, a
 * clicked link) and the page's own stylesheets, scripts and images are the
 * page's, not Shelfmark's.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { isArchiveHost } from '../../utils/hosts';

export type RequestSource = 'background' | 'extension-page' | 'archive-page';

export interface SeenRequest {
  url: string;
  method: string;
  resourceType: string;
  source: RequestSource;
  /** A navigation of a tab or frame, as opposed to a request a script made. */
  navigation: boolean;
  /** When the browser sent it (ms since the epoch). */
  at: number;
}

/** Requests a script makes itself, as opposed to what the page's markup loads. */
const SCRIPT_REQUESTS = new Set(['fetch', 'xhr', 'eventsource', 'websocket', 'ping']);

/**
 * What the archive's own scripts (scripts/lib/archive-site.ts) request by themselves on the pages the
 * tests open: application.js's `updateCachedTokens` fetches `/token_dispenser.json` on logged-out pages.
 * Shelfmark never asks for it; a request for it from an archive page is the archive's.
 */
const ARCHIVE_SCRIPT_REQUESTS = new Set(['/token_dispenser.json']);

/** `/works/123` and `/works/123/chapters/456`, whatever the query: a work's own pages, where every load is a hit. */
const WORK_PAGE = /^\/works\/\d+(?:\/chapters\/\d+)?\/?$/;

function sourceOf(request: Request): RequestSource {
  if (request.serviceWorker()) return 'background';
  let frameUrl: string;
  try {
    frameUrl = request.frame().url();
  } catch {
    // A request with no frame and no worker: treat it as the background's, the strictest reading.
    return 'background';
  }
  return frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'archive-page';
}

/** Shelfmark made it (see the file comment). */
export function isShelfmarks(request: SeenRequest): boolean {
  if (request.source !== 'archive-page') return !request.navigation;
  if (ARCHIVE_SCRIPT_REQUESTS.has(new URL(request.url).pathname)) return false;
  return !request.navigation && SCRIPT_REQUESTS.has(request.resourceType);
}

export function isWorkPage(url: string): boolean {
  const parsed = new URL(url);
  return isArchiveHost(parsed.hostname) && WORK_PAGE.test(parsed.pathname);
}

/** Shelfmark's requests that break its promise, one line each: a work page, or anything outside the archive. */
export function forbiddenRequests(requests: readonly SeenRequest[]): string[] {
  return requests.filter(isShelfmarks).flatMap((r) => {
    if (!isArchiveHost(new URL(r.url).hostname)) return [`${r.source} requested ${r.url}, outside the archive`];
    if (isWorkPage(r.url)) return [`${r.source} requested the work page ${r.url}`];
    return [];
  });
}

/** Starts recording every http(s) request `context` makes; the returned array fills as they come. */
export function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    seen.push({
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      source: sourceOf(request),
      navigation: request.isNavigationRequest(),
      at: Date.now(),
    });
  });
  return seen;
}
