/**
 * One normal form for tag text, applied alike to rule text and to the tags on
 * a page, so that comparing them is a plain string comparison.
 */

import { tagNameFromUrl } from '../ao3/text';

const ARCHIVE_ESCAPE = /\*[sadqh]\*/g;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const TAG_URL = /^(?:https?:\/\/[^/]+)?\/tags\//i;
/** Text without these can't be escaped: one test instead of three on the hot path (every tag on a page). */
const MAYBE_ESCAPED = /[*%]|\/tags\//i;
/** NFKC leaves ASCII as it is, and `normalize()` is slow: most tags skip it. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Decodes a tag name copied from an archive URL (`Hurt*s*Comfort`,
 * `Alternate%20Universe`, `https://archiveofourown.org/tags/F*s*M/works`);
 * other text is returned unchanged.
 *
 * The archive forbids `*` and `%` in tag names, so text in which every `*`
 * belongs to an escape (`*s*`, `*a*`, `*d*`, `*q*`, `*h*`) or that holds a
 * percent escape can only be an escaped name. Text with any other `*` is a
 * wildcard pattern and keeps its stars: `Alpha*` stays a pattern.
 */
export function decodeArchiveEscapes(text: string): string {
  if (!MAYBE_ESCAPED.test(text)) return text;
  const escaped =
    TAG_URL.test(text) ||
    PERCENT_ESCAPE.test(text) ||
    (text.includes('*') && !text.replace(ARCHIVE_ESCAPE, '').includes('*'));
  return escaped ? tagNameFromUrl(text) : text;
}

/**
 * The comparable form of a tag: URL escapes decoded, NFKC-normalised (full-width
 * letters, ligatures, composed accents), lower-cased, whitespace collapsed and trimmed.
 */
export function normalizeTagText(text: string): string {
  return normalizeFreeText(decodeArchiveEscapes(text));
}

/** The comparable form of free text (titles, summaries, languages): like tags, without URL decoding. */
export function normalizeFreeText(text: string): string {
  const folded = (NON_ASCII.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  // Most text has single spaces only: skip the replace then, it is the hot path.
  return (/[^\S ]| {2}/.test(folded) ? folded.replace(/\s+/g, ' ') : folded).trim();
}
