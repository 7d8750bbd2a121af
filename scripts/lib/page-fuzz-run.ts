/**
 * Runs the page fuzzer (page-fuzzer.ts) and checks its properties on every
 * case, for the test suite and the bench:
 *
 * 1. `readPage` never throws, and its record serialises as JSON (the
 *    inspector prints it; messages clone it);
 * 2. with a set of rules (exact tags, wildcards, regexes, authors, works,
 *    series, a scoped rule and every trait) classification never throws;
 * 3. every reason a rule gives for hiding (or highlighting) a work is backed
 *    by the blurb's own markup, checked without the page model (fuzz-oracle.ts);
 * 4. blurbs the page model could not read (error, mystery, deleted) are not
 *    classified: never hidden.
 *
 * The rules of each case are drawn from what the unmutated real pages show,
 * so that they do match, and the oracle has reasons to check.
 */
import { readPage, readPageWithElements } from '../../utils/ao3/page';
import type { Blurb, PageRecord, TagType, WorkPage } from '../../utils/ao3/types';
import { compileRules } from '../../utils/rules/compile';
import type { Classification, Rule, RuleMatch, TagMatchMode, TagSlot } from '../../utils/rules/types';
import { unbackedReason, type Evidence } from './fuzz-oracle';
import { fuzzCase, fuzzSource, pick, type FuzzSource, type Random } from './page-fuzzer';
import { parseArchiveHtml } from './html';
import { randomSequence } from './random';

/** Pages are read at a fixed time, so relative dates read the same on every run. */
export const FUZZ_NOW = new Date('2026-11-21T12:00:00Z');

export const PROPERTIES = {
  readPage: 'readPage never throws',
  serialises: 'the page record serialises as JSON',
  classify: 'classification never throws',
  backed: 'every hide or highlight reason is backed by the blurb’s own markup',
  unreadable: 'unreadable blurbs are not classified (never hidden)',
} as const;

type Property = keyof typeof PROPERTIES;

/** What the real pages show, to draw rules from. */
interface RulePool {
  tags: Array<{ slot: TagType; name: string }>;
  fandoms: string[];
  logins: string[];
  userIds: number[];
  workIds: number[];
  seriesIds: number[];
}

export interface FuzzSetup {
  sources: FuzzSource[];
  pool: RulePool;
}

export interface FuzzFailure {
  seed: number;
  file: string;
  property: string;
  problem: string;
  mutations: string[];
}

/** How often each property was checked. */
export type FuzzTally = Record<Property, number>;

export interface RealPageText {
  file: string;
  url: string;
  html: string;
}

export function prepareFuzz(pages: readonly RealPageText[]): FuzzSetup {
  const pool: RulePool = { tags: [], fandoms: [], logins: [], userIds: [], workIds: [], seriesIds: [] };
  const sources = pages.map(({ file, url, html }) => {
    const doc = parseArchiveHtml(html);
    for (const record of recordsOf(readPage(doc, url, FUZZ_NOW))) addToPool(pool, record);
    return fuzzSource(file, url, doc);
  });
  return { sources, pool };
}

function recordsOf(page: PageRecord): Array<Blurb | WorkPage> {
  const work = page.work && 'view' in page.work ? [page.work] : [];
  return [...page.blurbs, ...work];
}

function addToPool(pool: RulePool, record: Blurb | WorkPage): void {
  if ('tags' in record) for (const tag of record.tags) pool.tags.push({ slot: tag.type, name: tag.name });
  if ('fandoms' in record) pool.fandoms.push(...record.fandoms);
  if ('authors' in record) pool.logins.push(...record.authors.map((a) => a.login));
  if ('userIds' in record) pool.userIds.push(...record.userIds);
  if (record.workId !== null) pool.workIds.push(record.workId);
  if ('seriesId' in record && record.seriesId !== null) pool.seriesIds.push(record.seriesId);
  if ('series' in record) pool.seriesIds.push(...record.series.map((s) => s.id));
}

