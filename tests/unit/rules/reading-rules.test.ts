/** Reading rules: the reader's own relation to a work (opened, read, finished, saved, new chapters). */
import { describe, expect, it } from 'vitest';
import type { ChapterReading, ReadingRecord, SavedRecord, SavedStatus } from '../../../utils/db/types';
import { compileRules } from '../../../utils/rules/compile';
import { describeMatch } from '../../../utils/rules/labels';
import { EMPTY_LISTING_CONFIG, needsReaderState } from '../../../utils/rules/listing-config';
import type { ReaderState, ReadingMatch, Rule } from '../../../utils/rules/types';
import { validateRule } from '../../../utils/rules/validate';
import { rule, seriesBlurb, tagRule, workBlurb } from './factory';

const DAY = 86_400_000;

function reading(readPositions: number[], fields: Partial<ReadingRecord> = {}): ReadingRecord {
  const chapters: ChapterReading[] = readPositions.map((position) => ({ id: 100 + position, position, readAt: DAY * position, scroll: null, scrollAt: null }));
  return { workId: 1000, chapters, lastChapter: null, visitCount: 1, firstVisit: DAY, lastVisit: DAY * 10, ...fields };
}

const saved = (status: SavedStatus): SavedRecord => ({ workId: 1000, status, added: DAY, changed: DAY, note: '' });

function state(fields: Partial<ReaderState> = {}): ReaderState {
  return { reading: null, saved: null, chapters: [], ...fields };
}

const readingRule = (match: Omit<ReadingMatch, 'kind'>, fields: Partial<Rule> = {}) => rule({ kind: 'reading', ...match }, fields);

type Classifiable = Parameters<ReturnType<typeof compileRules>['classify']>[0];

function classify(rules: Rule[], workState: ReaderState | undefined, record: Classifiable = workBlurb()) {
  const states = new Map<number, ReaderState>(workState ? [[1000, workState]] : []);
  return compileRules(rules).classify(record, { readerStates: states });
}

const matches = (match: Omit<ReadingMatch, 'kind'>, workState: ReaderState | undefined, record: Classifiable = workBlurb()) =>
  classify([readingRule(match)], workState, record).verdict === 'hide';

describe('reading rules', () => {
  it('opened: any visit or reading recorded', () => {
    expect(matches({ state: 'opened' }, state({ reading: reading([]) }))).toBe(true);
    expect(matches({ state: 'opened' }, state({ reading: reading([], { visitCount: 0, firstVisit: null, lastVisit: null }) }))).toBe(false);
    expect(matches({ state: 'opened' }, state({ saved: saved('to-read') }))).toBe(false);
  });

  it('started: at least one chapter read to the end, saying how many', () => {
    const result = classify([readingRule({ state: 'started' }, { id: 's' })], state({ reading: reading([1, 2]) }));
    expect(result.hiddenBy).toEqual([{ ruleId: 's', label: 'Works I read a chapter of', detail: 'You read 2 chapters' }]);
    expect(matches({ state: 'started' }, state({ reading: reading([]) }))).toBe(false);
  });

  it('finished: every posted chapter of a complete work, or saved as Finished', () => {
    const three = workBlurb({ chapters: { posted: 3, expected: 3 }, complete: true });
    expect(matches({ state: 'finished' }, state({ reading: reading([1, 2, 3]) }), three)).toBe(true);
    expect(matches({ state: 'finished' }, state({ reading: reading([1, 3]) }), three)).toBe(false);
    // Caught up on a work in progress is not finished.
    const wip = workBlurb({ chapters: { posted: 3, expected: null }, complete: false });
    expect(matches({ state: 'finished' }, state({ reading: reading([1, 2, 3]) }), wip)).toBe(false);
    expect(matches({ state: 'finished' }, state({ saved: saved('finished') }), wip)).toBe(true);
    // A chapter count the blurb does not show says nothing.
    expect(matches({ state: 'finished' }, state({ reading: reading([1]) }), workBlurb({ chapters: null }))).toBe(false);
  });

  it('saved: in the saved list, with any status or one', () => {
    const dropped = state({ saved: saved('dropped') });
    expect(matches({ state: 'saved' }, dropped)).toBe(true);
    expect(matches({ state: 'saved', status: 'dropped' }, dropped)).toBe(true);
    expect(matches({ state: 'saved', status: 'reading' }, dropped)).toBe(false);
    expect(matches({ state: 'saved' }, state({ reading: reading([1]) }))).toBe(false);
    const result = classify([readingRule({ state: 'saved', status: 'dropped' }, { id: 'd' })], dropped);
    expect(result.hiddenBy).toEqual([{ ruleId: 'd', label: 'Works I saved as Dropped', detail: 'Saved: Dropped' }]);
  });

  it('newChapters: caught up when last opened, more posted since (as the listing badge counts them)', () => {
    const five = workBlurb({ chapters: { posted: 5, expected: null }, complete: false });
    const seenThree = [1, 2, 3].map((position) => ({ id: 100 + position, position }));
    const caughtUp = state({ reading: reading([1, 2, 3]), chapters: seenThree });
    const result = classify([readingRule({ state: 'newChapters' }, { id: 'n', action: 'highlight' })], caughtUp, five);
    expect(result).toMatchObject({ verdict: 'highlight', highlightedBy: [{ ruleId: 'n', label: 'New chapters since I read', detail: '2 new chapters' }] });
    // Not caught up then, nothing newer, or no chapter list known: nothing new to speak of.
    expect(matches({ state: 'newChapters' }, state({ reading: reading([1, 3]), chapters: seenThree }), five)).toBe(false);
    expect(matches({ state: 'newChapters' }, caughtUp, workBlurb({ chapters: { posted: 3, expected: null } }))).toBe(false);
    expect(matches({ state: 'newChapters' }, state({ reading: reading([1, 2, 3]) }), five)).toBe(false);
    expect(matches({ state: 'newChapters' }, state({ chapters: seenThree }), five)).toBe(false);
  });

  it('match nothing without states, for a work they do not list, or on a record without a work id', () => {
    const finished = readingRule({ state: 'opened' });
    expect(compileRules([finished]).classify(workBlurb()).verdict).toBe('show');
    expect(classify([finished], undefined).verdict).toBe('show');
    expect(classify([finished], state({ reading: reading([1]) }), seriesBlurb()).verdict).toBe('show');
  });

  it('take part in precedence, scope and exceptions like any rule', () => {
    const dim = readingRule({ state: 'finished' }, { severity: 'dim' });
    const remove = readingRule({ state: 'saved', status: 'dropped' }, { severity: 'remove' });
    const both = state({ reading: reading([1]), saved: saved('dropped') });
    expect(classify([dim, remove], both, workBlurb({ complete: true }))).toMatchObject({ verdict: 'hide', severity: 'remove' });
    const excepted = readingRule({ state: 'opened' }, { exceptions: { tags: ['Fluff'] } });
    expect(classify([excepted], both).verdict).toBe('show');
  });
});

