/** The traits added for issue 16: anonymous and orphaned works, tag counts, words per chapter, relative dates, stats and the per-chapter kudos ratio. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileRules } from '../../../utils/rules/compile';
import { describeMatch } from '../../../utils/rules/labels';
import { KUDOS_RATIO_MIN_HITS, chapterKudosRatio, cutoffDate } from '../../../utils/rules/traits';
import type { Trait } from '../../../utils/rules/types';
import { validateRule } from '../../../utils/rules/validate';
import { seriesBlurb, traitRule, workBlurb, workBookmark, workPage } from './factory';

type Record = Parameters<ReturnType<typeof compileRules>['classify']>[0];

const hiddenBy = (trait: Trait, record: Record) => compileRules([traitRule(trait, { id: 'r' })]).classify(record).hiddenBy;
const hides = (trait: Trait, record: Record) => hiddenBy(trait, record).length > 0;

describe('anonymous and orphan_account works', () => {
  it('anonymous matches the archive’s marker only', () => {
    expect(hiddenBy({ type: 'anonymous' }, workBlurb({ anonymous: true, authors: [] }))).toEqual([{ ruleId: 'r', label: 'Anonymous', detail: 'Anonymous' }]);
    expect(hides({ type: 'anonymous' }, workBlurb())).toBe(false);
    expect(hides({ type: 'anonymous' }, workBlurb({ authors: [{ login: 'Anonymous', pseud: 'Anonymous' }] }))).toBe(false);
    expect(hides({ type: 'anonymous' }, seriesBlurb({ anonymous: true }))).toBe(true);
    expect(hides({ type: 'anonymous' }, workPage({ anonymous: true }))).toBe(true);
  });

  it('orphaned matches works by orphan_account, on works and series', () => {
    const orphan = [{ login: 'orphan_account', pseud: 'orphan_account' }];
    expect(hides({ type: 'orphaned' }, workBlurb({ orphaned: true, authors: orphan }))).toBe(true);
    expect(hides({ type: 'orphaned' }, workBlurb())).toBe(false);
    expect(hides({ type: 'orphaned' }, seriesBlurb({ authors: orphan }))).toBe(true);
    expect(hides({ type: 'orphaned' }, seriesBlurb())).toBe(false);
  });
});

describe('tag counts', () => {
  const busy = workBlurb({
    warnings: ['No Archive Warnings Apply'],
    relationships: ['A/B', 'C/D', 'E/F'],
    characters: ['A', 'B'],
    freeforms: ['Fluff', 'Angst', 'Hurt/Comfort', 'Fix-It'],
  });

  it('count one kind of tag, strictly more than the number', () => {
    expect(hiddenBy({ type: 'tagCount', slot: 'relationship', moreThan: 2 }, busy)).toEqual([{ ruleId: 'r', label: 'Relationships: more than 2', detail: '3 tags' }]);
    expect(hides({ type: 'tagCount', slot: 'relationship', moreThan: 3 }, busy)).toBe(false);
    expect(hides({ type: 'tagCount', slot: 'character', moreThan: 1 }, busy)).toBe(true);
    expect(hides({ type: 'tagCount', slot: 'freeform', moreThan: 4 }, busy)).toBe(false);
  });

  it('all tags: warnings, relationships, characters and additional tags (not fandoms, ratings or categories)', () => {
    expect(hides({ type: 'tagCount', slot: 'any', moreThan: 9 }, busy)).toBe(true);
    expect(hides({ type: 'tagCount', slot: 'any', moreThan: 10 }, busy)).toBe(false);
  });

  it('flag the result incomplete when the archive hid the tags counted', () => {
    const hidden = workBlurb({ freeforms: [], hiddenTags: { warnings: false, freeforms: true } });
    const matcher = compileRules([traitRule({ type: 'tagCount', slot: 'freeform', moreThan: 0 })]);
    expect(matcher.classify(hidden)).toMatchObject({ verdict: 'show', incomplete: true });
    const characters = compileRules([traitRule({ type: 'tagCount', slot: 'character', moreThan: 0 })]);
    expect(characters.classify(hidden).incomplete).toBe(false);
  });
});

describe('words per chapter', () => {
  it('match an average strictly below the number', () => {
    const short = workBlurb({ words: 2_000, chapters: { posted: 4, expected: null } });
    expect(hiddenBy({ type: 'wordsPerChapterBelow', below: 501 }, short)).toEqual([{ ruleId: 'r', label: 'Fewer than 501 words per chapter', detail: '500 words per chapter' }]);
    expect(hides({ type: 'wordsPerChapterBelow', below: 500 }, short)).toBe(false);
  });

  it('one chapter is the word count; missing words or chapters match nothing', () => {
    expect(hides({ type: 'wordsPerChapterBelow', below: 5_001 }, workBlurb({ words: 5_000, chapters: { posted: 1, expected: 1 } }))).toBe(true);
    expect(hides({ type: 'wordsPerChapterBelow', below: 1e9 }, workBlurb({ words: null }))).toBe(false);
    expect(hides({ type: 'wordsPerChapterBelow', below: 1e9 }, workBlurb({ chapters: null }))).toBe(false);
    expect(hides({ type: 'wordsPerChapterBelow', below: 1e9 }, workBlurb({ chapters: { posted: 0, expected: null } }))).toBe(false);
    expect(hides({ type: 'wordsPerChapterBelow', below: 1e9 }, seriesBlurb())).toBe(false);
  });
});

describe('not updated for a time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-31T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts back from today: days, months (kept within the month) and years', () => {
    const day = Math.floor(Date.now() / 86_400_000);
    expect(cutoffDate(day, 30, 'days')).toBe('2026-03-01');
    expect(cutoffDate(day, 1, 'months')).toBe('2026-02-28');
    expect(cutoffDate(day, 13, 'months')).toBe('2025-02-28');
    expect(cutoffDate(day, 2, 'years')).toBe('2024-03-31');
    expect(cutoffDate(Math.floor(Date.UTC(2024, 1, 29) / 86_400_000), 1, 'years')).toBe('2023-02-28');
  });

  it('match works last updated on or before the cutoff, and say when', () => {
    const trait: Trait = { type: 'notUpdatedFor', amount: 2, unit: 'years' };
    expect(hiddenBy(trait, workBlurb({ updated: '2024-03-31' }))).toEqual([{ ruleId: 'r', label: 'Not updated for 2 years', detail: 'Updated 2024-03-31' }]);
    expect(hides(trait, workBlurb({ updated: '2024-04-01' }))).toBe(false);
    expect(hides(trait, workBlurb({ updated: null }))).toBe(false);
    expect(hides(trait, workBlurb({ updated: 'someday' }))).toBe(false);
  });

  it('does not age: the same rule matches more works as time passes', () => {
    const matcher = compileRules([traitRule({ type: 'notUpdatedFor', amount: 10, unit: 'days' })]);
    const work = workBlurb({ updated: '2026-03-25' });
    expect(matcher.classify(work).verdict).toBe('show');
    vi.setSystemTime(new Date('2026-04-04T00:30:00Z'));
    expect(matcher.classify(work).verdict).toBe('hide');
  });
});

describe('stats', () => {
  it('kudos, hits, bookmarks and comments at least or at most a number', () => {
    const work = workBlurb({ kudos: 1_200, hits: 45_000, bookmarks: 300, comments: 42 });
    expect(hiddenBy({ type: 'stat', stat: 'kudos', min: 1_000 }, work)).toEqual([{ ruleId: 'r', label: 'Kudos: at least 1,000', detail: '1,200 kudos' }]);
    expect(hides({ type: 'stat', stat: 'kudos', max: 1_199 }, work)).toBe(false);
    expect(hides({ type: 'stat', stat: 'hits', max: 45_000 }, work)).toBe(true);
    expect(hides({ type: 'stat', stat: 'bookmarks', min: 301 }, work)).toBe(false);
    expect(hides({ type: 'stat', stat: 'comments', min: 10, max: 50 }, work)).toBe(true);
  });

  it('never guess a stat the record does not show', () => {
    expect(hides({ type: 'stat', stat: 'kudos', max: 1_000 }, workBlurb({ kudos: null }))).toBe(false);
    // No kudos shown is none left, when the stats were read (hits); without them, unknown.
    expect(hides({ type: 'stat', stat: 'kudos', max: 0 }, workBlurb({ kudos: 0, hits: 12 }))).toBe(true);
    expect(hides({ type: 'stat', stat: 'kudos', max: 0 }, workBlurb({ kudos: 0, hits: 0 }))).toBe(false);
    // A zero count of comments, bookmarks or hits may be a field that could not be read.
    expect(hides({ type: 'stat', stat: 'comments', max: 5 }, workBlurb({ comments: 0 }))).toBe(false);
    expect(hides({ type: 'stat', stat: 'bookmarks', max: 5 }, workBlurb({ bookmarks: 0 }))).toBe(false);
    expect(hides({ type: 'stat', stat: 'hits', max: 5 }, workBlurb({ hits: 0 }))).toBe(false);
    expect(hides({ type: 'stat', stat: 'comments', max: 5 }, workBlurb({ comments: 1 }))).toBe(true);
    expect(hides({ type: 'stat', stat: 'hits', max: 1_000 }, seriesBlurb())).toBe(false);
    expect(hides({ type: 'stat', stat: 'bookmarks', max: 1_000 }, seriesBlurb({ bookmarks: 3 }))).toBe(true);
  });
});

describe('kudos per chapter read', () => {
  it('is kudos ÷ (hits ÷ chapters)', () => {
    expect(chapterKudosRatio({ kudos: 120, hits: 10_000, chaptersPosted: 5 })).toBeCloseTo(0.06);
    // One chapter: the plain kudos ratio.
    expect(chapterKudosRatio({ kudos: 50, hits: 1_000, chaptersPosted: 1 })).toBeCloseTo(0.05);
  });

  it('is unknown for missing stats, zero or too few hits, and no chapters', () => {
    expect(chapterKudosRatio({ kudos: null, hits: 1_000, chaptersPosted: 2 })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: null, chaptersPosted: 2 })).toBeNull();
    expect(chapterKudosRatio({ kudos: 0, hits: 0, chaptersPosted: 2 })).toBeNull();
    expect(chapterKudosRatio({ kudos: 1, hits: KUDOS_RATIO_MIN_HITS - 1, chaptersPosted: 2 })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: 1_000, chaptersPosted: null })).toBeNull();
    expect(chapterKudosRatio({ kudos: 5, hits: 1_000, chaptersPosted: 0 })).toBeNull();
  });

  it('judges a long work by its readers, not its hits, and says how', () => {
    // 20 chapters, 100,000 hits, 600 kudos: 0.6% of hits, but 12% per chapter read.
    const long = workBlurb({ kudos: 600, hits: 100_000, chapters: { posted: 20, expected: 20 } });
    expect(hides({ type: 'kudosRatioBelow', ratio: 0.05 }, long)).toBe(true);
    expect(hides({ type: 'chapterKudosRatioBelow', ratio: 0.05 }, long)).toBe(false);
    expect(hiddenBy({ type: 'chapterKudosRatioBelow', ratio: 0.15 }, long)).toEqual([
      { ruleId: 'r', label: 'Kudos per chapter read below 15% (100+ hits)', detail: '600 kudos ÷ (100,000 hits ÷ 20 chapters) = 12%' },
    ]);
  });

  it('uses the chapters posted when the expected count is "?"', () => {
    const wip = workBlurb({ kudos: 20, hits: 1_000, chapters: { posted: 2, expected: null } });
    expect(hides({ type: 'chapterKudosRatioBelow', ratio: 0.05 }, wip)).toBe(true);
    expect(hides({ type: 'chapterKudosRatioBelow', ratio: 0.04 }, wip)).toBe(false);
  });

  it('matches nothing for lack of data: zero hits, missing kudos, no chapter count, a series', () => {
    const trait: Trait = { type: 'chapterKudosRatioBelow', ratio: 10 };
    expect(hides(trait, workBlurb({ hits: 0, kudos: 0 }))).toBe(false);
    expect(hides(trait, workBlurb({ kudos: null }))).toBe(false);
    expect(hides(trait, workBlurb({ chapters: null }))).toBe(false);
    expect(hides(trait, seriesBlurb())).toBe(false);
    expect(hides(trait, workBookmark({ kudos: 1, hits: 1_000 }))).toBe(true);
  });

  it('leaves the whole-work ratio of old rules as it was', () => {
    const twoChapters = workBlurb({ kudos: 40, hits: 1_000, chapters: { posted: 2, expected: 2 } });
    expect(hides({ type: 'kudosRatioBelow', ratio: 0.05 }, twoChapters)).toBe(true);
    expect(hides({ type: 'chapterKudosRatioBelow', ratio: 0.05 }, twoChapters)).toBe(false);
  });
});

describe('validating the new traits', () => {
  const base = { id: 'r1', action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
  const check = (trait: unknown) => validateRule({ ...base, match: { kind: 'trait', trait } });

  it.each([
    [{ type: 'anonymous' }],
    [{ type: 'orphaned' }],
    [{ type: 'tagCount', slot: 'any', moreThan: 30 }],
    [{ type: 'tagCount', slot: 'character', moreThan: 0 }],
    [{ type: 'wordsPerChapterBelow', below: 1_000 }],
    [{ type: 'notUpdatedFor', amount: 6, unit: 'months' }],
    [{ type: 'stat', stat: 'hits', min: 10, max: 1_000_000 }],
    [{ type: 'stat', stat: 'comments', max: 0 }],
    [{ type: 'chapterKudosRatioBelow', ratio: 1.5 }],
  ])('accepts %j and describes it', (trait) => {
    const result = check(trait);
    expect(result).toEqual({ ok: true, rule: { ...base, match: { kind: 'trait', trait } } });
    if (result.ok) expect(describeMatch(result.rule.match)).not.toBe('');
  });

  it.each([
    [{ type: 'anonymous', value: true }, 'match.trait has an unknown field "value"'],
    [{ type: 'tagCount', slot: 'fandom', moreThan: 3 }, 'match.trait.slot must be one of "relationship", "character", "freeform", "any"'],
    [{ type: 'tagCount', slot: 'any', moreThan: -1 }, 'match.trait.moreThan must be a whole number from 0 to 1000'],
    [{ type: 'wordsPerChapterBelow', below: 0 }, 'match.trait.below must be a whole number from 1 to 1000000000'],
    [{ type: 'notUpdatedFor', amount: 3, unit: 'weeks' }, 'match.trait.unit must be one of "days", "months", "years"'],
    [{ type: 'notUpdatedFor', amount: 0, unit: 'days' }, 'match.trait.amount must be a whole number from 1 to 10000'],
    [{ type: 'stat', stat: 'kudos' }, 'match.trait needs a min or a max'],
    [{ type: 'stat', stat: 'words', min: 1 }, 'match.trait.stat must be one of "kudos", "hits", "bookmarks", "comments"'],
    [{ type: 'chapterKudosRatioBelow', ratio: 0 }, 'match.trait.ratio must be a number above 0 and at most 10 (0.05 is 5%)'],
    [{ type: 'chapterKudosRatioBelow', ratio: 11 }, 'match.trait.ratio must be a number above 0 and at most 10 (0.05 is 5%)'],
  ])('refuses %j', (trait, error) => {
    expect(check(trait)).toEqual({ ok: false, error });
  });
});