/** The same for every case: every trait. */
const TRAIT_RULES: RuleMatch[] = [
  { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } },
  { kind: 'trait', trait: { type: 'words', max: 2_000 } },
  { kind: 'trait', trait: { type: 'words', min: 100_000 } },
  { kind: 'trait', trait: { type: 'chapters', min: 10 } },
  { kind: 'trait', trait: { type: 'complete', complete: false } },
  { kind: 'trait', trait: { type: 'complete', complete: true } },
  { kind: 'trait', trait: { type: 'crossover', moreThan: 1 } },
  { kind: 'trait', trait: { type: 'language', language: 'English' } },
  { kind: 'trait', trait: { type: 'notUpdatedSince', date: '2016-01-01' } },
  { kind: 'trait', trait: { type: 'titleOrSummary', phrase: 'love' } },
  { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 0.05 } },
  { kind: 'trait', trait: { type: 'anonymous' } },
  { kind: 'trait', trait: { type: 'orphaned' } },
  { kind: 'trait', trait: { type: 'tagCount', slot: 'any', moreThan: 10 } },
  { kind: 'trait', trait: { type: 'tagCount', slot: 'character', moreThan: 3 } },
  { kind: 'trait', trait: { type: 'wordsPerChapterBelow', below: 1_500 } },
  { kind: 'trait', trait: { type: 'notUpdatedFor', amount: 2, unit: 'years' } },
  { kind: 'trait', trait: { type: 'stat', stat: 'kudos', max: 20 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'hits', min: 10_000 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'bookmarks', min: 5 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'comments', max: 2 } },
  { kind: 'trait', trait: { type: 'chapterKudosRatioBelow', ratio: 0.1 } },
  { kind: 'reading', state: 'opened' },
];

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A pattern for a tag the pages show: exact, a wildcard on one end, or an anchored regex. */
function tagMatch(random: Random, pool: RulePool): RuleMatch {
  const { slot, name } = pick(random, pool.tags);
  const ruleSlot: TagSlot = random() < 0.3 ? 'any' : slot;
  const mode: TagMatchMode = pick(random, ['exact', 'wildcard', 'regex'] as const);
  const words = name.split(' ');
  const text =
    mode === 'exact' ? name
    : mode === 'wildcard' ? (random() < 0.5 ? `${name.slice(0, 4)}*` : `*${words.at(-1)}`)
    : random() < 0.5 ? `^${escapeRegex(words[0]!.slice(0, 60))}` : `${escapeRegex(words.at(-1)!.slice(0, 60))}$`;
  return { kind: 'tag', slot: ruleSlot, mode, text };
}

function drawnMatch(random: Random, pool: RulePool): RuleMatch {
  switch (Math.floor(random() * 6)) {
    case 0:
      return pool.logins.length > 0 ? { kind: 'author', login: pick(random, pool.logins) } : tagMatch(random, pool);
    case 1:
      return pool.userIds.length > 0 ? { kind: 'author', userId: pick(random, pool.userIds) } : tagMatch(random, pool);
    case 2:
      return pool.workIds.length > 0 ? { kind: 'work', workId: pick(random, pool.workIds) } : tagMatch(random, pool);
    case 3:
      return pool.seriesIds.length > 0 ? { kind: 'series', seriesId: pick(random, pool.seriesIds) } : tagMatch(random, pool);
    default:
      return tagMatch(random, pool);
  }
}

export function caseRules(random: Random, pool: RulePool): Rule[] {
  const rule = (id: string, match: RuleMatch): Rule => ({ id, action: 'hide', match, enabled: true, createdAt: 0, updatedAt: 0 });
  const rules = TRAIT_RULES.map((match, i) => rule(`trait-${i}`, match));
  if (pool.tags.length === 0) return rules;
  for (let i = 0; i < 10; i++) rules.push(rule(`drawn-${i}`, drawnMatch(random, pool)));
  if (pool.fandoms.length > 0) {
    const scoped = rule('scoped', tagMatch(random, pool));
    scoped.scope = { fandoms: [pick(random, pool.fandoms)] };
    rules.push(scoped);
  }
  return rules;
}

