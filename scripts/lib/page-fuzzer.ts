/**
 * A seeded mutator of real archive pages, for fuzzing the page model.
 *
 * Each real page is read once into a `FuzzSource`: the page cut down to what
 * the page model reads (the body's class, the greeting, `#main` less the
 * parts it never reads) with its blurbs taken out as separate pieces of markup. A case puts a few of those
 * blurbs back (some twice, in any order), parses the result and applies a
 * handful of mutations to `#main`: nodes dropped, duplicated and moved,
 * classes stripped or swapped for other archive classes, numbers and dates
 * garbled, odd Unicode and right-to-left text, ~100k-character tags, blurbs
 * wrapped in unexpected elements. The same seed always gives the same case.
 */
import { randomSequence } from './random';
import { parseArchiveHtml } from './html';

export interface FuzzSource {
  file: string;
  url: string;
  /** `#main`'s markup up to where the blurbs were (all of it for pages without blurbs). */
  before: string;
  after: string;
  blurbs: string[];
  bodyClass: string;
  greeting: string;
}

export interface FuzzCase {
  seed: number;
  source: FuzzSource;
  doc: Document;
  /** What was done, in order, for failure reports. */
  mutations: string[];
}

export type Random = () => number;

const BLURB_SLOT = 'shelfmark-fuzz-blurbs';

/**
 * A saved page's own markup, to be parsed again into cases: serialising is
 * not what the lint rule guards against (page text becoming markup in the
 * extension), and nothing here runs in the extension.
 */
function markupOf(el: Element): string {
  // eslint-disable-next-line no-restricted-properties
  return el.outerHTML;
}

/** Cuts a parsed real page into a fuzz source (taking its blurbs out of `doc`). Blurbs nested in another blurb stay part of it. */
export function fuzzSource(file: string, url: string, doc: Document): FuzzSource {
  const main = doc.getElementById('main');
  const body = doc.querySelector('body');
  const greeting = doc.getElementById('greeting');
  const source = { file, url, bodyClass: body?.getAttribute('class') ?? '', greeting: greeting ? markupOf(greeting) : '' };
  if (!main) return { ...source, before: '<div id="main"></div>', after: '', blurbs: [] };
  dropUnread(main);
  const blurbs = Array.from(main.querySelectorAll('li.blurb')).filter((li) => !li.parentElement?.closest('li.blurb'));
  if (blurbs.length === 0) return { ...source, before: markupOf(main), after: '', blurbs: [] };
  blurbs[0]!.before(doc.createComment(BLURB_SLOT));
  const markup = blurbs.map(markupOf);
  for (const li of blurbs) li.remove();
  const [before, after = ''] = markupOf(main).split(`<!--${BLURB_SLOT}-->`);
  return { ...source, before: before!, after, blurbs: markup };
}

/**
 * Keeps cases small (linkedom parses every one): the filter sidebar, the
 * comments and chapter text past a few paragraphs are not read by the page
 * model, and are two thirds of a page's markup.
 */
function dropUnread(main: Element): void {
  for (const el of main.querySelectorAll('form.filters, #feedback')) el.remove();
  for (const text of main.querySelectorAll('#chapters .userstuff')) {
    while (text.children.length > 3) text.lastElementChild!.remove();
  }
}

const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** The case for `seed`: same seed, same source, same document, same mutations. */
export function fuzzCase(sources: readonly FuzzSource[], seed: number): FuzzCase {
  const random = randomSequence(seed);
  const source = pick(random, sources);
  const chosen: string[] = [];
  if (source.blurbs.length > 0) {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) chosen.push(pick(random, source.blurbs));
  }
  const html =
    `<!DOCTYPE html><html><head><title>fuzz</title></head><body class="${attribute(source.bodyClass)}">` +
    `<div id="header">${source.greeting}</div>${source.before}${chosen.join('')}${source.after}</body></html>`;
  const doc = parseArchiveHtml(html);
  const mutations: string[] = [];
  const main = doc.getElementById('main');
  if (main) {
    const count = 1 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) mutations.push(mutate(random, doc, main));
  }
  return { seed, source, doc, mutations };
}

/** Where mutations land most often: the parts the page model reads. */
const INTERESTING = [
  'li.blurb', 'a.tag', 'h4.heading a', 'a[rel="author"]', 'h5.fandoms', 'ul.required-tags span[title]', 'ul.tags > li',
  'p.datetime', 'dl.stats dd', 'dl.work.meta dd', 'blockquote.summary', 'ul.series li', 'div.header', 'dd.chapters a',
];

function target(random: Random, main: Element): Element | null {
  const pool = random() < 0.6 ? main.querySelectorAll(pick(random, INTERESTING)) : main.querySelectorAll('*');
  return pool.length > 0 ? pool[Math.floor(random() * pool.length)]! : null;
}

function describeElement(el: Element): string {
  const cls = el.getAttribute('class');
  return `${el.localName}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}`;
}

type Mutation = (random: Random, doc: Document, main: Element) => string;

