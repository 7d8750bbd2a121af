/**
 * Tags in blurbs: the fandom heading, the required-tags symbols and the
 * `ul.tags` list, including the "hide warnings / additional tags" placeholders.
 */
import type { HiddenTags, Tag, TagType } from './types';
import { classTokens, collapse, hasClass, pathOf, textOf } from './text';

export function tagFromLink(type: TagType, a: Element): Tag {
  const href = a.getAttribute('href');
  return { type, name: textOf(a), url: href ? pathOf(href) : null };
}

export interface Symbols {
  /** Every rating in the rating symbol's title (series can have several). */
  ratings: string[];
  warnings: string[];
  categories: string[];
  complete: boolean | null;
}

/** The title of a symbol lists full tag names joined by ", " (tag names never contain ", " in practice). */
function splitTitle(title: string): string[] {
  if (!title) return [];
  return title.includes(', ') ? title.split(', ').map(collapse).filter(Boolean) : [collapse(title)];
}

/**
 * `ul.required-tags`: four `span[title]`s told apart by class. When a work has
 * no category or rating the archive writes "No category" / "No rating".
 */
export function readSymbols(ul: Element | null): Symbols {
  const symbols: Symbols = { ratings: [], warnings: [], categories: [], complete: null };
  if (!ul) return symbols;
  // One query rather than a walk down `li > a > span`: a third of the wrappers.
  const spans = ul.querySelectorAll('span[title]');
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const cls = span.className;
    const title = span.getAttribute('title') ?? '';
    if (hasClass(cls, 'rating')) symbols.ratings = title === 'No rating' ? [] : splitTitle(title);
    else if (hasClass(cls, 'warnings')) symbols.warnings = splitTitle(title);
    else if (hasClass(cls, 'category')) symbols.categories = title === 'No category' ? [] : splitTitle(title);
    else if (hasClass(cls, 'iswip')) symbols.complete = hasClass(cls, 'complete-yes') ? true : hasClass(cls, 'complete-no') ? false : null;
  }
  return symbols;
}

/**
 * The tags of one type: their names, read at once (rules match them), and
 * the links they came from, whose URLs are read only when a record's `tags`
 * are (see lazy.ts). Symbol tags (ratings, categories) have no links.
 */
export interface TagLinks {
  type: TagType;
  names: string[];
  links: ArrayLike<Element> | null;
}

function tagLinks(type: TagType, links: ArrayLike<Element>): TagLinks {
  const names: string[] = [];
  for (let i = 0; i < links.length; i++) names.push(textOf(links[i]));
  return { type, names, links };
}

function symbolLinks(type: TagType, names: string[]): TagLinks {
  return { type, names, links: null };
}

/** Tag records, URLs included. */
function tagsOf({ type, names, links }: TagLinks): Tag[] {
  return names.map((name, i) => {
    const href = links?.[i]?.getAttribute('href');
    return { type, name, url: href ? pathOf(href) : null };
  });
}

export interface TagList {
  warnings: TagLinks;
  relationships: TagLinks;
  characters: TagLinks;
  freeforms: TagLinks;
  hidden: HiddenTags;
}

type ListKey = 'warnings' | 'relationships' | 'characters' | 'freeforms';
const LIST_TYPES = new Map<string, { type: TagType; key: ListKey }>([
  ['warnings', { type: 'warning', key: 'warnings' }],
  ['relationships', { type: 'relationship', key: 'relationships' }],
  ['characters', { type: 'character', key: 'characters' }],
  ['freeforms', { type: 'freeform', key: 'freeforms' }],
]);

/**
 * The "Show warnings" / "Show additional tags" link the archive puts in place
 * of those tags when the reader's preferences hide them:
 * `li#work_1_category_warnings > strong > a`. Unlike a tag it has no
 * `a.tag`. Returns which kind it hides, or null when it isn't one.
 */
export function hiddenTagPlaceholder(li: Element, a: Element | null): 'warnings' | 'freeforms' | null {
  const m = /_category_(\w+)$/.exec(li.id);
  if (m) return m[1] === 'freeforms' ? 'freeforms' : 'warnings';
  const text = textOf(a);
  if (/^Show warnings$/i.test(text)) return 'warnings';
  if (/^Show additional tags$/i.test(text)) return 'freeforms';
  return null;
}

