/**
 * Rules compiled once per change into indexes, so that classifying a record
 * costs a few lookups per tag, author and series — not a pass over the rules:
 *
 * - exact tags: a Map per slot keyed by normalised text (each tag is looked
 *   up under its own slot and under `any`);
 * - wildcards: a `WildcardIndex` per slot (see wildcard.ts);
 * - regexes, traits, reading rules: short lists, tested in turn (readers have few of these);
 * - authors by lower-cased login and by `user-N` id, works and series: Maps.
 *
 * What one tag name matches never changes for a given matcher, so it is cached
 * by name: on a listing most tags (fandoms, warnings, ratings) repeat.
 *
 * Tag families (family-table.ts): an exact rule on a tag whose family was
 * learned also matches the tags the archive files under it — its canonical
 * tag and synonyms always, its subtags and theirs unless the rule's
 * `subtags` is false. One hash lookup per distinct tag name finds every
 * family the name belongs to, whatever the families' size; scope and
 * exceptions read families the same way (a fandom's subtags are its
 * sub-fandoms). A tag also matches by the name in its link
 * (`/tags/NAME/works`), which differs from the text shown for a few tags
 * ("Creator Chose Not To Use Archive Warnings" links to "Choose Not To Use
 * Archive Warnings"): looked up once per distinct link.
 */

import type { Tag, TagType } from '../ao3/types';
import { tagNameFromUrl } from '../ao3/text';
import { t } from '../i18n';
import { FamilyIndex, SUBTAG } from './family-table';
import type { FamilyReason } from './family-reason';
import { ruleLabel } from './labels';
import { addTo } from './multimap';
import { normalizeTagText } from './normalize';
import { testCapped } from './regex-safety';
import { TAG_TYPES, subjectOf, type ClassifiableRecord, type MatchSubject } from './subject';
import { TagPatternSet, compileTagPattern, type TagPattern } from './tag-pattern';
import { compileReading, type ReadingTest } from './reading-state';
import { TraitContext, compileTrait, type TraitTest } from './traits';
import { HIDE_SEVERITIES, type Classification, type ClassifyOptions, type HideSeverity, type MatchReason, type ReaderStates, type Rule, type TagSlot } from './types';
import { WildcardIndex } from './wildcard';

export interface Matcher {
  classify(record: ClassifiableRecord, options?: ClassifyOptions): Classification;
}

interface CompiledRule {
  rule: Rule;
  /** Generated when a rule first matches: most rules match nothing on a page, and the matcher is built on every page load. */
  label: string | undefined;
  scope: TagPatternSet | null;
  exceptions: TagPatternSet | null;
}

/** Rule positions (in evaluation order) matched by one tag name in one slot. */
type RuleIndexes = readonly number[];

/** What one tag name matches in one slot: the rules, and for those it matched through a family, the family's canonical tag. */
interface TagHits {
  rules: RuleIndexes;
  filedUnder: ReadonlyMap<number, string> | null;
}

const MAX_CACHED_TAGS = 50_000;
const NO_RULES: RuleIndexes = [];
const NO_HITS: TagHits = { rules: NO_RULES, filedUnder: null };

/**
 * Builds the matcher for a rule list. Rules are expected to have passed
 * `validateRule`; disabled rules are left out, and a rule whose pattern no
 * longer compiles (a stricter check in a newer version) is skipped rather
 * than breaking the others.
 */
export function compileRules(rules: readonly Rule[], families: FamilyIndex | null = null): Matcher {
  return new RuleMatcher(inEvaluationOrder(rules.filter((rule) => rule.enabled)), families);
}

/** Ascending `order`; rules without one after those with one; ties keep list order. */
function inEvaluationOrder(rules: Rule[]): Rule[] {
  if (rules.every((rule) => rule.order === undefined)) return rules;
  return rules
    .map((rule, position) => ({ rule, position }))
    .sort((a, b) => {
      const byOrder = (a.rule.order ?? Infinity) - (b.rule.order ?? Infinity);
      return Number.isNaN(byOrder) || byOrder === 0 ? a.position - b.position : byOrder;
    })
    .map(({ rule }) => rule);
}

