/**
 * Creators, recipients and lock icons: the `h4.heading` of a blurb, the
 * `h3.byline` of a work page, the "Bookmarked by" line.
 */
import type { Author } from './types';
import { collapse, decodeSegment, pathOf, textOf } from './text';

const AUTHOR_LINK = 'a[rel="author"]';
const RESTRICTED_ICON = 'img[alt="(Restricted)"]';
const HIDDEN_ICON = 'img[alt="(Hidden by Admin)"]';

/** "Pseud (login)" when they differ; just "name" when they don't. */
function splitByline(text: string): { pseud: string; login: string | null } {
  const m = /^(.*\S)\s+\(([^()]+)\)$/.exec(text);
  return m ? { pseud: m[1]!, login: m[2]! } : { pseud: text, login: null };
}

/** A creator link, `/users/LOGIN/pseuds/PSEUD[/…]`; the text is the fallback. */
export function authorFromLink(a: Element): Author {
  const text = textOf(a);
  const m = /^\/users\/([^/?#]+)(?:\/pseuds\/([^/?#]+))?/.exec(pathOf(a.getAttribute('href')));
  const fromText = splitByline(text);
  if (m) {
    const login = decodeSegment(m[1]!);
    return { login, pseud: m[2] ? decodeSegment(m[2]) : fromText.pseud || login };
  }
  return { login: fromText.login ?? fromText.pseud, pseud: fromText.pseud };
}

/**
 * A gift recipient: `/users/LOGIN/gifts` (text "Pseud (login)" or "login"), or
 * `/gifts?recipient=NAME` for someone without an account, where login and
 * pseud are both that name.
 */
export function recipientFromLink(a: Element): Author | null {
  const path = pathOf(a.getAttribute('href'));
  const text = textOf(a);
  const user = /^\/users\/([^/?#]+)\/gifts/.exec(path);
  if (user) {
    const login = decodeSegment(user[1]!);
    const { pseud } = splitByline(text);
    return { login, pseud: pseud || login };
  }
  if (/^\/gifts\?/.test(path)) return { login: text, pseud: text };
  return null;
}

export function isRecipientLink(a: Element): boolean {
  return /^\/(?:users\/[^/]+\/)?gifts(?:[/?]|$)/.test(pathOf(a.getAttribute('href')));
}

export interface Heading {
  title: string;
  /** The title link's path, e.g. `/works/1`, `/collections/c/works/1`, `/series/2`, `/external_works/3`. */
  href: string | null;
  authors: Author[];
  recipients: Author[];
  /** Plain byline text after "by" when there are no creator links (anonymous, external works, imports). */
  plainByline: string;
  anonymous: boolean;
  restricted: boolean;
  hiddenByAdmin: boolean;
}

const ITEM_LINK = /^\/(?:collections\/[^/]+\/)?(?:works|series|external_works)\/\d+/;

/** Reads a blurb's `h4.heading`: title link, "by", creators, "for" recipients, lock icons. */
export function readHeading(h4: Element): Heading {
  let titleLink: Element | null = null;
  const authors: Author[] = [];
  const recipients: Author[] = [];
  for (const a of h4.querySelectorAll('a')) {
    if (a.getAttribute('rel') === 'author') {
      authors.push(authorFromLink(a));
    } else if (isRecipientLink(a)) {
      const r = recipientFromLink(a);
      if (r) recipients.push(r);
    } else if (!titleLink && ITEM_LINK.test(pathOf(a.getAttribute('href')))) {
      titleLink = a;
    }
  }
  const title = textOf(titleLink);
  let plainByline = '';
  if (authors.length === 0) {
    // Text between "by" and "for"/the end, past the title (which may itself contain " by ").
    const text = textOf(h4);
    const afterTitle = title && text.startsWith(title) ? text.slice(title.length) : text;
    const m = /\bby\s+(.*?)(?:\s+for\s+.*)?$/.exec(afterTitle);
    plainByline = m ? collapse(m[1]) : '';
  }
  return {
    title,
    href: titleLink ? pathOf(titleLink.getAttribute('href')) : null,
    authors,
    recipients,
    plainByline,
    anonymous: authors.length === 0 && /^Anonymous\b/.test(plainByline),
    restricted: h4.querySelector(RESTRICTED_ICON) !== null,
    hiddenByAdmin: h4.querySelector(HIDDEN_ICON) !== null,
  };
}

/** Creators in a work page's `h3.byline` or chapter index heading. */
export function readAuthors(el: Element | null): Author[] {
  if (!el) return [];
  return Array.from(el.querySelectorAll(AUTHOR_LINK), authorFromLink);
}

export function hasLockIcons(el: Element | null): { restricted: boolean; hiddenByAdmin: boolean } {
  return {
    restricted: !!el?.querySelector(RESTRICTED_ICON),
    hiddenByAdmin: !!el?.querySelector(HIDDEN_ICON),
  };
}
