/**
 * The page fuzzer's oracle: does a rule's reason for hiding a work rest on
 * data the blurb's own markup shows? Deliberately not the page model: it
 * reads the blurb element directly, by class names and text alone (a tag
 * counts in a slot when an element inside the slot's class shows its text),
 * so a page-model bug that invents, moves or misreads data shows up as a
 * reason with nothing behind it.
 */
import { tagNameFromUrl } from '../../utils/ao3/text';
import type { TagType } from '../../utils/ao3/types';
import { normalizeFreeText, normalizeTagText } from '../../utils/rules/normalize';
import { testCapped } from '../../utils/rules/regex-safety';
import { TagPatternSet, compileTagPattern } from '../../utils/rules/tag-pattern';
import { cutoffDate } from '../../utils/rules/traits';
import type { Range, Rule, TagMatch, TagSlot, Trait } from '../../utils/rules/types';
import { matchesWildcard } from '../../utils/rules/wildcard';

/** Where to look: the blurb element (or a work page's `#main`), and for work pages the page's URL. */
export interface Evidence {
  root: Element;
  url: string | null;
}

/** Class tokens that mark each tag slot, in blurbs (`li.freeforms`, `span.warnings`) and on work pages (`dd.freeform`). */
const SLOT_CLASSES: Record<TagType, string[]> = {
  fandom: ['fandoms', 'fandom'],
  relationship: ['relationships', 'relationship'],
  character: ['characters', 'character'],
  freeform: ['freeforms', 'freeform'],
  warning: ['warnings', 'warning'],
  rating: ['rating'],
  category: ['category'],
};
const ALL_SLOTS = Object.keys(SLOT_CLASSES) as TagType[];

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

const tokensCache = new WeakMap<Element, string[]>();
function tokens(el: Element): string[] {
  let found = tokensCache.get(el);
  if (!found) tokensCache.set(el, (found = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)));
  return found;
}

/** `el` and its ancestors up to and including `root`. */
function* upTo(el: Element, root: Element): Generator<Element> {
  for (let at: Element | null = el; at; at = at.parentElement) {
    yield at;
    if (at === root) return;
  }
}

/** The root and everything under it; the markup does not change while it is checked, so once per root. */
const elementsCache = new WeakMap<Element, Element[]>();
function elementsOf(root: Element): Element[] {
  let elements = elementsCache.get(root);
  if (!elements) elementsCache.set(root, (elements = [root, ...Array.from(root.querySelectorAll('*'))]));
  return elements;
}

/** Whether `el`, or an element between it and `root`, carries one of `classes`. */
function withinClasses(el: Element, root: Element, classes: readonly string[]): boolean {
  return [...upTo(el, root)].some((at) => tokens(at).some((token) => classes.includes(token)));
}

/** Every text the root shows inside an element of one of `classes`: whole texts, comma-separated parts, titles. */
function textsInClasses(root: Element, classes: readonly string[]): Set<string> {
  const texts = new Set<string>();
  for (const el of elementsOf(root)) {
    if (!withinClasses(el, root, classes)) continue;
    for (const raw of [el.textContent, el.getAttribute('title')]) {
      const text = squash(raw);
      if (!text) continue;
      texts.add(text);
      for (const part of text.split(', ')) texts.add(squash(part));
    }
  }
  return texts;
}

/** Texts of the elements carrying one class token (`dd.words`, `p.datetime`). */
function textsOfClass(root: Element, token: string): string[] {
  return elementsOf(root).filter((el) => tokens(el).includes(token)).map((el) => squash(el.textContent));
}