class RuleMatcher implements Matcher {
  private readonly rules: CompiledRule[] = [];
  private readonly tagSlots = new Map<TagSlot, SlotIndex>();
  private readonly byLogin = new Map<string, number[]>();
  private readonly byUserId = new Map<number, number[]>();
  private readonly byWork = new Map<number, number[]>();
  private readonly bySeries = new Map<number, number[]>();
  private readonly traits: Array<{ test: TraitTest; index: number }> = [];
  /** Reading rules: tested only with the reader's state of the work (`ClassifyOptions.readerStates`). */
  private readonly readingRules: Array<{ test: ReadingTest; index: number }> = [];
  /** Slots whose tags some rule reads (exceptions read every slot). */
  private readonly slotsRead = new Set<TagSlot>();
  /** Per tag slot: tag name as the page shows it → the rules it matches. */
  private readonly tagRulesCache = new Map<TagType, Map<string, TagHits>>(TAG_TYPES.map((slot) => [slot, new Map()]));
  /** Per tag slot: a tag link's path → what the name in it matches beyond its text (usually nothing). */
  private readonly linkRulesCache = new Map<TagType, Map<string, TagHits>>(TAG_TYPES.map((slot) => [slot, new Map()]));
  private readonly normalizedCache = new Map<string, string>();
  /** Whether any rule reads tags: only then are link names looked at. */
  private readsTags = false;

  constructor(
    rules: readonly Rule[],
    private readonly families: FamilyIndex | null,
  ) {
    for (const rule of rules) this.add(rule);
  }

  private add(rule: Rule): void {
    const index = this.rules.length;
    const { match } = rule;
    switch (match.kind) {
      case 'tag': {
        const compiled = compileTagPattern(match.mode, match.text);
        if (!compiled.ok) return;
        const slot = this.slotIndex(match.slot);
        slot.add(compiled.pattern, index);
        if (compiled.pattern.mode === 'exact' && this.families) {
          const family = this.families.familyOf(compiled.pattern.text);
          if (family !== undefined) slot.addFamily(family, match.subtags !== false, index);
        }
        this.slotsRead.add(match.slot);
        this.readsTags = true;
        break;
      }
      case 'author':
        if (match.login !== undefined) addTo(this.byLogin, match.login.toLowerCase(), index);
        if (match.userId !== undefined) addTo(this.byUserId, match.userId, index);
        break;
      case 'work':
        addTo(this.byWork, match.workId, index);
        break;
      case 'series':
        addTo(this.bySeries, match.seriesId, index);
        break;
      case 'trait':
        this.traits.push({ test: compileTrait(match.trait), index });
        if (match.trait.type === 'tagCount') this.slotsRead.add(match.trait.slot);
        break;
      case 'reading':
        this.readingRules.push({ test: compileReading(match), index });
        break;
    }
    if (rule.exceptions) this.slotsRead.add('any');
    this.rules.push({
      rule,
      label: undefined,
      scope: rule.scope ? new TagPatternSet(rule.scope.fandoms, this.families) : null,
      exceptions: rule.exceptions ? new TagPatternSet(rule.exceptions.tags, this.families) : null,
    });
  }

  classify(record: ClassifiableRecord, options: ClassifyOptions = {}): Classification {
    const subject = subjectOf(record);
    if (!subject) return { verdict: 'show', classified: false, hiddenBy: [], highlightedBy: [], incomplete: false };

    const hiddenBy: MatchReason[] = [];
    const highlightedBy: MatchReason[] = [];
    let color: string | undefined;
    const defaultSeverity = options.defaultSeverity ?? 'collapse';
    let severity: HideSeverity | undefined;
    const filedUnder = new Map<number, string>();
    const matched = this.candidates(subject, filedUnder, options.readerStates);
    if (matched.size > 0) {
      const tags = new NormalizedTags(subject, (name) => this.normalize(name), (url) => this.linkName(url));
      for (const index of [...matched.keys()].sort((a, b) => a - b)) {
        const compiled = this.rules[index];
        if (!compiled) continue;
        if (compiled.scope && !compiled.scope.matchesAny(tags.fandoms)) continue;
        if (compiled.exceptions?.matchesAny(tags.all)) continue;
        compiled.label ??= ruleLabel(compiled.rule);
        const reason: MatchReason = { ruleId: compiled.rule.id, label: compiled.label, detail: matched.get(index) ?? '' };
        const canonical = filedUnder.get(index);
        if (canonical !== undefined) (reason as FamilyReason).filedUnder = canonical;
        if (compiled.rule.action === 'hide') {
          hiddenBy.push(reason);
          severity = strongerSeverity(severity, compiled.rule.severity ?? defaultSeverity);
        } else {
          highlightedBy.push(reason);
          color ??= compiled.rule.color;
        }
      }
    }

    const alwaysShown = subject.workId !== null && options.alwaysShow?.has(subject.workId) === true;
    const verdict = hiddenBy.length > 0 && !alwaysShown ? 'hide' : highlightedBy.length > 0 ? 'highlight' : 'show';
    const result: Classification = { verdict, classified: true, hiddenBy, highlightedBy, incomplete: this.isIncomplete(subject) };
    if (verdict === 'highlight' && color !== undefined) result.color = color;
    if (verdict === 'hide') result.severity = severity;
    // A rule on the reader's own data may still change this verdict once the states are in: the
    // blurb waits for them rather than paint as judged so far (nothing stronger than removal is left;
    // a work known to have no state matches no reading rule).
    if (this.readingRules.length > 0 && !options.readerStates && subject.workId !== null && severity !== 'remove' && options.mayHaveState?.(subject.workId) !== false) {
      result.needsState = true;
    }
    return result;
  }

