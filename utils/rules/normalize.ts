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
/** NFKC leaves ASCII as it is, and `normalize()` is slow: most tags skip it (and the invisible characters below, none of them ASCII). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Invisible characters: Unicode's Default_Ignorable_Code_Point set (zero-width
 * space and joiners, soft hyphen, word joiner, byte order mark, variation
 * selectors, Hangul fillers, tag characters…) and the Bidi_Control characters
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069; all of them default
 * ignorable too, named for the reader of this code). A page can write `Hide\u200BMe`
 * and show "HideMe": they are removed from rule text and page text alike —
 * except where they are part of an emoji, kept whole so that one emoji never
 * equals a different one (`EMOJI_OR_INVISIBLE`).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/**
 * What stays of the invisible characters, matched first so they are kept as
 * they are (the Unicode emoji sequences, UTS #51):
 * - U+200D ZERO WIDTH JOINER between two pictographs (each with its
 *   modifiers): 👩‍❤️‍👨, 🏳️‍🌈, 🧑🏽‍💻 — removed anywhere else (`a\u200Db`, `1\u200D2`, a
 *   trailing one);
 * - U+FE0E / U+FE0F (text / emoji presentation) right after an emoji
 *   character, including keycap bases: ❤️, 1️⃣, #️⃣ — removed after anything
 *   else, as are all the other variation selectors;
 * - tag characters U+E0020–U+E007F after a pictograph: the subdivision flags
 *   (🏴󠁧󠁢󠁳󠁣󠁴󠁿) — removed anywhere else.
 * Country flags (regional indicators), skin tones and the keycap mark U+20E3
 * are not invisible characters: untouched.
 */
const EMOJI_OR_INVISIBLE =
  /(\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}\u{E0020}-\u{E007F}]*)*|\p{Emoji}[\uFE0E\uFE0F])|[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/** `text` without its invisible characters (see `INVISIBLE`), emoji sequences kept whole. */
export function removeInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(EMOJI_OR_INVISIBLE, (_match, emoji: string | undefined) => emoji ?? '') : text;
}

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
 * The comparable form of a tag: URL escapes decoded, invisible characters
 * removed (`removeInvisible`), NFKC-normalised (full-width letters, ligatures,
 * composed accents), lower-cased, whitespace collapsed and trimmed.
 */
export function normalizeTagText(text: string): string {
  return normalizeFreeText(decodeArchiveEscapes(text));
}

/** The comparable form of free text (titles, summaries, languages): like tags, without URL decoding. */
export function normalizeFreeText(text: string): string {
  // Invisible characters go before NFKC, so that an accent after one still composes with its letter.
  const folded = (NON_ASCII.test(text) ? removeInvisible(text).normalize('NFKC') : text).toLowerCase();
  // Most text has single spaces only: skip the replace then, it is the hot path.
  return (/[^\S ]| {2}/.test(folded) ? folded.replace(/\s+/g, ' ') : folded).trim();
}