function listType(li: Element): { type: TagType; key: ListKey } | undefined {
  const cls = li.className;
  const exact = LIST_TYPES.get(cls);
  if (exact) return exact;
  for (const token of classTokens(li)) {
    const kind = LIST_TYPES.get(token);
    if (kind) return kind;
  }
  return undefined;
}

/** `li > a`, or `li > strong > a` for warnings; a query only when skins or extensions moved it. */
function linkIn(li: Element): Element | null {
  let a = li.firstElementChild;
  if (a?.localName === 'strong') a = a.firstElementChild;
  return a?.localName === 'a' ? a : li.querySelector('a');
}

/**
 * `ul.tags.commas` of a blurb: one `li.<type>` per tag, each holding its
 * link. The hottest loop on a listing, so read with one query per type: the
 * links alone get wrappers, not their `li`s (see `readTagListByWalking`).
 */
export function readTagList(ul: Element | null): TagList {
  if (!ul) return readTagListByWalking(null);
  const warnings = ul.querySelectorAll('li.warnings a.tag');
  const relationships = ul.querySelectorAll('li.relationships a.tag');
  const characters = ul.querySelectorAll('li.characters a.tag');
  const freeforms = ul.querySelectorAll('li.freeforms a.tag');
  const found = warnings.length + relationships.length + characters.length + freeforms.length;
  // As many links and items as tags found: each item holds one tag and nothing
  // else (no "Show warnings" placeholder, no unknown item). Otherwise walk.
  if (ul.getElementsByTagName('a').length !== found || ul.children.length !== found) return readTagListByWalking(ul);
  return {
    warnings: tagLinks('warning', warnings),
    relationships: tagLinks('relationship', relationships),
    characters: tagLinks('character', characters),
    freeforms: tagLinks('freeform', freeforms),
    hidden: { warnings: false, freeforms: false },
  };
}

/** `readTagList` item by item: the first link of each `li`, placeholders noted. */
function readTagListByWalking(ul: Element | null): TagList {
  const links: Record<ListKey, Element[]> = { warnings: [], relationships: [], characters: [], freeforms: [] };
  const hidden: HiddenTags = { warnings: false, freeforms: false };
  for (let li = ul?.firstElementChild; li; li = li.nextElementSibling) {
    const a = linkIn(li);
    if (!a) continue;
    if (!hasClass(a.className, 'tag')) {
      const placeholder = hiddenTagPlaceholder(li, a);
      if (placeholder) hidden[placeholder] = true;
      continue;
    }
    const kind = listType(li);
    if (kind) links[kind.key].push(a);
  }
  return {
    warnings: tagLinks('warning', links.warnings),
    relationships: tagLinks('relationship', links.relationships),
    characters: tagLinks('character', links.characters),
    freeforms: tagLinks('freeform', links.freeforms),
    hidden,
  };
}

/** Fandom links in `h5.fandoms`. */
export function readFandoms(h5: Element | null): TagLinks {
  return tagLinks('fandom', h5 ? h5.querySelectorAll('a.tag') : []);
}

export function namesOf(tags: Tag[]): string[] {
  return tags.map((t) => t.name);
}

/** The tag fields every blurb record shares, assembled from the three sources. */
export interface BlurbTags {
  fandoms: string[];
  ratings: string[];
  warnings: string[];
  categories: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /** Every tag with its type and link, in page order: built when called (it reads every link's URL). */
  tags(): Tag[];
  complete: boolean | null;
  hiddenTags: HiddenTags;
}

/**
 * Ratings and categories come from the symbols (blurbs don't link them);
 * warnings from their tag links when shown, else from the warning symbol,
 * whose title still names them when the reader's preferences hide the links.
 */
export function assembleTags(fandoms: TagLinks, symbols: Symbols, list: TagList): BlurbTags {
  const warnings = list.warnings.names.length > 0 ? list.warnings : symbolLinks('warning', symbols.warnings);
  return {
    fandoms: fandoms.names,
    ratings: symbols.ratings,
    warnings: warnings.names,
    categories: symbols.categories,
    relationships: list.relationships.names,
    characters: list.characters.names,
    freeforms: list.freeforms.names,
    tags: () =>
      [
        fandoms,
        symbolLinks('rating', symbols.ratings),
        warnings,
        symbolLinks('category', symbols.categories),
        list.relationships,
        list.characters,
        list.freeforms,
      ].flatMap(tagsOf),
    complete: symbols.complete,
    hiddenTags: list.hidden,
  };
}