  /** Every rule whose match (not yet scope or exceptions) fits the subject, with what matched first. */
  private candidates(subject: MatchSubject, filedUnder: Map<number, string>, readerStates: ReaderStates | undefined): Map<number, string> {
    const matched = new Map<number, string>();
    for (const slot of TAG_TYPES) {
      const names = subject.tags[slot];
      if (names.length === 0) continue;
      const cache = this.tagRulesCache.get(slot)!;
      for (const name of names) addCandidates(matched, cache.get(name) ?? this.rulesForTag(slot, name, cache), name, filedUnder);
    }
    if (this.readsTags) {
      for (const tag of subject.links) {
        if (tag.url === null) continue;
        const cache = this.linkRulesCache.get(tag.type);
        if (!cache) continue;
        addCandidates(matched, cache.get(tag.url) ?? this.rulesForLink(tag, cache), tag.name, filedUnder);
      }
    }
    for (const { login, pseud } of subject.authors) {
      const indexes = this.byLogin.get(login.toLowerCase());
      if (indexes) addCandidates(matched, indexes, pseud && pseud !== login ? `${pseud} (${login})` : login);
    }
    for (const userId of subject.userIds) {
      const indexes = this.byUserId.get(userId);
      if (indexes) addCandidates(matched, indexes, `user #${userId}`);
    }
    if (subject.workId !== null) addCandidates(matched, this.byWork.get(subject.workId), subject.title);
    for (const { id, title } of subject.series) addCandidates(matched, this.bySeries.get(id), title);
    if (this.traits.length > 0) {
      const context = new TraitContext(subject);
      for (const { test, index } of this.traits) {
        const detail = test(context);
        if (detail !== null) matched.set(index, detail);
      }
    }
    if (this.readingRules.length > 0 && readerStates && subject.workId !== null) {
      const state = readerStates.get(subject.workId);
      if (state) {
        for (const { test, index } of this.readingRules) {
          const detail = test(state, subject);
          if (detail !== null) matched.set(index, detail);
        }
      }
    }
    return matched;
  }

  /** What `name` matches in `slot`, found in the indexes and remembered in the slot's `cache`. */
  private rulesForTag(slot: TagType, name: string, cache: Map<string, TagHits>): TagHits {
    const hits = this.rulesForText(slot, this.normalize(name));
    remember(cache, name, hits);
    return hits;
  }

  /**
   * What the name in a tag's link matches that its text does not (nothing,
   * for almost every tag: the same name), remembered by the link's path.
   */
  private rulesForLink(tag: Tag, cache: Map<string, TagHits>): TagHits {
    const text = this.linkName(tag.url!);
    const hits = text && text !== this.normalize(tag.name) ? this.rulesForText(tag.type, text) : NO_HITS;
    remember(cache, tag.url!, hits);
    return hits;
  }

  private rulesForText(slot: TagType, text: string): TagHits {
    const found: number[] = [];
    const own = this.slotIndex(slot);
    const any = this.slotIndex('any');
    own.collect(text, found);
    any.collect(text, found);
    let filedUnder: Map<number, string> | null = null;
    if (this.families && (own.hasFamilies || any.hasFamilies)) {
      for (const ref of this.families.refsOf(text)) {
        const family = ref >> 1;
        const subtag = (ref & 1) === SUBTAG;
        const canonical = this.families.canonicalOf(family);
        const direct = this.normalize(canonical) === text;
        for (const index of [...own.familyRules(family, subtag), ...any.familyRules(family, subtag)]) {
          if (found.includes(index)) continue;
          found.push(index);
          if (!direct) (filedUnder ??= new Map()).set(index, canonical);
        }
      }
    }
    return found.length > 0 ? { rules: found, filedUnder } : NO_HITS;
  }

  /** The normalised name in a tag link's path, '' when it names none. */
  private linkName(url: string): string {
    const cached = this.normalizedCache.get(url);
    if (cached !== undefined) return cached;
    const text = /\/tags\//.test(url) ? normalizeTagText(tagNameFromUrl(url)) : '';
    remember(this.normalizedCache, url, text);
    return text;
  }

  private slotIndex(slot: TagSlot): SlotIndex {
    let index = this.tagSlots.get(slot);
    if (!index) this.tagSlots.set(slot, (index = new SlotIndex()));
    return index;
  }

