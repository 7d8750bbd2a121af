/**
 * Tag text as a reader writes it in a rule — exact text, a `*` wildcard or a
 * regular expression — checked and turned into its comparable form.
 */

import { t } from '../i18n';
import type { FamilyIndex } from './family-table';
import { normalizeTagText, removeInvisible } from './normalize';
import { compileSafeRegex } from './regex-safety';
import type { TagMatchMode } from './types';
import { matchesWildcard, parseWildcard, type Wildcard } from './wildcard';

/** Longer than any tag the archive allows (150 characters), with room for URL escapes. */
export const MAX_TAG_TEXT_LENGTH = 300;

export type TagPattern =
  | { mode: 'exact'; text: string }
  | { mode: 'wildcard'; wildcard: Wildcard }
  | { mode: 'regex'; regex: RegExp };

export type TagPatternResult = { ok: true; pattern: TagPattern } | { ok: false; error: string };

/**
 * Compiles rule text. Errors are phrases to follow a subject ("is empty").
 * A wildcard without `*` is exact text, and exact text may be a name copied
 * from an archive URL (`F*s*M`).
 */
export function compileTagPattern(mode: TagMatchMode, text: string): TagPatternResult {
  if (mode === 'regex') {
    if (text.trim() === '') return { ok: false, error: t('patternEmpty') };
    // Tags lose their invisible characters and are NFKC-normalised before matching, so the pattern's literal characters are too.
    const check = compileSafeRegex(removeInvisible(text).normalize('NFKC'));
    return check.ok ? { ok: true, pattern: { mode, regex: check.regex } } : check;
  }
  if (text.length > MAX_TAG_TEXT_LENGTH) return { ok: false, error: t('patternTooLong', String(MAX_TAG_TEXT_LENGTH)) };
  const normalized = normalizeTagText(text);
  if (normalized === '') return { ok: false, error: t('patternEmpty') };
  if (!normalized.includes('*')) return { ok: true, pattern: { mode: 'exact', text: normalized } };
  if (mode === 'exact') {
    return { ok: false, error: t('patternStarInExactTag') };
  }
  if (normalized.replace(/\*/g, '').trim() === '') return { ok: false, error: t('patternOnlyStars') };
  return { ok: true, pattern: { mode: 'wildcard', wildcard: parseWildcard(normalized.replace(/\*+/g, '*')) } };
}

/** For the rule editor's inline errors: whether the pattern is usable, else a sentence saying why not. */
export function validatePattern(mode: TagMatchMode, text: string): { ok: true } | { ok: false; error: string } {
  const result = compileTagPattern(mode, text);
  if (result.ok) return { ok: true };
  return { ok: false, error: t(mode === 'regex' ? 'patternRegexProblem' : 'patternTagProblem', result.error) };
}

/**
 * Scope fandoms or exception tags: exact text or wildcards, matched against
 * normalised tags. An exact text whose family was learned also matches every
 * tag filed under it: synonyms and subtags (a fandom's sub-fandoms).
 */
export class TagPatternSet {
  private readonly exact = new Set<string>();
  private readonly wildcards: Wildcard[] = [];
  private readonly familyIds = new Set<number>();

  /** `texts` must have passed `compileTagPattern(…, 'wildcard')`. */
  constructor(
    texts: readonly string[],
    private readonly families: FamilyIndex | null = null,
  ) {
    for (const text of texts) {
      const result = compileTagPattern('wildcard', text);
      if (!result.ok) continue;
      if (result.pattern.mode === 'exact') {
        this.exact.add(result.pattern.text);
        const family = families?.familyOf(result.pattern.text);
        if (family !== undefined) this.familyIds.add(family);
      } else if (result.pattern.mode === 'wildcard') this.wildcards.push(result.pattern.wildcard);
    }
  }

  matchesAny(normalizedTags: readonly string[]): boolean {
    return normalizedTags.some(
      (tag) => this.exact.has(tag) || this.wildcards.some((wildcard) => matchesWildcard(wildcard, tag)) || this.inFamily(tag),
    );
  }

  private inFamily(tag: string): boolean {
    if (this.familyIds.size === 0 || !this.families) return false;
    return this.families.refsOf(tag).some((ref) => this.familyIds.has(ref >> 1));
  }
}
