/**
 * A tag's own page (`/tags/NAME`, `#main.tags-show`): what the archive's
 * wrangling says about the tag. The template (otwarchive
 * `app/views/tags/show.html.erb`) draws, inside `div.tag.home.profile`:
 *
 * - `h2.heading`: the tag's name;
 * - a `p`: "This tag belongs to the Additional Tags Category. It's a
 *   <a href=/faq/glossary#canonicaldef>canonical tag</a>…";
 * - `div.parent.listbox` ("Parent tags (more general)") and
 *   `div.synonym.listbox` ("Tags with the same meaning"): `ul.tags > li > a.tag`;
 * - `div.merger`: "X has been made a synonym of <a class=tag>Angst</a>";
 * - `div.meta.listbox` ("Metatags") and `div.sub.listbox` ("Subtags"): trees
 *   of nested `ul.tags.tree > li > a.tag + ul.tags.tree`;
 * - `div.child.listbox`: characters, relationships and freeforms of a fandom
 *   (not subtags: the archive's filter does not include them; not read);
 * - `div.work.listbox`: an unfilterable tag's works (read as blurbs elsewhere).
 *
 * Pure and total: markup it does not know gives empty lists and null, never
 * an exception.
 */
import type { TagCategory, TagPage, TagTreeEntry } from './types';
import { collapse, tagNameFromUrl, textOf } from './text';

const CATEGORIES: Record<string, TagCategory> = {
  rating: 'rating',
  'archive warning': 'warning',
  warning: 'warning',
  category: 'category',
  fandom: 'fandom',
  relationship: 'relationship',
  character: 'character',
  'additional tags': 'freeform',
  'additional tag': 'freeform',
  freeform: 'freeform',
  media: 'media',
  unsorted: 'unsorted',
  'unsorted tag': 'unsorted',
};

/** A tag link's name: its text, or (an empty link) the name its address carries. */
function linkName(a: Element): string {
  const text = textOf(a);
  if (text) return text;
  const href = a.getAttribute('href');
  return href && /\/tags\//.test(href) ? collapse(tagNameFromUrl(href)) : '';
}

function childElements(el: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName.toLowerCase() === tag) out.push(child);
  }
  return out;
}

/** The `div.<kind>.listbox` boxes of the profile (the template's class names). */
function listboxes(root: Element, kind: string): Element[] {
  return Array.from(root.querySelectorAll(`div.${kind}.listbox`));
}

/** Every tag name linked in a flat list box, once each, in page order. */
function namesIn(boxes: Element[]): string[] {
  const seen = new Set<string>();
  for (const box of boxes) {
    for (const a of Array.from(box.querySelectorAll('a.tag'))) {
      const name = linkName(a);
      if (name) seen.add(name);
    }
  }
  return [...seen];
}

/**
 * A tree of `ul > li > a.tag (+ ul)`: each tag with the one it is drawn under.
 * A tag drawn under two parents (the archive allows several metatags) is
 * there once per parent; the same pair twice, once.
 */
function treeEntries(ul: Element, parent: string, out: TagTreeEntry[], seen: Set<string>, depth = 0): void {
  if (depth > 50) return;
  for (const li of childElements(ul, 'li')) {
    const a = childElements(li, 'a').find((el) => el.classList.contains('tag')) ?? li.querySelector('a.tag');
    const name = a ? linkName(a) : '';
    const key = `${parent}\u0000${name}`;
    if (name && name !== parent && !seen.has(key)) {
      seen.add(key);
      out.push({ name, parent });
    }
    for (const nested of childElements(li, 'ul')) treeEntries(nested, name || parent, out, seen, depth + 1);
  }
}

function treeIn(boxes: Element[], root: string): TagTreeEntry[] {
  const out: TagTreeEntry[] = [];
  const seen = new Set<string>();
  for (const box of boxes) {
    for (const ul of childElements(box, 'ul')) treeEntries(ul, root, out, seen);
  }
  return out;
}

function readCategory(profile: Element): TagCategory | null {
  for (const p of Array.from(profile.querySelectorAll('p'))) {
    const m = /belongs to the (.+?) Category/i.exec(textOf(p));
    if (m) return CATEGORIES[m[1]!.toLowerCase()] ?? null;
  }
  return null;
}

function isCanonical(profile: Element): boolean {
  if (profile.querySelector('a[href*="canonicaldef"]')) return true;
  return Array.from(profile.querySelectorAll('p')).some((p) => /\bIt's a canonical tag\b/i.test(textOf(p).replace(/\u2019/g, "'")));
}

/** The name the page is for: its heading, else the name in its URL. */
function readName(main: Element, url: string | null | undefined): string {
  const heading = textOf(main.querySelector('.tag.profile h2.heading, .tag.home h2.heading, h2.heading'));
  if (heading) return heading;
  return url ? collapse(tagNameFromUrl(url)) : '';
}

/**
 * Reads a tag's page. `main` is `#main` (a `tags-show` page); `url` is where
 * it was served, used only when the page shows no name.
 */
export function readTagPage(main: Element, url?: string | null): TagPage {
  const profile = main.querySelector('div.tag.profile, div.tag.home') ?? main;
  const name = readName(main, url);
  const merger = profile.querySelector('div.merger a.tag');
  const synonymOf = merger ? linkName(merger) || null : null;
  return {
    name,
    category: readCategory(profile),
    canonical: synonymOf === null && isCanonical(profile),
    synonymOf,
    synonyms: namesIn(listboxes(profile, 'synonym')).filter((n) => n !== name),
    subtags: treeIn(listboxes(profile, 'sub'), name),
    metatags: [...new Set(treeIn(listboxes(profile, 'meta'), name).map((entry) => entry.name))],
    parents: namesIn(listboxes(profile, 'parent')),
  };
}