/** A well-mixed 32-bit seed for case `index` of a run. */
export function caseSeed(runSeed: number, index: number): number {
  let x = (runSeed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export const emptyTally = (): FuzzTally => ({ readPage: 0, serialises: 0, classify: 0, backed: 0, unreadable: 0 });

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const isUnreadable = (record: Blurb | WorkPage): boolean => 'type' in record && (record.type === 'error' || record.type === 'mystery' || record.type === 'deleted');

/** Builds, mutates and checks one case; returns what failed (nothing, normally) and counts what was checked. */
export function runFuzzCase(setup: FuzzSetup, seed: number, tally: FuzzTally): FuzzFailure[] {
  const fuzz = fuzzCase(setup.sources, seed);
  const failures: FuzzFailure[] = [];
  const fail = (property: Property, problem: string): void => {
    failures.push({ seed, file: fuzz.source.file, property: PROPERTIES[property], problem, mutations: fuzz.mutations });
  };

  let read: { page: PageRecord; elements: Element[] };
  try {
    read = readPageWithElements(fuzz.doc, fuzz.source.url, FUZZ_NOW);
  } catch (error) {
    fail('readPage', messageOf(error));
    return failures;
  }
  tally.readPage++;
  try {
    JSON.stringify(read.page);
    tally.serialises++;
  } catch (error) {
    fail('serialises', messageOf(error));
  }

  const rules = caseRules(randomSequence(seed ^ 0x5bd1e995), setup.pool);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const matcher = compileRules(rules);
  const main = fuzz.doc.getElementById('main') ?? fuzz.doc.documentElement;
  const checked: Array<{ record: Blurb | WorkPage; evidence: Evidence }> = read.page.blurbs.map((record, i) => ({
    record,
    evidence: { root: read.elements[i]!, url: null },
  }));
  if (read.page.work && 'view' in read.page.work) checked.push({ record: read.page.work, evidence: { root: main, url: fuzz.source.url } });

  for (const { record, evidence } of checked) {
    let result: Classification;
    try {
      result = matcher.classify(record);
      tally.classify++;
    } catch (error) {
      fail('classify', messageOf(error));
      continue;
    }
    if (isUnreadable(record)) {
      tally.unreadable++;
      if (result.classified || result.verdict !== 'show' || result.hiddenBy.length > 0) {
        fail('unreadable', `a ${(record as Blurb).type} blurb was classified: ${result.verdict}`);
      }
    }
    for (const reason of [...result.hiddenBy, ...result.highlightedBy]) {
      tally.backed++;
      const problem = unbackedReason(byId.get(reason.ruleId)!, reason.detail, evidence);
      if (problem) fail('backed', `rule ${reason.ruleId} (${reason.label}): ${problem}`);
    }
  }
  return failures;
}

export interface FuzzRun {
  seed: number;
  cases: number;
  tally: FuzzTally;
  failures: FuzzFailure[];
}

/** `cases` cases of a run seeded with `seed`. */
export function runFuzz(setup: FuzzSetup, seed: number, cases: number): FuzzRun {
  const tally = emptyTally();
  const failures: FuzzFailure[] = [];
  for (let i = 0; i < cases; i++) failures.push(...runFuzzCase(setup, caseSeed(seed, i), tally));
  return { seed, cases, tally, failures };
}

/** One line per property with how often it was checked. */
export function describeTally(tally: FuzzTally): string[] {
  return (Object.keys(PROPERTIES) as Property[]).map((key) => `${PROPERTIES[key]}: ${tally[key].toLocaleString('en-US')} checks`);
}
