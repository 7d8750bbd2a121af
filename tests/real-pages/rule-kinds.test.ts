/**
 * The rule kinds of issue 16 over real pages. The anonymous and orphan_account
 * works were found by hand in each page's markup (a blurb heading that reads
 * "by Anonymous" with no creator link; a creator link to orphan_account),
 * never from the page model. The reading history is made up for the test,
 * on works whose chapter counts were read from the listing's markup.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { readPage, readPageWithElements } from '../../utils/ao3/page';
import type { Blurb } from '../../utils/ao3/types';
import type { ChapterReading, ReadingRecord, SavedRecord, SavedStatus } from '../../utils/db/types';
import { compileRules } from '../../utils/rules/compile';
import { EMPTY_LISTING_CONFIG } from '../../utils/rules/listing-config';
import type { ReaderState, Rule } from '../../utils/rules/types';
import { ListingRules } from '../../entrypoints/archive.content/features/listing-rules';
import { realPage, realPageDocument, realPages } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { NOW } from './support';

// Each test reads whole real pages; on a loaded machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

function rule(fields: Partial<Rule> & Pick<Rule, 'id' | 'match'>): Rule {
  return { action: 'hide', enabled: true, createdAt: 0, updatedAt: 0, ...fields };
}

const key = (b: Blurb) => (b.workId !== null ? String(b.workId) : 'seriesId' in b ? `series-${b.seriesId}` : b.title);

function hiddenOn(file: string, rules: Rule[]): string[] {
  const page = readPage(realPageDocument(file), realPage(file).url, NOW);
  const matcher = compileRules(rules);
  return page.blurbs.filter((b) => matcher.classify(b).verdict === 'hide').map(key).sort();
}

/** Per page, the works whose heading says "by Anonymous" without a creator link. */
const ANONYMOUS: Record<string, string[]> = {
  'listing-tag-sherlock-holmes.html': ['72712596'],
  'listing-tag-worldbuilding.html': ['77853551'],
  'listing-tag-mind-palace.html': ['77180361', '77792901'],
  'listing-tag-charlie-magne-morningstar.html': ['78479711'],
  'listing-tag-komaeda-nagitoxsans-undertale.html': ['54973498', '65897632'],
  'listing-tag-a-shit-ton-of-angst.html': ['74161466'],
  'listing-tag-choose-not-to-use-archive-warnings.html': ['78912256'],
  'series-1728802.html': ['23977417', '24121558', '24597715'],
  'series-2946579.html': ['37214506', '37610128'],
  'readings-history.html': ['1557332'],
};

/** Per page, the works with a creator link to orphan_account. */
const ORPHANED: Record<string, string[]> = {
  'listing-tag-castiel-supernatural-and-misha-collins.html': ['26302744', '38991171'],
  'listing-tag-komaeda-nagitoxsans-undertale.html': ['63991114', '69544391'],
  'tag-show-unfilterable-no-fandom-freeform.html': ['11445081', '8147215'],
};

describeRealPages('issue 16 rule kinds on real pages', () => {
  const anonymous = [rule({ id: 'anon', match: { kind: 'trait', trait: { type: 'anonymous' } } })];
  const orphaned = [rule({ id: 'orphan', match: { kind: 'trait', trait: { type: 'orphaned' } } })];

  it('the anonymous rule hides exactly the anonymous works, and the orphan_account rule the orphaned ones, on every page of the set', () => {
    const anonymousRules = compileRules(anonymous);
    const orphanedRules = compileRules(orphaned);
    for (const { file, url } of realPages()) {
      const { blurbs } = readPage(realPageDocument(file), url, NOW);
      const hiddenBy = (matcher: ReturnType<typeof compileRules>) => blurbs.filter((b) => matcher.classify(b).verdict === 'hide').map(key).sort();
      expect(hiddenBy(anonymousRules), file).toEqual((ANONYMOUS[file] ?? []).sort());
      expect(hiddenBy(orphanedRules), file).toEqual((ORPHANED[file] ?? []).sort());
    }
  }, 120_000);

  it('the per-chapter kudos ratio and the whole-work one judge a long work in progress differently', () => {
    // 75215951: 25/50 chapters, its markup shows 26 kudos and 660 hits:
    // 3.9% of hits, but 26 ÷ (660 ÷ 25) = 98.5% per chapter read.
    const whole = rule({ id: 'whole', match: { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 0.05 } } });
    const perChapter = rule({ id: 'chapter', match: { kind: 'trait', trait: { type: 'chapterKudosRatioBelow', ratio: 0.05 } } });
    expect(hiddenOn('listing-tag-sherlock-holmes.html', [whole])).toContain('75215951');
    expect(hiddenOn('listing-tag-sherlock-holmes.html', [perChapter])).not.toContain('75215951');
  });
});

