/**
 * Tags in blurbs: the fandom heading, the required-tags symbols and the
 * `ul.tags` list, including the "hide warnings / additional tags" placeholders.
 */
import type { HiddenTags, Tag, TagType } from './types';
import { collapse, pathOf, textOf } from './text';

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

/** `li > a.symbol > span[title]`, walked directly; a query only if the markup differs. */
function symbolSpans(ul: Element): Iterable<Element> {
  const spans: Element[] = [];
  for (let li = ul.firstElementChild; li; li = li.nextElementSibling) {
    const span = li.firstElementChild?.firstElementChild;
    if (!span?.hasAttribute('title')) return ul.querySelectorAll('span[title]');
    spans.push(span);
  }
  return spans;
}

/**
 * `ul.required-tags`: four `span[title]`s told apart by class. When a work has
 * no category or rating the archive writes "No category" / "No rating".
 */
export function readSymbols(ul: Element | null): Symbols {
  const symbols: Symbols = { ratings: [], warnings: [], categories: [], complete: null };
  if (!ul) return symbols;
  for (const span of symbolSpans(ul)) {
    const cls = span.classList;
    const title = span.getAttribute('title') ?? '';
    if (cls.contains('rating')) symbols.ratings = title === 'No rating' ? [] : splitTitle(title);
    else if (cls.contains('warnings')) symbols.warnings = splitTitle(title);
    else if (cls.contains('category')) symbols.categories = title === 'No category' ? [] : splitTitle(title);
    else if (cls.contains('iswip')) symbols.complete = cls.contains('complete-yes') ? true : cls.contains('complete-no') ? false : null;
  }
  return symbols;
}

export interface TagList {
  warnings: Tag[];
  relationships: Tag[];
  characters: Tag[];
  freeforms: Tag[];
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
  const exact = LIST_TYPES.get(li.className);
  if (exact) return exact;
  for (const c of li.classList) {
    const kind = LIST_TYPES.get(c);
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

/** `ul.tags.commas` of a blurb: one `li.<type>` per tag. The hottest loop on a listing. */
export function readTagList(ul: Element | null): TagList {
  const list: TagList = {
    warnings: [],
    relationships: [],
    characters: [],
    freeforms: [],
    hidden: { warnings: false, freeforms: false },
  };
  if (!ul) return list;
  for (let li = ul.firstElementChild; li; li = li.nextElementSibling) {
    const a = linkIn(li);
    if (!a) continue;
    if (!a.classList.contains('tag')) {
      const placeholder = hiddenTagPlaceholder(li, a);
      if (placeholder) list.hidden[placeholder] = true;
      continue;
    }
    const kind = listType(li);
    if (kind) list[kind.key].push(tagFromLink(kind.type, a));
  }
  return list;
}

/** Fandom links in `h5.fandoms`. */
export function readFandoms(h5: Element | null): Tag[] {
  if (!h5) return [];
  return Array.from(h5.querySelectorAll('a.tag'), (a) => tagFromLink('fandom', a));
}

export function namesOf(tags: Tag[]): string[] {
  return tags.map((t) => t.name);
}

export function symbolTags(type: TagType, names: string[]): Tag[] {
  return names.map((name) => ({ type, name, url: null }));
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
  tags: Tag[];
  complete: boolean | null;
  hiddenTags: HiddenTags;
}

/**
 * Ratings and categories come from the symbols (blurbs don't link them);
 * warnings from their tag links when shown, else from the warning symbol,
 * whose title still names them when the reader's preferences hide the links.
 */
export function assembleTags(fandomTags: Tag[], symbols: Symbols, list: TagList): BlurbTags {
  const warningTags = list.warnings.length > 0 ? list.warnings : symbolTags('warning', symbols.warnings);
  const ratingTags = symbolTags('rating', symbols.ratings);
  const categoryTags = symbolTags('category', symbols.categories);
  return {
    fandoms: namesOf(fandomTags),
    ratings: symbols.ratings,
    warnings: namesOf(warningTags),
    categories: symbols.categories,
    relationships: namesOf(list.relationships),
    characters: namesOf(list.characters),
    freeforms: namesOf(list.freeforms),
    tags: [
      ...fandomTags,
      ...ratingTags,
      ...warningTags,
      ...categoryTags,
      ...list.relationships,
      ...list.characters,
      ...list.freeforms,
    ],
    complete: symbols.complete,
    hiddenTags: list.hidden,
  };
}
