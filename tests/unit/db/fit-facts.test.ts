/** One odd blurb's facts are cut to what the background accepts, or left out when its id is unusable. */
import { describe, expect, it } from 'vitest';
import { fitWorkFacts } from '../../../utils/db/fit-facts';
import { checkWorkFacts, FACT_LIMITS } from '../../../utils/db/record-checks';
import { work } from './fixtures';

describe('fitWorkFacts', () => {
  it('leaves facts that already fit as they are', () => {
    expect(fitWorkFacts(work())).toEqual(work());
  });

  it('cuts an oversized title, tag, fandom, author and chapter title to the limits, keeping the rest', () => {
    const odd = work({
      title: 'T'.repeat(25_000),
      fandoms: ['F'.repeat(3_000), 'Good Omens (TV)'],
      authors: [{ login: 'l'.repeat(12_000), pseud: 'quietfox' }],
      tags: { ...work().tags, freeform: ['x'.repeat(5_000), 'Slow Burn', ...Array.from({ length: 12_000 }, (_, i) => `tag ${i}`)] },
      chapters: [{ id: 301, position: 1, title: 'c'.repeat(20_000) }],
    });
    expect(checkWorkFacts(odd, 'work')).not.toBeNull();
    const fitted = fitWorkFacts(odd)!;
    expect(checkWorkFacts(fitted, 'work')).toBeNull();
    expect(fitted.title).toBe('T'.repeat(FACT_LIMITS.text));
    expect(fitted.fandoms).toEqual(['F'.repeat(FACT_LIMITS.name), 'Good Omens (TV)']);
    expect(fitted.authors[0]!.login).toHaveLength(FACT_LIMITS.text);
    expect(fitted.tags.freeform).toHaveLength(FACT_LIMITS.names);
    expect(fitted.tags.freeform.slice(0, 3)).toEqual(['x'.repeat(FACT_LIMITS.name), 'Slow Burn', 'tag 0']);
    expect(fitted.chapters[0]!.title).toHaveLength(FACT_LIMITS.text);
    expect(fitted.tags.warning).toEqual(work().tags.warning);
  });

  it('gives nothing for a work id of 0, below it, past 2^53 or not whole', () => {
    for (const workId of [0, -5, 2 ** 53 + 2, Number.MAX_VALUE, 1.5, Number.NaN]) expect(fitWorkFacts(work({ workId })), String(workId)).toBeNull();
    expect(fitWorkFacts(work({ workId: Number.MAX_SAFE_INTEGER }))?.workId).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('makes counts the database cannot hold unknown, and leaves out chapters and series without a usable id', () => {
    const fitted = fitWorkFacts(
      work({
        words: 2 ** 60,
        chapterCount: { posted: 3, expected: 2 ** 54 },
        updatedAt: -1,
        updated: '10 May 2024',
        chapters: [{ id: 0, position: 1, title: 'zero' }, { id: 302, position: 2, title: 'Eden' }],
        series: [{ id: 2 ** 55, title: 'far', part: 1 }, { id: 4_242, title: 'Ineffable Things', part: 2 }],
      }),
    )!;
    expect(fitted).toMatchObject({ words: null, chapterCount: { posted: 3, expected: null }, updatedAt: null, updated: null });
    expect(fitted.chapters).toEqual([{ id: 302, position: 2, title: 'Eden' }]);
    expect(fitted.series).toEqual([{ id: 4_242, title: 'Ineffable Things', part: 2 }]);
    expect(fitWorkFacts(work({ chapterCount: { posted: 2 ** 60, expected: 5 } }))!.chapterCount).toBeNull();
  });
});
