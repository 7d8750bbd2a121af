/**
 * Small readers for the archive's text: whitespace, counts, dates, tag names
 * and the ids in its links. Pure string work, no DOM beyond `textContent`.
 */

/** Collapses runs of whitespace (including `&nbsp;`) to one space and trims. */
export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  const t = text.trim();
  // Most text (tag names, counts) is already clean; skip the replace then: it's the hot path.
  return /[^\S ]| {2}/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** An element's text, collapsed. `textContent`, never `innerText`: no layout. */
export function textOf(el: Element | null | undefined): string {
  return el ? collapse(el.textContent) : '';
}

/**
 * A count as the archive prints it: "1,234". Dots and spaces between groups of
 * three digits are accepted too (other locales, site skins); anything else,
 * including an empty string, is null — never NaN.
 */
export function parseCount(text: string | null | undefined): number | null {
  const t = collapse(text);
  // Most counts on a listing are plain digits: no separators to strip.
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^\d{1,3}(?:[,.\s\u202f]\d{3})*$/.test(t)) return null;
  return Number(t.replace(/\D/g, ''));
}

const MONTHS = new Map<string, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);
for (const [i, name] of ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept'].entries()) {
  MONTHS.set(name, [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 9][i]!);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/**
 * Rails' `time_ago_in_words` as the archive prints it for recent dates:
 * "3 days ago", "about 1 hour ago", "less than a minute ago", "over 1 year ago".
 * Months and years are calendar steps back from `now`. The result is the UTC
 * calendar date.
 */
export function parseRelativeDate(text: string, now: Date): string | null {
  const m = /^(?:(?:about|over|almost|less than|nearly)\s+)?(\d+|an?|half an?)\s+(second|minute|hour|day|week|month|year)s?(?:\s+ago)?$/i.exec(
    collapse(text),
  );
  if (!m || Number.isNaN(now.getTime())) return null;
  const amountText = m[1]!.toLowerCase();
  const unit = m[2]!.toLowerCase();
  const amount = /^\d+$/.test(amountText) ? Number(amountText) : amountText.startsWith('half') ? 0.5 : 1;
  const d = new Date(now.getTime());
  if (unit === 'month' || unit === 'year') {
    d.setUTCMonth(d.getUTCMonth() - Math.round(amount * (unit === 'year' ? 12 : 1)));
  } else {
    d.setTime(d.getTime() - amount * UNIT_MS[unit]!);
  }
  return d.toISOString().slice(0, 10);
}

/**
 * A date as the archive prints it: "05 Mar 2024" (blurbs), "2024-03-05" (work
 * meta, chapter index, with or without parentheses) or, for recent dates on
 * some pages, relative text ("3 days ago"), which needs `now`. Returns
 * `YYYY-MM-DD`, or null when the text is not a date.
 */
export function parseDate(text: string | null | undefined, now?: Date | null): string | null {
  const t = collapse(text).replace(/^\(|\)$/g, '');
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  return now ? parseRelativeDate(t, now) : null;
}

/** `to_param`'s escapes for characters that can't sit in a path segment. */
const TAG_ESCAPES: Record<string, string> = { s: '/', a: '&', d: '.', q: '?', h: '#' };

function decodeUriSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The tag name in a tag link: `/tags/F*s*M/works` → "F/M". Accepts a full URL,
 * a `/tags/…` path (works, bookmarks or the tag page) or just the escaped name.
 */
export function tagNameFromUrl(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const m = /(?:^|\/)tags\/([^/]+)/.exec(path);
  const segment = m ? m[1]! : path;
  return decodeUriSafely(segment).replace(/\*([sadqh])\*/g, (_, c: string) => TAG_ESCAPES[c]!);
}

/** A link's path: the archive's links are relative, but skins and saved pages may make them absolute. */
export function pathOf(href: string | null | undefined): string {
  if (!href) return '';
  // Already a path (the usual case): "/…" but not "//host/…".
  if (href.charCodeAt(0) === 47 && href.charCodeAt(1) !== 47) return href;
  return href.replace(/^(?:[a-z]+:)?\/\/[^/]+/i, '');
}

/** The number after `/<segment>/` in a path, e.g. `idAfter('/works/12/chapters/34', 'chapters')` → 34. */
export function idAfter(href: string | null | undefined, segment: string): number | null {
  if (!href) return null;
  const m = new RegExp(`/${segment}/(\\d+)(?:[/?#]|$)`).exec(pathOf(href));
  return m ? Number(m[1]) : null;
}

/** The number in a class token or element id such as `work-12` or `work_12`. */
export function idFromToken(tokens: Iterable<string>, prefix: string): number | null {
  for (const token of tokens) {
    if (token.startsWith(prefix)) {
      const rest = token.slice(prefix.length);
      if (/^\d+$/.test(rest)) return Number(rest);
    }
  }
  return null;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/**
 * Whether a class attribute's value holds `token`. Used instead of
 * `classList`: in the content script's isolated world each DOMTokenList is one
 * more JS wrapper to create, and blurbs are read by the thousand.
 */
export function hasClass(className: string, token: string): boolean {
  for (let i = className.indexOf(token); i >= 0; i = className.indexOf(token, i + 1)) {
    const end = i + token.length;
    if ((i === 0 || isSpace(className.charCodeAt(i - 1))) && (end === className.length || isSpace(className.charCodeAt(end)))) return true;
  }
  return false;
}

/** An element's class tokens, from one string read (see `hasClass`). */
export function classTokens(el: Element): string[] {
  const cls = el.className.trim();
  return cls ? cls.split(/\s+/) : [];
}

/** Decoded path segment, tolerant of malformed escapes. */
export function decodeSegment(segment: string): string {
  return segment.includes('%') ? decodeUriSafely(segment) : segment;
}