// --- Reading rules over the Sherlock Holmes listing, with a made-up history ---

const FILE = 'listing-tag-sherlock-holmes.html';
const DAY = 86_400_000;

function reading(workId: number, read: number[], visitCount = 1): ReadingRecord {
  const chapters: ChapterReading[] = read.map((position) => ({ id: null, position, readAt: DAY * position, scroll: null, scrollAt: null }));
  return { workId, chapters, lastChapter: null, visitCount, firstVisit: DAY, lastVisit: DAY * 30 };
}
const saved = (workId: number, status: SavedStatus): SavedRecord => ({ workId, status, added: DAY, changed: DAY, note: '' });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const seen = (count: number) => range(1, count).map((position) => ({ id: 1_000 + position, position }));

/** Chapter counts from the listing's markup: 77862241 1/1, 75215951 25/50, 69817486 15/41, 73393176 39/?, 5940349 7/?. */
const HISTORY = new Map<number, ReaderState>([
  // Read its one chapter: finished.
  [77862241, { reading: reading(77862241, [1]), saved: null, chapters: seen(1) }],
  // Caught up on 23 chapters when last opened; 25 are posted now: 2 new.
  [75215951, { reading: reading(75215951, range(1, 23)), saved: null, chapters: seen(23) }],
  // Three chapters of fifteen: started, nothing "new".
  [69817486, { reading: reading(69817486, [1, 2, 3]), saved: null, chapters: seen(15) }],
  // Opened once, nothing read.
  [73393176, { reading: reading(73393176, []), saved: null, chapters: [] }],
  // Saved only.
  [77855171, { reading: null, saved: saved(77855171, 'dropped'), chapters: [] }],
  [77598646, { reading: null, saved: saved(77598646, 'to-read'), chapters: [] }],
  // Saved as Finished, though in progress on the archive.
  [5940349, { reading: null, saved: saved(5940349, 'finished'), chapters: [] }],
]);

const readingRules = [
  rule({ id: 'finished', severity: 'dim', match: { kind: 'reading', state: 'finished' } }),
  rule({ id: 'dropped', severity: 'remove', match: { kind: 'reading', state: 'saved', status: 'dropped' } }),
  rule({ id: 'new', action: 'highlight', color: '#3366ff', match: { kind: 'reading', state: 'newChapters' } }),
];