/** Class names the archive uses elsewhere: swapping one in moves a part to where another part belongs. */
const ARCHIVE_CLASSES = [
  'work', 'series', 'bookmark', 'blurb', 'mystery', 'deleted', 'warnings', 'freeforms', 'relationships', 'characters',
  'fandoms', 'tags', 'rating', 'category', 'iswip', 'complete-yes', 'complete-no', 'header', 'module', 'user', 'stats',
  'summary', 'datetime', 'words', 'chapters', 'kudos', 'hits', 'language', 'heading', 'required-tags', 'own', 'short',
];

const dropNode: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  if (!el) return 'drop: nothing';
  el.remove();
  return `drop ${describeElement(el)}`;
};

const duplicateNode: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  if (!el) return 'duplicate: nothing';
  el.after(el.cloneNode(true));
  return `duplicate ${describeElement(el)}`;
};

const reorderNodes: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  if (!el) return 'reorder: nothing';
  if (random() < 0.5 && el.parentElement) {
    const children = Array.from(el.parentElement.children);
    for (let i = children.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [children[i], children[j]] = [children[j]!, children[i]!];
    }
    el.parentElement.append(...children);
    return `shuffle the children of ${describeElement(el.parentElement)}`;
  }
  const destination = target(random, main) ?? main;
  if (el.contains(destination)) return 'move: into itself, skipped';
  destination.append(el);
  return `move ${describeElement(el)} into ${describeElement(destination)}`;
};

const stripClasses: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  if (!el) return 'strip classes: nothing';
  const was = describeElement(el);
  el.removeAttribute('class');
  return `strip the classes of ${was}`;
};

const renameClass: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  const tokens = el?.getAttribute('class')?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (!el || tokens.length === 0) return 'rename class: nothing';
  const index = Math.floor(random() * tokens.length);
  const old = tokens[index]!;
  const replacement = random() < 0.6 ? pick(random, ARCHIVE_CLASSES) : `${old}${pick(random, ['x', '-', '_old', 'S', ''])}${Math.floor(random() * 10)}`;
  tokens[index] = replacement;
  el.setAttribute('class', tokens.join(random() < 0.2 ? '\t\n ' : ' '));
  return `rename class ${old} → ${replacement} on ${el.localName}`;
};

/** Text nodes under `root`, optionally only those whose text matches. */
function textNodes(root: Element, test?: RegExp): Text[] {
  const found: Text[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!test || test.test(child.nodeValue ?? '')) found.push(child as Text);
      } else if (child.nodeType === 1) visit(child);
    }
  };
  visit(root);
  return found;
}

const GARBLED_NUMBERS = [
  '', '-1', '0', '1e309', 'NaN', 'Infinity', '12,3a5', '1,2,3', '١٢٣', '１２３', '99999999999999999999999', '3.14',
  '1 234 567', '½', '007', ',', '1,000,', '0x1F', '2/', '/3', '?/?', '5/3', '1/1/1', '−12',
];

const garbleNumber: Mutation = (random, _doc, main) => {
  const nodes = textNodes(main, /\d/);
  if (nodes.length === 0) return 'garble number: nothing';
  const node = pick(random, nodes);
  const was = node.nodeValue ?? '';
  const replacement = pick(random, GARBLED_NUMBERS);
  node.nodeValue = random() < 0.5 ? was.replace(/[\d,]+/, replacement) : replacement;
  return `garble number "${was.trim().slice(0, 30)}" → "${node.nodeValue.trim().slice(0, 30)}"`;
};

const GARBLED_DATES = [
  '31 Feb 2020', '2020-13-45', '00 Jan 0000', '9999-99-99', 'yesterday', '32 Smarch 2019', '2019-02-29', '1 Jan 275760',
  '-1 days ago', '10 years ago', 'Updated: ', '2024-1-1', '29 Feb 2023', '01 Jan 1900', '30 Apr 2030',
];

const garbleDate: Mutation = (random, _doc, main) => {
  const nodes = textNodes(main, /\d{4}|ago/);
  if (nodes.length === 0) return 'garble date: nothing';
  const node = pick(random, nodes);
  const was = node.nodeValue ?? '';
  node.nodeValue = pick(random, GARBLED_DATES);
  return `garble date "${was.trim().slice(0, 30)}" → "${node.nodeValue}"`;
};

const ODD_TEXT = [
  '\u202eRTL override\u202c', 'שלום עולם', 'مرحبا بالعالم', '\u200b\u200c\u200d', '\ufeff', '\ud800', '\udfff',
  'e\u0301\u0301\u0301', 'Ｆｕｌｌ ｗｉｄｔｈ', 'ﬁ ligature', '👩‍👩‍👧‍👦', '\u0000', '\u2028\u2029', '\u00a0\u00a0',
  'Z̷̢̛a̶l̸g̵o̴', '<script>alert(1)</script>', '&amp;&lt;', '*s*', '%2F', '\u061c', 'İı', 'ß', '\u{1F600}',
];

