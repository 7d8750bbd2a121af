/**
 * Which tags' families a rule uses: the tag of an exact tag rule, and the
 * exact (non-wildcard) tags of its scope and exceptions. The background
 * learns these (utils/rules/learn-family.ts) and the rules mirror carries only
 * their families (family-table.ts).
 */
import { buildFamilyMirror, type FamilyMirror } from './family-table';
import { decodeArchiveEscapes, normalizeTagText } from './normalize';
import type { TagFamily } from './tag-family';
import type { Rule } from './types';

/** The tag names, as written in the rule (archive escapes decoded), whose families `rule` uses. */
export function familyTagsOf(rule: Rule): string[] {
  const names: string[] = [];
  const add = (text: string): void => {
    const name = decodeArchiveEscapes(text).trim();
    if (name && !name.includes('*') && !names.includes(name)) names.push(name);
  };
  if (rule.match.kind === 'tag' && rule.match.mode === 'exact') add(rule.match.text);
  for (const fandom of rule.scope?.fandoms ?? []) add(fandom);
  for (const tag of rule.exceptions?.tags ?? []) add(tag);
  return names;
}

/** The normalised names whose families some rule of `rules` uses. */
export function familyKeysOf(rules: readonly Rule[]): Set<string> {
  const keys = new Set<string>();
  for (const rule of rules) for (const name of familyTagsOf(rule)) keys.add(normalizeTagText(name));
  return keys;
}

/** The families `rules` use, as the rules mirror's one table; null when there are none. */
export function mirrorFamilies(rules: readonly Rule[], families: readonly TagFamily[]): FamilyMirror | null {
  if (families.length === 0) return null;
  const mirror = buildFamilyMirror(families, familyKeysOf(rules));
  return mirror.canonicals.length > 0 ? mirror : null;
}
