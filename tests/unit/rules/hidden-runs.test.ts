/** Which placeholders fold into one line, and the counted reasons that line gives. */
import { describe, expect, it } from 'vitest';
import { countReasons, placeholderRuns, type HiddenLook } from '../../../utils/rules/hidden-runs';
import type { MatchReason } from '../../../utils/rules/types';

const C: HiddenLook = 'collapse';
const R: HiddenLook = 'remove';
const D: HiddenLook = 'dim';
const members = (looks: Array<HiddenLook | null>) => placeholderRuns(looks).map((run) => run.members);

describe('placeholderRuns', () => {
  it('folds two or more consecutive placeholders, never one alone', () => {
    expect(members([C, C, C])).toEqual([[0, 1, 2]]);
    expect(members([C])).toEqual([]);
    expect(members([null, C, null, C, C, null])).toEqual([[3, 4]]);
    expect(members([])).toEqual([]);
  });

  it('lets a shown or a dimmed work end a run', () => {
    expect(members([C, C, null, C, C])).toEqual([[0, 1], [3, 4]]);
    expect(members([C, C, D, C, C])).toEqual([[0, 1], [3, 4]]);
    expect(members([C, D, C])).toEqual([]);
  });

  it('looks through removed works: they leave nothing between two placeholders, and are not counted in the run', () => {
    expect(members([C, R, C])).toEqual([[0, 2]]);
    expect(members([R, C, R, R, C, R])).toEqual([[1, 4]]);
    expect(members([R, R, R])).toEqual([]);
    expect(members([C, R, null, C])).toEqual([]);
  });

  it('takes the smallest run length as asked', () => {
    expect(placeholderRuns([C, null, C, C, C], 3).map((run) => run.members)).toEqual([[2, 3, 4]]);
  });
});

const reason = (ruleId: string, label: string): MatchReason => ({ ruleId, label, detail: '' });
const author = reason('a', 'Author: EdosianOrchids901');
const words = reason('w', 'Words: at most 1,000');
const teen = reason('t', 'Rating: Teen And Up Audiences');

describe('countReasons', () => {
  it('counts each reason once per work, most frequent first, ties in order of first appearance', () => {
    const works = [[author, words], [author, words], [author], [author, words, teen], [author, teen], [author, words], [author, words]];
    expect(countReasons(works)).toEqual([
      { label: 'Author: EdosianOrchids901', count: 7 },
      { label: 'Words: at most 1,000', count: 5 },
      { label: 'Rating: Teen And Up Audiences', count: 2 },
    ]);
    expect(countReasons([[teen], [words], [words, teen]])).toEqual([
      { label: 'Rating: Teen And Up Audiences', count: 2 },
      { label: 'Words: at most 1,000', count: 2 },
    ]);
  });

  it('reads two rules with the same label as one reason, counted once per work', () => {
    const twin = reason('a2', author.label);
    expect(countReasons([[author, twin], [twin]])).toEqual([{ label: author.label, count: 2 }]);
  });

  it('gives nothing for no works', () => {
    expect(countReasons([])).toEqual([]);
  });
});
