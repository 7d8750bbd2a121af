/**
 * Tag suggestions for the rule editor, from the works store: the tags of the
 * works the reader visited most recently, most frequent first. Bounded to a
 * few hundred works so a suggestion costs the same with 100 works or 100,000.
 */
import type { TagType } from '../ao3/types';
import { normalizeFreeText } from '../rules/normalize';
import type { ShelfmarkDb } from './schema';
import { factsOf } from './stored-work';
import type { WorkRecord } from './types';

export interface TagSuggestion {
  name: string;
  type: TagType;
  /** How many of the scanned works carry the tag. */
  count: number;
}

export interface SuggestQuery {
  prefix: string;
  slot?: TagType | 'any';
  limit?: number;
}

/** How many recently visited works are scanned for tags. */
export const SCANNED_WORKS = 400;
const DEFAULT_LIMIT = 10;

function tagsOf(work: WorkRecord): Array<[TagType, string]> {
  const tags: Array<[TagType, string]> = work.fandoms.map((name) => ['fandom', name]);
  if (work.rating) tags.push(['rating', work.rating]);
  for (const type of ['warning', 'category', 'relationship', 'character', 'freeform'] as const) {
    for (const name of work.tags[type]) tags.push([type, name]);
  }
  return tags;
}

export async function suggestTags(db: ShelfmarkDb, query: SuggestQuery): Promise<TagSuggestion[]> {
  // Compared as rules compare tags: invisible characters, width and case don't keep a tag from being suggested.
  const needle = normalizeFreeText(query.prefix);
  const slot = query.slot ?? 'any';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const found = new Map<string, TagSuggestion & { startsWith: boolean }>();

  const recent: WorkRecord[] = [];
  const tx = db.transaction('works', 'readonly');
  let cursor = await tx.store.index('lastVisit').openCursor(null, 'prev');
  while (cursor && recent.length < SCANNED_WORKS) {
    const work = factsOf(cursor.value);
    if (work) recent.push(work);
    cursor = await cursor.continue();
  }
  await tx.done;

  for (const work of recent) {
    for (const [type, name] of tagsOf(work)) {
      if (slot !== 'any' && type !== slot) continue;
      const lower = normalizeFreeText(name);
      const at = needle ? lower.indexOf(needle) : 0;
      if (at < 0) continue;
      const key = `${type}\u0000${lower}`;
      const entry = found.get(key);
      if (entry) entry.count++;
      else found.set(key, { name, type, count: 1, startsWith: at === 0 });
    }
  }
  return [...found.values()]
    .sort((a, b) => Number(b.startsWith) - Number(a.startsWith) || b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name, type, count }) => ({ name, type, count }));
}