  private normalize(name: string): string {
    const cached = this.normalizedCache.get(name);
    if (cached !== undefined) return cached;
    const text = normalizeTagText(name);
    remember(this.normalizedCache, name, text);
    return text;
  }

  private isIncomplete({ hiddenTags }: MatchSubject): boolean {
    if (!hiddenTags.warnings && !hiddenTags.freeforms) return false;
    const readsAny = this.slotsRead.has('any');
    return (hiddenTags.warnings && (readsAny || this.slotsRead.has('warning'))) ||
      (hiddenTags.freeforms && (readsAny || this.slotsRead.has('freeform')));
  }
}

/** The tag rules of one slot: exact texts in a Map, wildcards in a `WildcardIndex`, regexes in a list. */
class SlotIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly wildcards = new WildcardIndex<number>();
  private readonly regexes: Array<{ regex: RegExp; index: number }> = [];
  /** Exact rules whose tag has a learned family, by family: all of them, and those that also take its subtags. */
  private readonly families = new Map<number, { same: number[]; sub: number[] }>();

  get hasFamilies(): boolean {
    return this.families.size > 0;
  }

  addFamily(family: number, subtags: boolean, index: number): void {
    let rules = this.families.get(family);
    if (!rules) this.families.set(family, (rules = { same: [], sub: [] }));
    rules.same.push(index);
    if (subtags) rules.sub.push(index);
  }

  familyRules(family: number, subtag: boolean): readonly number[] {
    const rules = this.families.get(family);
    return rules ? (subtag ? rules.sub : rules.same) : NO_RULES;
  }

  add(pattern: TagPattern, index: number): void {
    if (pattern.mode === 'exact') addTo(this.exact, pattern.text, index);
    else if (pattern.mode === 'wildcard') this.wildcards.add(pattern.wildcard, index);
    else this.regexes.push({ regex: pattern.regex, index });
  }

  /** Appends the rules matching normalised `text` to `found`, each once. */
  collect(text: string, found: number[]): void {
    const addOnce = (index: number): void => {
      if (!found.includes(index)) found.push(index);
    };
    this.exact.get(text)?.forEach(addOnce);
    this.wildcards.forEachMatch(text, addOnce);
    for (const { regex, index } of this.regexes) if (testCapped(regex, text)) addOnce(index);
  }
}

/** The stronger of two severities (remove > collapse > dim). */
export function strongerSeverity(a: HideSeverity | undefined, b: HideSeverity): HideSeverity {
  return a === undefined || HIDE_SEVERITIES.indexOf(b) > HIDE_SEVERITIES.indexOf(a) ? b : a;
}

/** Records the rules `hits` names with `detail`, each rule's first match only; family matches note their canonical tag in `filedUnder`. */
function addCandidates(
  matched: Map<number, string>,
  hits: TagHits | RuleIndexes | undefined,
  detail: string,
  filedUnder?: Map<number, string>,
): void {
  if (!hits) return;
  if (Array.isArray(hits)) {
    for (const index of hits as RuleIndexes) if (!matched.has(index)) matched.set(index, detail);
    return;
  }
  const { rules, filedUnder: canonicals } = hits as TagHits;
  for (const index of rules) {
    if (matched.has(index)) continue;
    const canonical = canonicals?.get(index);
    if (canonical === undefined) {
      matched.set(index, detail);
    } else {
      matched.set(index, t('reasonFiledUnder', detail, canonical));
      filedUnder?.set(index, canonical);
    }
  }
}

/**
 * A subject's tags, normalised on first use (only rules with a scope or
 * exceptions need them): the names shown, and the names in their links where
 * those differ.
 */
class NormalizedTags {
  private fandomTexts: string[] | undefined;
  private allTexts: string[] | undefined;

  constructor(
    private readonly subject: MatchSubject,
    private readonly normalize: (name: string) => string,
    private readonly linkName: (url: string) => string,
  ) {}

  get fandoms(): string[] {
    return (this.fandomTexts ??= this.withLinks(this.subject.tags.fandom.map(this.normalize), 'fandom'));
  }

  get all(): string[] {
    return (this.allTexts ??= this.withLinks(TAG_TYPES.flatMap((slot) => this.subject.tags[slot].map(this.normalize)), null));
  }

  private withLinks(texts: string[], type: TagType | null): string[] {
    for (const tag of this.subject.links) {
      if (tag.url === null || (type !== null && tag.type !== type)) continue;
      const text = this.linkName(tag.url);
      if (text && !texts.includes(text)) texts.push(text);
    }
    return texts;
  }
}

/** Caches grow with the distinct tags seen; a long-lived matcher starts over rather than grow without bound. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED_TAGS) cache.clear();
  cache.set(key, value);
}
