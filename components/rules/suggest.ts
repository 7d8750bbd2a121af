/**
 * Tag suggestions for the editor: the tags on the current page first (what
 * the reader is looking at), then tags from the works store (`tags/suggest`).
 */
import type { TagType } from '../../utils/ao3/types';
import type { MessageKey } from '../../utils/i18n';
import { normalizeFreeText } from '../../utils/rules/normalize';
import { TAG_TYPES, subjectOf, type ClassifiableRecord } from '../../utils/rules/subject';
import type { TagSlot } from '../../utils/rules/types';

export interface TagSuggestion {
  name: string;
  type: TagType;
  /** Works carrying the tag: on this page, or in the works store. */
  count: number;
  /** Seen on the current page. */
  onPage?: boolean;
}

/** Every tag on the page's records, with how many records carry it, most frequent first. */
export function pageTags(records: readonly ClassifiableRecord[]): TagSuggestion[] {
  const found = new Map<string, TagSuggestion>();
  for (const record of records) {
    const subject = subjectOf(record);
    if (!subject) continue;
    for (const type of TAG_TYPES) {
      for (const name of new Set(subject.tags[type])) {
        const key = `${type}\u0000${name}`;
        const entry = found.get(key);
        if (entry) entry.count++;
        else found.set(key, { name, type, count: 1, onPage: true });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Names and queries compared as rules compare tags (invisible characters, width, case, spaces). */
const fold = normalizeFreeText;

/** 0: the name starts with the query; 1: a word in it does; 2: it contains the query elsewhere; null: no match. */
function rank(name: string, query: string): number | null {
  const folded = fold(name);
  if (query === '') return 0;
  if (folded.startsWith(query)) return 0;
  const at = folded.indexOf(query);
  if (at < 0) return null;
  return /[\s/&(|-]/.test(folded[at - 1] ?? '') ? 1 : 2;
}

/**
 * The page's tags and the store's, matching `query` in `slot`, best first,
 * each tag once (the page's count wins: it says what the reader sees).
 */
export function mergeSuggestions(
  query: string,
  slot: TagSlot,
  fromPage: readonly TagSuggestion[],
  fromStore: readonly TagSuggestion[],
  limit = 8,
): TagSuggestion[] {
  const wanted = fold(query);
  const seen = new Set<string>();
  const ranked: Array<{ tag: TagSuggestion; rank: number; source: number }> = [];
  for (const [source, list] of [fromPage, fromStore].entries()) {
    for (const tag of list) {
      if (slot !== 'any' && tag.type !== slot) continue;
      const key = `${tag.type}\u0000${fold(tag.name)}`;
      if (seen.has(key)) continue;
      const r = rank(tag.name, wanted);
      if (r === null) continue;
      seen.add(key);
      ranked.push({ tag, rank: r, source });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank || a.source - b.source || b.tag.count - a.tag.count || a.tag.name.localeCompare(b.tag.name));
  return ranked.slice(0, limit).map(({ tag }) => tag);
}

/** For lists typed as `a, b, c`: the entry being typed (after the last comma) and the text before it. */
export function lastListEntry(text: string): { before: string; entry: string } {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return { before: '', entry: text.trim() };
  return { before: text.slice(0, comma + 1), entry: text.slice(comma + 1).trim() };
}

/** The list with its last entry replaced by a chosen tag, ready for the next one. */
export function replaceLastEntry(text: string, tag: string): string {
  const { before } = lastListEntry(text);
  return `${before ? `${before} ` : ''}${tag}, `;
}

/** The message naming each kind of tag. */
export const TAG_TYPE_NAMES: Record<TagType, MessageKey> = {
  fandom: 'slotFandom',
  relationship: 'slotRelationship',
  character: 'slotCharacter',
  freeform: 'slotFreeform',
  warning: 'slotWarning',
  rating: 'slotRating',
  category: 'slotCategory',
};