describeRealPages('reading rules on a real listing with a history', () => {
  it('each state matches the works its history says', () => {
    const page = readPage(realPageDocument(FILE), realPage(FILE).url, NOW);
    const one = (match: Rule['match']) => {
      const matcher = compileRules([rule({ id: 'x', match })]);
      return page.blurbs.filter((b) => matcher.classify(b, { readerStates: HISTORY }).verdict === 'hide').map(key).sort();
    };
    expect(one({ kind: 'reading', state: 'opened' })).toEqual(['69817486', '73393176', '75215951', '77862241']);
    expect(one({ kind: 'reading', state: 'started' })).toEqual(['69817486', '75215951', '77862241']);
    expect(one({ kind: 'reading', state: 'finished' })).toEqual(['5940349', '77862241']);
    expect(one({ kind: 'reading', state: 'saved' })).toEqual(['5940349', '77598646', '77855171']);
    expect(one({ kind: 'reading', state: 'saved', status: 'dropped' })).toEqual(['77855171']);
    expect(one({ kind: 'reading', state: 'newChapters' })).toEqual(['75215951']);
  });

  it('dim finished works, remove dropped ones, highlight new chapters; the rest as before', () => {
    const page = readPage(realPageDocument(FILE), realPage(FILE).url, NOW);
    const matcher = compileRules(readingRules);
    const results = new Map(page.blurbs.map((b) => [key(b), matcher.classify(b, { readerStates: HISTORY, defaultSeverity: 'collapse' })]));
    expect(results.get('77862241')).toMatchObject({ verdict: 'hide', severity: 'dim' });
    expect(results.get('5940349')).toMatchObject({ verdict: 'hide', severity: 'dim' });
    expect(results.get('77855171')).toMatchObject({ verdict: 'hide', severity: 'remove' });
    expect(results.get('75215951')).toMatchObject({ verdict: 'highlight', color: '#3366ff', highlightedBy: [{ ruleId: 'new', detail: '2 new chapters' }] });
    const others = [...results].filter(([id]) => !['77862241', '5940349', '77855171', '75215951'].includes(id));
    expect(others).toHaveLength(17);
    for (const [, result] of others) expect(result.verdict).toBe('show');
  });
});

describeRealPages('the listing waits for the reader’s state only when a reading rule needs it', () => {
  let blurbs: Array<{ element: HTMLElement; record: Blurb }>;
  const previousDocument = globalThis.document;

  beforeEach(() => {
    const doc = realPageDocument(FILE);
    globalThis.document = doc;
    const { page, elements } = readPageWithElements(doc, realPage(FILE).url, NOW);
    blurbs = elements.map((element, i) => ({ element: element as HTMLElement, record: page.blurbs[i]! }));
  });
  afterEach(() => {
    globalThis.document = previousDocument;
  });

  // Collapsed, removed or dimmed: every work a hide rule took.
  const hiddenIds = () => blurbs.filter((b) => ['shelfmark-hidden', 'shelfmark-removed', 'shelfmark-dimmed'].some((c) => b.element.classList.contains(c))).map((b) => b.element.id).sort();

  it('classifies again once the states arrive, and keeps them for later changes of the rules', () => {
    const listing = new ListingRules({ ...EMPTY_LISTING_CONFIG, rules: readingRules });
    expect(listing.needsReaderState).toBe(true);
    const outcomes: number[] = [];
    listing.settle(blurbs, (outcome) => outcomes.push(outcome.hidden + outcome.dimmed));
    // Before the answer: reading rules hide nothing.
    expect(hiddenIds()).toEqual([]);
    listing.setReaderStates(HISTORY);
    expect(hiddenIds()).toEqual(['work_5940349', 'work_77855171', 'work_77862241']);
    expect(outcomes).toEqual([3]);
    // A later change of the rules still judges with the states.
    listing.setConfig({ ...EMPTY_LISTING_CONFIG, rules: readingRules.slice(1) });
    expect(hiddenIds()).toEqual(['work_77855171']);
  });

  it('without a reading rule the states change nothing and cost no pass', () => {
    const listing = new ListingRules({ ...EMPTY_LISTING_CONFIG, rules: [rule({ id: 'anon', match: { kind: 'trait', trait: { type: 'anonymous' } } })] });
    expect(listing.needsReaderState).toBe(false);
    const outcomes: number[] = [];
    listing.settle(blurbs, (outcome) => outcomes.push(outcome.hidden + outcome.dimmed));
    expect(hiddenIds()).toEqual(['work_72712596']);
    listing.setReaderStates(HISTORY);
    expect(outcomes).toEqual([]);
    expect(hiddenIds()).toEqual(['work_72712596']);
  });
});
