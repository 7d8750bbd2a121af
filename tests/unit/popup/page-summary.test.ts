import { describe, expect, it } from 'vitest';
import { countLabel, summarizePage, worksLabel } from '../../../entrypoints/popup/page-summary';
import type { Classification, MatchReason } from '../../../utils/rules/types';
import { workBlurb } from '../rules/factory';

const reason = (ruleId: string, label: string, detail = label): MatchReason => ({ ruleId, label, detail });
const result = (fields: Partial<Classification>): Classification => ({ verdict: 'show', classified: true, hiddenBy: [], highlightedBy: [], incomplete: false, ...fields });

describe('summarizePage', () => {
  it('counts hidden and highlighted works and groups them by the deciding rule, biggest group first', () => {
    const blurbs = ['A', 'B', 'C', 'D', 'E'].map((title, i) => workBlurb({ workId: i + 1, title }));
    const results = [
      result({ verdict: 'hide', hiddenBy: [reason('r1', 'Author: x')] }),
      result({ verdict: 'hide', hiddenBy: [reason('r2', 'Rating: Explicit'), reason('r1', 'Author: x')] }),
      result({ verdict: 'hide', hiddenBy: [reason('r2', 'Rating: Explicit')] }),
      result({ verdict: 'highlight', highlightedBy: [reason('r3', 'Fluff!')], incomplete: true }),
      // Matched by a hide rule but always shown.
      result({ verdict: 'show', hiddenBy: [reason('r1', 'Author: x')] }),
    ];
    const summary = summarizePage({ blurbs, results });
    expect(summary).toMatchObject({ total: 5, hidden: 3, highlighted: 1, alwaysShown: 1, incomplete: 1 });
    expect(summary.hiddenBy.map((g) => [g.label, g.works.map((w) => w.title)])).toEqual([
      ['Rating: Explicit', ['B', 'C']],
      ['Author: x', ['A']],
    ]);
    expect(summary.hiddenBy[0]!.works[0]!.alsoBy).toEqual(['Author: x']);
    expect(summary.highlightedBy).toEqual([{ ruleId: 'r3', label: 'Fluff!', works: [{ title: 'D', detail: 'Fluff!', alsoBy: [] }] }]);
  });

  it('counts dimmed works apart from hidden ones, and says how each hidden work went', () => {
    const blurbs = ['A', 'B', 'C', 'D'].map((title, i) => workBlurb({ workId: i + 1, title }));
    const by = [reason('r1', 'Author: x')];
    const results = [
      result({ verdict: 'hide', severity: 'dim', hiddenBy: by }),
      result({ verdict: 'hide', severity: 'collapse', hiddenBy: by }),
      result({ verdict: 'hide', severity: 'remove', hiddenBy: by }),
      result({ verdict: 'hide', severity: 'dim', hiddenBy: by }),
    ];
    const summary = summarizePage({ blurbs, results });
    expect(summary).toMatchObject({ total: 4, hidden: 2, dimmed: 2 });
    expect(summary.hiddenBy[0]!.works.map((w) => [w.title, w.look])).toEqual([['A', 'dimmed'], ['B', undefined], ['C', 'removed'], ['D', 'dimmed']]);
    expect(countLabel(2, 'dimmed')).toBe('2 dimmed');
  });

  it('says which tag a family matched, filed under which canonical', () => {
    const filed = { ruleId: 'r1', label: 'Tag: Angst', detail: 'a shit ton of angst (filed under Angst)', filedUnder: 'Angst' };
    const summary = summarizePage({ blurbs: [workBlurb({ title: 'A' }), workBlurb({ title: 'B' })], results: [result({ verdict: 'hide', hiddenBy: [filed] }), result({ verdict: 'hide', hiddenBy: [reason('r1', 'Tag: Angst', 'Angst')] })] });
    expect(summary.hiddenBy[0]!.works).toEqual([
      { title: 'A', detail: 'a shit ton of angst (filed under Angst)', alsoBy: [], filedUnder: 'Angst' },
      { title: 'B', detail: 'Angst', alsoBy: [] },
    ]);
  });

  it('reads a paused page (no results) as nothing done', () => {
    expect(summarizePage({ blurbs: [workBlurb()], results: [] })).toMatchObject({ total: 1, hidden: 0, highlighted: 0 });
  });
});

describe('labels', () => {
  it('format counts for the reader’s locale', () => {
    expect(countLabel(7, 'hidden')).toBe('7 hidden');
    expect(countLabel(1234, 'highlighted')).toBe(`${(1234).toLocaleString()} highlighted`);
    expect(worksLabel(1)).toBe('1 work');
    expect(worksLabel(21)).toBe('21 works');
  });
});