const oddUnicode: Mutation = (random, _doc, main) => {
  const nodes = textNodes(main, /\S/);
  if (nodes.length === 0) return 'odd unicode: nothing';
  const node = pick(random, nodes);
  const odd = pick(random, ODD_TEXT);
  const was = node.nodeValue ?? '';
  const mode = Math.floor(random() * 3);
  node.nodeValue = mode === 0 ? odd : mode === 1 ? `${odd}${was}` : `${was}${odd}`;
  return `odd text ${JSON.stringify(odd)} ${['replaces', 'before', 'after'][mode]} "${was.trim().slice(0, 30)}"`;
};

export const LONG_TAG_LENGTH = 100_000;

const longTag: Mutation = (random, _doc, main) => {
  const tags = main.querySelectorAll(random() < 0.8 ? 'a.tag' : 'a, span[title], h4, dd');
  if (tags.length === 0) return 'long tag: nothing';
  const el = tags[Math.floor(random() * tags.length)]!;
  const unit = pick(random, ['a', 'Angst ', 'ab', 'é', 'שׁ', '🙂', 'a,']);
  const text = unit.repeat(Math.ceil(LONG_TAG_LENGTH / unit.length));
  el.textContent = text;
  if (el.hasAttribute('title')) el.setAttribute('title', text);
  return `long text (${text.length} characters of ${JSON.stringify(unit)}) in ${describeElement(el)}`;
};

const WRAPPERS = ['div', 'span', 'section', 'ol', 'ul', 'table', 'li', 'details', 'x-custom', 'p', 'blockquote', 'form'];

const wrapBlurb: Mutation = (random, doc, main) => {
  const blurbs = main.querySelectorAll(random() < 0.7 ? 'li.blurb' : 'li.blurb *');
  if (blurbs.length === 0) return 'wrap: nothing';
  const el = blurbs[Math.floor(random() * blurbs.length)]!;
  const outer = doc.createElement(pick(random, WRAPPERS));
  if (random() < 0.4) outer.setAttribute('class', pick(random, ['blurb', 'module', 'work blurb group', 'header module', 'bookmark', 'index group', 'userstuff']));
  let inner: Element = outer;
  if (random() < 0.3) {
    inner = doc.createElement(pick(random, WRAPPERS));
    outer.append(inner);
  }
  el.before(outer);
  inner.append(el);
  return `wrap ${describeElement(el)} in ${describeElement(outer)}${inner === outer ? '' : ` > ${inner.localName}`}`;
};

const GARBLED_HREFS = [
  '/works/abc', '/works/-1', '/works/1e5', '/works/', 'javascript:alert(1)', '/works/99999999999999999999', '//evil.example/works/5',
  '/series/x', '/users/', '/users/%E0%A4%A/pseuds/x', '/tags/%/works', '', '#', '/works/12/chapters/abc', 'https://archiveofourown.org/works/7',
];

const garbleAttribute: Mutation = (random, _doc, main) => {
  const el = target(random, main);
  if (!el) return 'garble attribute: nothing';
  const name = el.hasAttribute('href') ? 'href' : el.hasAttribute('title') ? 'title' : pick(random, ['id', 'href', 'title', 'lang']);
  const value = name === 'id' ? pick(random, ['work_NaN', 'work_-5', 'work_', 'series_1e3', 'bookmark_x', '']) : pick(random, GARBLED_HREFS);
  el.setAttribute(name, value);
  return `${name}="${value}" on ${describeElement(el)}`;
};

const FOREIGN = [
  '<!-- updated_at=abc -->', '<!-- updated_at=99999999999999999999 -->', '<script>document.title = "x"</script>',
  '<svg><a class="tag">svg tag</a></svg>', '<template><li class="work blurb"></li></template>', '<math><mi>x</mi></math>',
  '<li class="blurb work" id="work_1"></li>', '<h4 class="heading"></h4>', '<dl class="stats"><dd class="words">x</dd></dl>',
];

const insertForeign: Mutation = (random, doc, main) => {
  const el = target(random, main) ?? main;
  // The fuzzer's own fixed markup, parsed apart and imported: never page or user text.
  const markup = pick(random, FOREIGN);
  const parsed = parseArchiveHtml(`<!DOCTYPE html><html><body>${markup}</body></html>`).querySelector('body');
  const nodes = parsed ? Array.from(parsed.childNodes) : [];
  for (const node of nodes) el.append(doc.importNode(node, true));
  return `insert ${markup} into ${describeElement(el)}`;
};

const emptyText: Mutation = (random, _doc, main) => {
  const nodes = textNodes(main, /\S/);
  if (nodes.length === 0) return 'empty text: nothing';
  const node = pick(random, nodes);
  const was = node.nodeValue ?? '';
  node.nodeValue = pick(random, ['', ' ', '\n\t', '\u00a0']);
  return `empty the text "${was.trim().slice(0, 30)}"`;
};

const MUTATIONS: Mutation[] = [
  dropNode, duplicateNode, reorderNodes, stripClasses, renameClass, garbleNumber, garbleDate, oddUnicode, longTag, wrapBlurb,
  garbleAttribute, insertForeign, emptyText,
];

function mutate(random: Random, doc: Document, main: Element): string {
  return pick(random, MUTATIONS)(random, doc, main);
}