/** A count as the archive prints it ("1,234"; dots or spaces between groups from skins), else null. */
function countIn(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return /^\d{1,3}(?:[,.\s\u202f]\d{3})*$/.test(text) ? Number(text.replace(/\D/g, '')) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date a text shows: "2024-05-01", "01 May 2024"; a relative one ("3 days ago") backs any date. */
function dateIn(text: string): { exact: string | null; relative: boolean } {
  const t = text.replace(/^\(|\)$/g, '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { exact: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, relative: false };
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return { exact: `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`, relative: false };
  }
  return { exact: null, relative: /\bago\b|today|yesterday/i.test(t) };
}

/**
 * Whether the markup shows `value` for a stat: a count of it inside a stats list, or, for 0, a stats
 * list without it — the archive leaves out a stat nobody has added to (no kudos, no comments, no
 * bookmarks). A mutation can bring another blurb's stats list in, so any one list without it will do.
 */
function statShown(root: Element, stat: string, value: number): boolean {
  const countsIn = (scope: Element) =>
    elementsOf(scope)
      .filter((el) => tokens(el).includes(stat) && [...upTo(el, root)].some((at) => tokens(at).includes('stats')))
      .map((el) => countIn(squash(el.textContent)))
      .filter((n) => n !== null);
  if (countsIn(root).includes(value)) return true;
  if (value !== 0 || stat === 'hits') return false;
  const lists = elementsOf(root).filter((el) => tokens(el).includes('stats'));
  return lists.length === 0 || lists.some((list) => countsIn(list).length === 0);
}

function inRange(value: number, range: Range): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function tagRuleMatches(match: TagMatch, name: string): boolean {
  const compiled = compileTagPattern(match.mode, match.text);
  if (!compiled.ok) return false;
  const text = normalizeTagText(name);
  const { pattern } = compiled;
  if (pattern.mode === 'exact') return pattern.text === text;
  if (pattern.mode === 'wildcard') return matchesWildcard(pattern.wildcard, text);
  return testCapped(pattern.regex, text);
}

/** The tag names in the links, within `classes`, whose text is `text`. */
function tagLinkNames(root: Element, classes: readonly string[], text: string): string[] {
  return elementsOf(root)
    .filter((el) => el.localName === 'a' && squash(el.textContent) === text && withinClasses(el, root, classes))
    .map((el) => el.getAttribute('href') ?? '')
    .filter((href) => /\/tags\//.test(href))
    .map((href) => tagNameFromUrl(href));
}

/** Paths of the links under the root. */
function linkPaths(root: Element): string[] {
  return elementsOf(root).map((el) => el.getAttribute('href') ?? '').filter(Boolean).map((href) => href.replace(/^(?:[a-z]+:)?\/\/[^/]+/i, ''));
}

const hasIdLink = (paths: string[], segment: string, id: number): boolean =>
  paths.some((path) => new RegExp(`/${segment}/${id}(?:[/?#]|$)`).test(path));

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Null when the reason is backed by the markup, else what is missing. */
export function unbackedReason(rule: Rule, detail: string, evidence: Evidence): string | null {
  const { root } = evidence;
  const scopeProblem = rule.scope ? unbackedScope(rule.scope.fandoms, root) : null;
  if (scopeProblem) return scopeProblem;
  const { match } = rule;
  switch (match.kind) {
    case 'tag': {
      const slots = match.slot === 'any' ? ALL_SLOTS : [match.slot];
      // A tag matches by the text shown or by the name in its link (`/tags/NAME/works`), also when the text is empty.
      const linkNames = slots.flatMap((slot: TagSlot) => (slot === 'any' ? [] : tagLinkNames(root, SLOT_CLASSES[slot], detail)));
      const shown = linkNames.length > 0 || slots.some((slot: TagSlot) => slot !== 'any' && textsInClasses(root, SLOT_CLASSES[slot]).has(detail));
      if (!shown) return `no ${match.slot} "${detail.slice(0, 80)}" in the markup`;
      if (!tagRuleMatches(match, detail) && !linkNames.some((name) => tagRuleMatches(match, name))) return `the tag "${detail.slice(0, 80)}" does not match the rule`;
      return null;
    }
    case 'author': {
      if (match.userId !== undefined) {
        const ids = elementsOf(root).flatMap(tokens);
        return ids.includes(`user-${match.userId}`) ? null : `no user-${match.userId} class in the markup`;
      }
      const login = (match.login ?? '').toLowerCase();
      const fromLinks = linkPaths(root).map((path) => /^\/users\/([^/?#]+)/.exec(path)?.[1]).filter((l): l is string => l !== undefined).map(decodeSafely);
      // A creator link whose address is unusable still names the creator: "pseud (login)" or "login".
      const fromBylines = elementsOf(root)
        .filter((el) => el.getAttribute('rel') === 'author')
        .flatMap((el) => {
          const text = squash(el.textContent);
          return [text, /\(([^()]+)\)$/.exec(text)?.[1] ?? ''];
        });
      return [...fromLinks, ...fromBylines].some((l) => l.toLowerCase() === login) ? null : `no link to or byline of the user ${login} in the markup`;
    }
    case 'work': {
      const ids = [root.id, ...tokens(root)];
      const shown = ids.includes(`work_${match.workId}`) || ids.includes(`work-${match.workId}`) ||
        hasIdLink(linkPaths(root), 'works', match.workId) || hasIdLink(evidence.url ? [evidence.url.replace(/^https?:\/\/[^/]+/, '')] : [], 'works', match.workId);
      return shown ? null : `no work ${match.workId} in the markup`;
    }
    case 'series': {
      const ids = [root.id, ...tokens(root)];
      const shown = ids.includes(`series_${match.seriesId}`) || ids.includes(`series-${match.seriesId}`) || hasIdLink(linkPaths(root), 'series', match.seriesId);
      return shown ? null : `no series ${match.seriesId} in the markup`;
    }
    case 'trait':
      return unbackedTrait(match.trait, detail, evidence);
    case 'reading':
      // The reader's state is not in the markup, and the fuzzer classifies without one: nothing may match.
      return 'a reading rule matched without the reader\'s state';
  }
}

function unbackedScope(fandoms: readonly string[], root: Element): string | null {
  const scope = new TagPatternSet(fandoms);
  const shown = [...textsInClasses(root, SLOT_CLASSES.fandom)].map(normalizeTagText);
  return scope.matchesAny(shown) ? null : `no fandom in the rule's scope (${fandoms.join(', ')}) in the markup`;
}

/** The first number in a reason's detail ("12,345 words"; "1e+23 words" for absurd counts). */
const numberIn = (detail: string): number => Number(/\d[\d,]*(?:e\+\d+)?/.exec(detail)?.[0]?.replace(/,/g, '') ?? NaN);

function unbackedTrait(trait: Trait, detail: string, { root }: Evidence): string | null {
  switch (trait.type) {
    case 'rating':
      return textsInClasses(root, SLOT_CLASSES.rating).has(trait.rating) ? null : `no rating "${trait.rating}" in the markup`;
    case 'language': {
      const languages = elementsOf(root).filter((el) => tokens(el).includes('language'));
      const shown = languages.some((el) => squash(el.textContent) === detail || el.getAttribute('lang') === detail);
      const wanted = normalizeFreeText(trait.language);
      return shown && normalizeFreeText(detail) === wanted ? null : `no language "${detail}" matching "${trait.language}" in the markup`;
    }
    case 'words':
    case 'chapters': {
      const value = numberIn(detail);
      const shown = textsOfClass(root, trait.type).some((text) => {
        if (trait.type === 'words') return countIn(text) === value;
        const m = /^([\d,.\s]+?)\s*\/\s*(?:[\d,.\s]+|\?)$/.exec(text);
        return m !== null && countIn(m[1]!.trim()) === value;
      });
      return shown && inRange(value, trait) ? null : `no ${trait.type} count ${value} within the rule's range in the markup`;
    }
    case 'complete': {
      const classes = elementsOf(root).flatMap(tokens);
      const chapters = textsOfClass(root, 'chapters').map((text) => /^([\d,]+)\s*\/\s*([\d,]+|\?)$/.exec(text)).filter((m) => m !== null);
      const done = chapters.some((m) => m![2] !== '?' && countIn(m![1]!)! >= countIn(m![2]!)!);
      const ongoing = chapters.some((m) => m![2] === '?' || countIn(m![1]!)! < countIn(m![2]!)!);
      const statusText = textsOfClass(root, 'status').join(' ');
      const shown = trait.complete
        ? classes.includes('complete-yes') || done || /Completed/.test(statusText)
        : classes.includes('complete-no') || ongoing || /Updated/.test(statusText);
      return shown ? null : `nothing in the markup says the work is ${trait.complete ? 'complete' : 'in progress'}`;
    }
    case 'crossover': {
      const count = numberIn(detail);
      const links = elementsOf(root).filter((el) => el.localName === 'a' && withinClasses(el, root, SLOT_CLASSES.fandom));
      return count > trait.moreThan && links.length >= count ? null : `${count} fandoms claimed, ${links.length} fandom links in the markup`;
    }
    case 'notUpdatedSince': {
      const date = /\d{4}-\d{2}-\d{2}/.exec(detail)?.[0] ?? '';
      const texts = ['datetime', 'status', 'published'].flatMap((token) => textsOfClass(root, token));
      const shown = texts.some((text) => {
        const found = dateIn(text);
        return found.exact === date || found.relative;
      });
      return shown && date < trait.date ? null : `no date ${date} (before ${trait.date}) in the markup`;
    }
    case 'titleOrSummary': {
      const phrase = normalizeFreeText(trait.phrase);
      return normalizeFreeText(root.textContent ?? '').includes(phrase) ? null : `"${trait.phrase}" is not in the markup's text`;
    }
    case 'kudosRatioBelow': {
      // The detail names the kudos, then the hits ("5 kudos / 300 hits (1.67%)").
      const [kudos = NaN, hits = NaN] = (detail.match(/\d[\d,]*(?:e\+\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
      const shown = statShown(root, 'kudos', kudos) && textsOfClass(root, 'hits').some((t) => countIn(t) === hits);
      return shown && hits > 0 && kudos / hits < trait.ratio ? null : `no kudos ${kudos} and hits ${hits} below the ratio in the markup`;
    }
    case 'anonymous': {
      const headings = elementsOf(root).filter((el) => el.localName === 'h4').map((el) => squash(el.textContent));
      const shown = [...headings, ...['heading', 'byline'].flatMap((token) => textsOfClass(root, token))].some((text) => /\bAnonymous\b/.test(text));
      return shown ? null : 'no "Anonymous" byline in the markup';
    }
    case 'orphaned': {
      // The byline's link, or (its address gone) the link's own text, which the page model falls back on.
      const byPath = linkPaths(root).some((path) => /^\/users\/orphan_account(?:[/?#]|$)/.test(path));
      const byText = elementsOf(root).some((el) => el.localName === 'a' && /^(?:.*\()?orphan_account\)?$/.test(squash(el.textContent)));
      return byPath || byText ? null : 'no link to orphan_account in the markup';
    }
    case 'tagCount': {
      const count = numberIn(detail);
      const slots: TagType[] = trait.slot === 'any' ? ['warning', 'relationship', 'character', 'freeform'] : [trait.slot];
      const classes = slots.flatMap((slot) => SLOT_CLASSES[slot]);
      const links = elementsOf(root).filter((el) => el.localName === 'a' && withinClasses(el, root, classes));
      // Warnings whose links are gone are still named by the required-tags symbol's title, as the page model reads them.
      let found = links.length;
      if (slots.includes('warning')) {
        const warningLinks = links.filter((el) => withinClasses(el, root, SLOT_CLASSES.warning)).length;
        const symbolNames = Math.max(0, ...elementsOf(root).filter((el) => el.localName === 'span' && tokens(el).includes('warnings')).map((el) => (el.getAttribute('title') ?? '').split(', ').filter(Boolean).length));
        found += Math.max(0, symbolNames - warningLinks);
      }
      return count > trait.moreThan && found >= count ? null : `${count} ${trait.slot} tags claimed, ${found} such tags in the markup`;
    }
    case 'wordsPerChapterBelow': {
      const words = textsOfClass(root, 'words').map(countIn).filter((n) => n !== null);
      const posted = textsOfClass(root, 'chapters').map((text) => /^([\d,]+)\s*\/\s*(?:[\d,]+|\?)$/.exec(text)?.[1]).map((n) => countIn(n ?? '')).filter((n): n is number => n !== null && n > 0);
      const average = numberIn(detail);
      const shown = words.some((w) => posted.some((c) => Math.round(w / c) === average && w / c < trait.below));
      return shown ? null : `no words and chapters averaging ${average} (below ${trait.below}) in the markup`;
    }
    case 'notUpdatedFor': {
      const date = /\d{4}-\d{2}-\d{2}/.exec(detail)?.[0] ?? '';
      const cutoff = cutoffDate(Math.floor(Date.now() / 86_400_000), trait.amount, trait.unit);
      const texts = ['datetime', 'status', 'published'].flatMap((token) => textsOfClass(root, token));
      const shown = texts.some((text) => {
        const found = dateIn(text);
        return found.exact === date || found.relative;
      });
      return shown && date <= cutoff ? null : `no date ${date} (on or before ${cutoff}) in the markup`;
    }
    case 'stat': {
      const value = numberIn(detail);
      return statShown(root, trait.stat, value) && inRange(value, trait) ? null : `no ${trait.stat} ${value} within the rule's range in the markup`;
    }
    case 'chapterKudosRatioBelow': {
      // The detail names the kudos, the hits and the chapters ("12 kudos ÷ (3,000 hits ÷ 5 chapters) = 2%").
      const [kudos = NaN, hits = NaN, chapters = NaN] = (detail.match(/\d[\d,]*(?:e\+\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
      const chaptersShown = textsOfClass(root, 'chapters').some((text) => countIn(/^([\d,]+)\s*\//.exec(text)?.[1] ?? '') === chapters);
      const shown = statShown(root, 'kudos', kudos) && chaptersShown && textsOfClass(root, 'hits').some((t) => countIn(t) === hits);
      return shown && hits > 0 && chapters > 0 && kudos / (hits / chapters) < trait.ratio
        ? null
        : `no kudos ${kudos}, hits ${hits} and chapters ${chapters} below the per-chapter ratio in the markup`;
    }
  }
}
