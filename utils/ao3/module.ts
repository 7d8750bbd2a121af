/**
 * The parts of a blurb, found in one walk over its children.
 *
 * Work, series and external-work modules share one layout (header, tags,
 * summary, series, stats); bookmark and History blurbs add their own parts
 * after it. Walking the children — rather than querying the whole blurb —
 * keeps the bookmarker's `ul.meta.tags` and `p.datetime` apart from the
 * item's, and skips whatever other extensions insert between the parts.
 */
import { hasClass, idAfter, parseCount, parseDate, textOf } from './text';

export interface ModuleParts {
  header: Element | null;
  heading: Element | null;
  fandoms: Element | null;
  requiredTags: Element | null;
  datetime: Element | null;
  tagList: Element | null;
  summary: Element | null;
  seriesList: Element | null;
  stats: Element | null;
  /** Bookmarker's module (bookmarks) or the visit line (History). */
  userModule: Element | null;
  /** Bookmark type symbol and count. */
  status: Element | null;
  /** "This has been deleted, sorry!" */
  message: Element | null;
  /** External works: "This work isn't hosted on the Archive…" */
  notice: Element | null;
}

/**
 * The header's parts. Elements only (the hot path): text and comment nodes
 * would each need a wrapper in the content script's world. The comment that
 * holds `updated_at` is read by `readUpdatedAt`, when asked for.
 */
function readHeader(header: Element, parts: ModuleParts): void {
  for (let el = header.firstElementChild; el; el = el.nextElementSibling) {
    switch (el.localName) {
      case 'h4':
        parts.heading ??= el;
        break;
      case 'h5':
        if (hasClass(el.className, 'fandoms')) parts.fandoms = el;
        break;
      case 'ul':
        if (hasClass(el.className, 'required-tags')) parts.requiredTags = el;
        break;
      case 'p':
        if (hasClass(el.className, 'datetime')) parts.datetime = el;
        break;
    }
  }
}

/**
 * `<!-- updated_at=EPOCH -->` in the header: seconds since the epoch. The archive puts it first, so
 * the walk ends there: every node it passes costs a wrapper in the content script's world.
 */
export function readUpdatedAt(header: Element | null): number | null {
  for (let node = header?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 8) continue;
    const m = /updated_at=(\d+)/.exec(node.nodeValue ?? '');
    if (m) return Number(m[1]);
  }
  return null;
}

function walk(container: Element, parts: ModuleParts): void {
  for (let el = container.firstElementChild; el; el = el.nextElementSibling) {
    const cls = el.className;
    switch (el.localName) {
      case 'div':
        if (hasClass(cls, 'header')) {
          parts.header ??= el;
          if (parts.header === el) readHeader(el, parts);
        } else if (hasClass(cls, 'user') && hasClass(cls, 'module')) {
          parts.userModule ??= el;
        } else if (hasClass(cls, 'module') && !hasClass(cls, 'recent')) {
          // Older bookmark markup wraps the item in `div.work.module`.
          walk(el, parts);
        }
        break;
      case 'ul':
        if (hasClass(cls, 'tags')) parts.tagList ??= el;
        else if (hasClass(cls, 'series')) parts.seriesList ??= el;
        break;
      case 'blockquote':
        if (hasClass(cls, 'summary')) parts.summary ??= el;
        break;
      case 'dl':
        if (hasClass(cls, 'stats')) parts.stats ??= el;
        break;
      case 'p':
        if (hasClass(cls, 'status')) parts.status ??= el;
        else if (hasClass(cls, 'message')) parts.message ??= el;
        else if (hasClass(cls, 'notice')) parts.notice ??= el;
        break;
    }
  }
}

export function collectParts(li: Element): ModuleParts {
  const parts: ModuleParts = {
    header: null,
    heading: null,
    fandoms: null,
    requiredTags: null,
    datetime: null,
    tagList: null,
    summary: null,
    seriesList: null,
    stats: null,
    userModule: null,
    status: null,
    message: null,
    notice: null,
  };
  walk(li, parts);
  return parts;
}

/** The first class token. Not `classList[0]`: linkedom's DOMTokenList isn't indexable. */
export function firstClass(el: Element): string {
  const cls = el.className;
  const space = cls.indexOf(' ');
  return space < 0 ? cls : cls.slice(0, space);
}

/**
 * `dl.stats` as a map from the `dd` class (words, chapters, kudos, …) to the `dd`.
 * Real pages sometimes repeat a field with another work's link in it (a stale
 * fragment of the archive's cache); given the work's id, the `dd` linking to
 * this work wins.
 */
export function statsFields(dl: Element | null, workId?: number | null): Map<string, Element> {
  const fields = new Map<string, Element>();
  if (!dl) return fields;
  // The `dd`s alone, not every child: the `dt`s would be wrappers for nothing.
  const dds = dl.getElementsByTagName('dd');
  for (let i = 0; i < dds.length; i++) {
    const el = dds[i]!;
    if (el.parentElement !== dl) continue;
    const cls = firstClass(el);
    if (!cls) continue;
    const seen = fields.get(cls);
    if (!seen || (workId != null && linksTo(el, workId) && !linksTo(seen, workId))) fields.set(cls, el);
  }
  return fields;
}

function linksTo(dd: Element, workId: number): boolean {
  const href = dd.querySelector('a')?.getAttribute('href');
  return !!href && idAfter(href, 'works') === workId;
}

export function countField(fields: Map<string, Element>, name: string): number | null {
  const dd = fields.get(name);
  return dd ? parseCount(dd.textContent) : null;
}

/**
 * The kudos count: the archive leaves the field out of a work nobody has left
 * kudos on (0), so a field that is there but can't be read — garbled, or
 * moved out of place by a skin or another extension — is unknown (null), not 0.
 */
export function kudosField(fields: Map<string, Element>, dl: Element | null): number | null {
  if (fields.has('kudos')) return countField(fields, 'kudos');
  return dl?.querySelector('.kudos') ? null : 0;
}

/** Summaries and notes as plain text: one line per paragraph or `<br>`. */
export function blockText(el: Element | null): string | null {
  if (!el) return null;
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'br') {
          flush();
        } else if (BLOCKS.has(name)) {
          flush();
          visit(child);
          flush();
        } else {
          visit(child);
        }
      }
    }
  };
  visit(el);
  flush();
  return lines.length > 0 ? lines.join('\n') : null;
}

const BLOCKS = new Set([
  'p', 'div', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre', 'table', 'tr', 'center',
]);

/** The blurb's date: `p.datetime` in the header. */
export function headerDate(parts: ModuleParts, now: Date | undefined): string | null {
  return parts.datetime ? parseDate(textOf(parts.datetime), now) : null;
}
