/**
 * Learns a tag's family (tag-family.ts) from the archive's tag pages, as the
 * archive's own filter sees it: the canonical tag, its synonyms, its subtags
 * and theirs. Pure: the pages come from an injected loader (the background
 * fetches them from the archive, `npm run inspect` reads saved files, tests
 * read the shared set), so the walk is the same everywhere.
 *
 * The walk: read `/tags/NAME`; when it is a synonym, read its canonical tag's
 * page once (never further: a canonical tag is not a synonym); take the
 * canonical's synonyms and its subtag tree; then read each subtag's page,
 * breadth first in the tree's order, for its own synonyms and any subtags the
 * tree did not draw — down to `maxDepth` levels and at most `maxPages` pages
 * in all. Whatever it could not read leaves `complete: false`.
 */
import type { TagPage, TagTreeEntry } from '../ao3/types';
import type { TagFamily, TagSubtag } from './tag-family';

/** What loading one tag's page gave. */
export type TagPageResult =
  /** The page, read. */
  | { status: 'ok'; page: TagPage }
  /** The archive has no such tag (404), or the saved set has no page for it. */
  | { status: 'missing' }
  /** It could not be read now (offline, refused, rate-limited, unreadable markup). */
  | { status: 'failed'; error: string };

export type TagPageLoader = (name: string) => Promise<TagPageResult>;

export interface LearnOptions {
  /** Tag pages read at most for one family, the first one included. Default 25. */
  maxPages?: number;
  /** How many levels of subtags get their pages read (1: the canonical's own subtags). Default 3. */
  maxDepth?: number;
  /** After each page: pages read so far and the pages the walk now expects to read. */
  onProgress?: (done: number, total: number) => void;
  /** The clock for `learnedAt`. */
  now?: () => number;
}

export type LearnResult =
  | { ok: true; family: TagFamily }
  /** Not even the tag's own page could be read: nothing learned (keep any family learned before). */
  | { ok: false; status: 'missing' | 'failed'; error?: string };

export const MAX_FAMILY_PAGES = 25;
export const MAX_SUBTAG_DEPTH = 3;

interface Pending {
  name: string;
  depth: number;
}

/** Tag names compared as the archive does for identity: case and spacing aside. */
function sameTag(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export async function learnTagFamily(name: string, loadPage: TagPageLoader, options: LearnOptions = {}): Promise<LearnResult> {
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? MAX_FAMILY_PAGES));
  const maxDepth = Math.max(0, Math.floor(options.maxDepth ?? MAX_SUBTAG_DEPTH));
  const now = options.now ?? Date.now;
  let pages = 0;
  let expected = 1;
  const progress = (): void => options.onProgress?.(pages, Math.max(pages, Math.min(expected, maxPages)));

  const load = async (tag: string): Promise<TagPageResult> => {
    let result: TagPageResult;
    try {
      result = await loadPage(tag);
    } catch (error) {
      result = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    pages++;
    progress();
    return result;
  };

  const first = await load(name);
  if (first.status !== 'ok') return first.status === 'missing' ? { ok: false, status: 'missing' } : { ok: false, status: 'failed', error: first.error };
  const own = first.page;
  const ownName = own.name || name;
  let complete = true;

  let canonicalPage: TagPage | null = own;
  let canonical = ownName;
  if (own.synonymOf && !sameTag(own.synonymOf, ownName)) {
    canonical = own.synonymOf;
    expected++;
    if (pages >= maxPages) {
      canonicalPage = null;
      complete = false;
    } else {
      const second = await load(canonical);
      canonicalPage = second.status === 'ok' ? second.page : null;
      if (!canonicalPage) complete = false;
    }
  }

  const synonyms = new NameList(canonical);
  if (!sameTag(ownName, canonical)) synonyms.add(ownName);
  for (const synonym of canonicalPage?.synonyms ?? []) synonyms.add(synonym);

  // The tree the canonical's page draws, each entry with its depth.
  const entries: Array<TagTreeEntry & { depth: number }> = [];
  const depthOf = new Map<string, number>([[canonical.toLowerCase(), 0]]);
  const addEntries = (tree: readonly TagTreeEntry[], root: string): Pending[] => {
    const found: Pending[] = [];
    const seen = new Set(entries.map((e) => `${e.parent.toLowerCase()}\u0000${e.name.toLowerCase()}`));
    for (const entry of tree) {
      const parent = sameTag(entry.parent, canonicalPage?.name ?? '') || sameTag(entry.parent, root) ? root : entry.parent;
      const key = `${parent.toLowerCase()}\u0000${entry.name.toLowerCase()}`;
      if (seen.has(key) || sameTag(entry.name, canonical)) continue;
      seen.add(key);
      const depth = (depthOf.get(parent.toLowerCase()) ?? 0) + 1;
      entries.push({ name: entry.name, parent, depth });
      if (!depthOf.has(entry.name.toLowerCase())) {
        depthOf.set(entry.name.toLowerCase(), depth);
        found.push({ name: entry.name, depth });
      }
    }
    return found;
  };
  const queue: Pending[] = canonicalPage ? addEntries(canonicalPage.subtags, canonical) : [];
  const subtagSynonyms = new Map<string, string[]>();

  const readable = (p: Pending): boolean => p.depth <= maxDepth;
  expected += queue.filter(readable).length;
  progress();
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (!readable(next)) {
      complete = false;
      continue;
    }
    if (pages >= maxPages) {
      complete = false;
      break;
    }
    const result = await load(next.name);
    if (result.status !== 'ok') {
      complete = false;
      continue;
    }
    subtagSynonyms.set(next.name.toLowerCase(), result.page.synonyms.filter((s) => !sameTag(s, next.name)));
    const deeper = addEntries(
      result.page.subtags.map((e) => ({ name: e.name, parent: sameTag(e.parent, result.page.name) ? next.name : e.parent })),
      next.name,
    );
    queue.push(...deeper);
    expected += deeper.filter(readable).length;
    progress();
  }

  const subtags: TagSubtag[] = entries.map(({ name: subtag, parent }) => ({
    name: subtag,
    parent,
    synonyms: subtagSynonyms.get(subtag.toLowerCase()) ?? [],
  }));
  return {
    ok: true,
    family: {
      name: ownName,
      canonical,
      synonyms: synonyms.list(),
      subtags,
      learnedAt: now(),
      pages,
      complete,
    },
  };
}

/** Names in first-seen order, once each (case aside), leaving out `exclude`. */
class NameList {
  private readonly seen = new Set<string>();
  private readonly names: string[] = [];

  constructor(exclude: string) {
    this.seen.add(exclude.trim().toLowerCase());
  }

  add(name: string): void {
    const key = name.trim().toLowerCase();
    if (!key || this.seen.has(key)) return;
    this.seen.add(key);
    this.names.push(name);
  }

  list(): string[] {
    return this.names;
  }
}
