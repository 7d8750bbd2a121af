/**
 * Where the background reads a fetched tag page: the one place the browsers
 * differ for it. Both read it with the page model's own code (`readPage`,
 * the tag page reader the tests and the inspector use) over the browser's
 * own DOMParser:
 *
 * - Firefox runs the background as an event page, which has DOMParser: the
 *   page is read right there.
 * - Chrome runs it as a service worker, which has no DOM at all. The page is
 *   handed to an offscreen document (entrypoints/offscreen, the `offscreen`
 *   permission with reason DOM_PARSER, Chrome only), made when learning
 *   starts and closed when it ends. It has no network access of its own to
 *   use and no UI; it only parses.
 */
import { browser } from 'wxt/browser';
import { readPage } from '../ao3/page';
import type { TagPage } from '../ao3/types';

export const PARSE_TARGET = 'shelfmark-offscreen-parse';

export interface ParseRequest {
  target: typeof PARSE_TARGET;
  html: string;
  url: string;
}

export interface ParseReply {
  tag: TagPage | null;
}

export function isParseRequest(message: unknown): message is ParseRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.target === PARSE_TARGET && typeof m.html === 'string' && typeof m.url === 'string';
}

/** The tag record of a page's HTML, read by the page model. */
export function answerParseRequest(request: ParseRequest, parser: DOMParser): ParseReply {
  return { tag: readPage(parser.parseFromString(request.html, 'text/html'), request.url).tag };
}

const isNames = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The reply's tag record, when it has the shape the learner reads (an odd reply reads as "not a tag page"). */
function tagOf(reply: unknown): TagPage | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const tag = (reply as { tag?: unknown }).tag as Record<string, unknown> | null | undefined;
  if (typeof tag !== 'object' || tag === null) return null;
  const tree = (value: unknown) => Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.parent === 'string');
  const ok = typeof tag.name === 'string' && (tag.synonymOf === null || typeof tag.synonymOf === 'string') && isNames(tag.synonyms) && tree(tag.subtags);
  return ok ? (tag as unknown as TagPage) : null;
}

export interface TagPageParser {
  parse(html: string, url: string): Promise<TagPage | null>;
  /** Learning ended: Chrome's offscreen document goes. */
  release(): Promise<void>;
}

export const OFFSCREEN_JUSTIFICATION = "Reads the archive's tag pages (fetched to learn which tags the archive files under a tag a rule hides) with DOMParser.";

function offscreenParser(): TagPageParser {
  const offscreen = browser.offscreen;
  let creating: Promise<void> | null = null;
  const ensure = async () => {
    if (await offscreen.hasDocument()) return;
    creating ??= offscreen
      .createDocument({ url: browser.runtime.getURL('/offscreen.html'), reasons: ['DOM_PARSER'], justification: OFFSCREEN_JUSTIFICATION })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  return {
    async parse(html, url) {
      await ensure();
      const request: ParseRequest = { target: PARSE_TARGET, html, url };
      return tagOf(await browser.runtime.sendMessage(request));
    },
    async release() {
      if (creating) await creating.catch(() => undefined);
      if (await offscreen.hasDocument()) await offscreen.closeDocument();
    },
  };
}

export function createTagPageParser(): TagPageParser {
  if (typeof DOMParser === 'function') {
    const parser = new DOMParser();
    return {
      parse: async (html, url) => answerParseRequest({ target: PARSE_TARGET, html, url }, parser).tag,
      release: async () => undefined,
    };
  }
  return offscreenParser();
}