describe('a blurb judged before the states are in', () => {
  it('waits for them when a reading rule exists, unless another rule already removes it', () => {
    const waiting = compileRules([readingRule({ state: 'finished' }), tagRule('Angst')]);
    expect(waiting.classify(workBlurb(), {}).needsState).toBe(true);
    expect(waiting.classify(workBlurb(), { readerStates: new Map() }).needsState).toBeUndefined();
    expect(compileRules([tagRule('Angst')]).classify(workBlurb(), {}).needsState).toBeUndefined();
    const removed = compileRules([readingRule({ state: 'finished' }), rule({ kind: 'work', workId: 1000 }, { severity: 'remove' })]);
    expect(removed.classify(workBlurb(), {}).needsState).toBeUndefined();
  });

  it('does not wait for a work the state filter knows has no state: no reading rule can match it', () => {
    const waiting = compileRules([readingRule({ state: 'opened' }), tagRule('Angst')]);
    const blurb = workBlurb();
    const judged = waiting.classify(blurb, { mayHaveState: (id) => id !== blurb.workId });
    expect(judged.needsState).toBeUndefined();
    expect(judged).toEqual(waiting.classify(blurb, { readerStates: new Map() }));
    expect(waiting.classify(blurb, { mayHaveState: () => true }).needsState).toBe(true);
  });
});

describe('needsReaderState', () => {
  const config = (rules: Rule[], paused = false) => ({ ...EMPTY_LISTING_CONFIG, rules, paused });

  it('only with an enabled reading rule, and not while the rules are paused', () => {
    expect(needsReaderState(config([tagRule('Angst')]))).toBe(false);
    expect(needsReaderState(config([tagRule('Angst'), readingRule({ state: 'opened' })]))).toBe(true);
    expect(needsReaderState(config([readingRule({ state: 'opened' }, { enabled: false })]))).toBe(false);
    expect(needsReaderState(config([readingRule({ state: 'opened' })], true))).toBe(false);
  });
});

describe('validating reading rules', () => {
  const base = { id: 'r1', action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
  const check = (match: unknown) => validateRule({ ...base, match });

  it.each([
    [{ kind: 'reading', state: 'finished' }],
    [{ kind: 'reading', state: 'opened' }],
    [{ kind: 'reading', state: 'started' }],
    [{ kind: 'reading', state: 'newChapters' }],
    [{ kind: 'reading', state: 'saved' }],
    [{ kind: 'reading', state: 'saved', status: 'on-hold' }],
  ])('accepts %j and describes it', (match) => {
    const result = check(match);
    expect(result).toEqual({ ok: true, rule: { ...base, match } });
    if (result.ok) expect(describeMatch(result.rule.match)).toMatch(/^(Works I|New chapters)/);
  });

  it.each([
    [{ kind: 'reading', state: 'loved' }, 'match.state must be one of "opened", "started", "finished", "saved", "newChapters"'],
    [{ kind: 'reading', state: 'saved', status: 'someday' }, 'match.status must be one of "to-read", "reading", "finished", "on-hold", "dropped"'],
    [{ kind: 'reading', state: 'finished', status: 'dropped' }, 'match.status is for the "saved" state only'],
    [{ kind: 'reading', state: 'opened', since: 5 }, 'match has an unknown field "since"'],
  ])('refuses %j', (match, error) => {
    expect(check(match)).toEqual({ ok: false, error });
  });
});
