import { describe, expect, it } from 'vitest';
import { hidesEverything, previewCounts, previewText } from '../../../components/rules/preview';
import type { RuleInput } from '../../../utils/db/rule-checks';
import { readPage } from '../../../utils/ao3/page';
import type { Blurb, MysteryBlurb } from '../../../utils/ao3/types';
import type { Rule } from '../../../utils/rules/types';
import { realPage, realPageDocument } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';
import { workBlurb } from '../rules/factory';

const counts = (fields: Partial<ReturnType<typeof previewCounts>>) => ({ total: 20, classified: 20, hidden: 0, highlighted: 0, incomplete: 0, ...fields });

const byAuthor = (login: string, fields: Partial<RuleInput> = {}): RuleInput => ({ id: 'draft', action: 'hide', match: { kind: 'author', login }, enabled: true, ...fields });

describe('previewText', () => {
  it('says how many of the page’s works the rule would hide or highlight', () => {
    expect(previewText(counts({ hidden: 4 }), 'hide')).toBe('This rule would hide 4 of the 20 works on this page.');
    expect(previewText(counts({ highlighted: 1 }), 'highlight')).toBe('This rule would highlight 1 of the 20 works on this page.');
    expect(previewText(counts({}), 'hide')).toBe('This rule would hide none of the 20 works on this page.');
    expect(previewText(counts({ total: 1, classified: 1 }), 'hide')).toBe('This rule would hide none of the 1 work on this page.');
    expect(previewText(counts({ total: 0, classified: 0 }), 'hide')).toBe('There are no works on this page to try this rule on.');
  });

  it('formats numbers for the reader’s locale', () => {
    expect(previewText(counts({ total: 1500, classified: 1500, hidden: 1200 }), 'hide')).toBe(
      `This rule would hide ${(1200).toLocaleString()} of the ${(1500).toLocaleString()} works on this page.`,
    );
  });

  it('warns when the archive’s settings hid tags the count depends on', () => {
    expect(previewText(counts({ hidden: 2, incomplete: 3 }), 'hide')).toBe(
      'This rule would hide 2 of the 20 works on this page. The archive’s settings hid some tags, so 3 works may be counted wrongly.',
    );
  });
});

describe('hidesEverything', () => {
  it('is true only for a hide rule that leaves no judged work shown', () => {
    expect(hidesEverything(counts({ hidden: 20 }), 'hide')).toBe(true);
    expect(hidesEverything(counts({ hidden: 19 }), 'hide')).toBe(false);
    expect(hidesEverything(counts({ highlighted: 20 }), 'highlight')).toBe(false);
    // Mystery blurbs can't be hidden: hiding every other work still hides "everything".
    expect(hidesEverything(counts({ classified: 18, hidden: 18 }), 'hide')).toBe(true);
    expect(hidesEverything(counts({ total: 2, classified: 0 }), 'hide')).toBe(false);
  });
});

describe('previewCounts', () => {
  const records: Blurb[] = [
    workBlurb({ workId: 1, authors: [{ login: 'a', pseud: 'a' }] }),
    workBlurb({ workId: 2, authors: [{ login: 'a', pseud: 'other' }] }),
    workBlurb({ workId: 3, authors: [{ login: 'b', pseud: 'b' }] }),
    { type: 'mystery', workId: null, title: 'Mystery', collection: null } satisfies MysteryBlurb,
  ];

  it('counts the draft rule alone, even while it is disabled', () => {
    expect(previewCounts(byAuthor('a', { enabled: false }), records)).toMatchObject({ total: 4, classified: 3, hidden: 2 });
    expect(previewCounts(byAuthor('a', { action: 'highlight', color: '#ffcc00' }), records)).toMatchObject({ hidden: 0, highlighted: 2 });
  });

  it('does not count works the reader always shows', () => {
    expect(previewCounts(byAuthor('a'), records, [2])).toMatchObject({ hidden: 1 });
  });

  it('does not count as highlighted the works the reader’s other hide rules hide anyway', () => {
    const hideWork = (workId: number, fields: Partial<Rule> = {}): Rule => ({ id: `hide-${workId}`, action: 'hide', match: { kind: 'work', workId }, enabled: true, createdAt: 0, updatedAt: 0, ...fields });
    const highlight = byAuthor('a', { action: 'highlight', color: '#ffcc00' });
    const rules = [hideWork(1), hideWork(2, { enabled: false })];
    expect(previewCounts(highlight, records, [], rules)).toMatchObject({ highlighted: 1 });
    // A work the reader always shows keeps its highlight.
    expect(previewCounts(highlight, records, [1], rules)).toMatchObject({ highlighted: 2 });
    // The rule being edited counts as drafted, not as saved.
    expect(previewCounts({ ...highlight, id: 'hide-1' }, records, [], rules)).toMatchObject({ highlighted: 2 });
    // A hide rule still counts every work it would hide.
    expect(previewCounts(byAuthor('a'), records, [], rules)).toMatchObject({ hidden: 2 });
  });
});

describeRealPages('previewCounts on the real Sherlock Holmes listing', () => {
  const file = 'listing-tag-sherlock-holmes.html';
  const blurbs = () => readPage(realPageDocument(file), realPage(file).url).blurbs;

  it('would hide the 7 works by EdosianOrchids901 of 21', () => {
    const result = previewCounts(byAuthor('EdosianOrchids901'), blurbs());
    expect(result).toMatchObject({ total: 21, hidden: 7 });
    expect(previewText(result, 'hide')).toBe('This rule would hide 7 of the 21 works on this page.');
    expect(hidesEverything(result, 'hide')).toBe(false);
  });

  it('asks for confirmation for a rule that hides all of them', () => {
    const result = previewCounts({ id: 'd', action: 'hide', match: { kind: 'trait', trait: { type: 'words', min: 1 } }, enabled: true }, blurbs());
    expect(result.hidden).toBe(21);
    expect(hidesEverything(result, 'hide')).toBe(true);
  });
});
