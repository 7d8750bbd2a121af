import { describe, expect, it } from 'vitest';
import { lastListEntry, mergeSuggestions, pageTags, replaceLastEntry, type TagSuggestion } from '../../../components/rules/suggest';
import { seriesBlurb, workBlurb } from '../rules/factory';

const tag = (name: string, type: TagSuggestion['type'], count: number, onPage?: boolean): TagSuggestion =>
  onPage ? { name, type, count, onPage } : { name, type, count };

describe('pageTags', () => {
  it('counts each tag once per record, per slot, most frequent first', () => {
    const tags = pageTags([
      workBlurb({ freeforms: ['Fluff', 'Angst', 'Fluff'], fandoms: ['Sherlock'], rating: 'Mature' }),
      workBlurb({ freeforms: ['Fluff'], fandoms: ['Sherlock'], characters: ['Fluff'] }),
      { type: 'mystery', workId: null, title: 'M', collection: null },
    ]);
    expect(tags.find((t) => t.name === 'Fluff' && t.type === 'freeform')).toEqual(tag('Fluff', 'freeform', 2, true));
    expect(tags.find((t) => t.name === 'Fluff' && t.type === 'character')).toEqual(tag('Fluff', 'character', 1, true));
    expect(tags.find((t) => t.type === 'rating' && t.name === 'Mature')?.count).toBe(1);
    expect(tags[0]!.count).toBe(2);
  });

  it('reads every rating of a series', () => {
    const tags = pageTags([seriesBlurb({ ratings: ['Explicit', 'Mature'] })]);
    expect(tags.filter((t) => t.type === 'rating').map((t) => t.name).sort()).toEqual(['Explicit', 'Mature']);
  });
});

describe('mergeSuggestions', () => {
  const page = [tag('Sherlock Holmes', 'character', 9, true), tag('John Watson/Sherlock Holmes', 'relationship', 4, true), tag('Fluff', 'freeform', 3, true)];
  const store = [tag('Sherlock (TV)', 'fandom', 500), tag('sherlock holmes', 'character', 800), tag('Fluffy', 'freeform', 20)];

  it('ranks names starting with the query, then words starting with it; page tags before stored ones', () => {
    expect(mergeSuggestions('sherl', 'any', page, store).map((t) => t.name)).toEqual([
      'Sherlock Holmes',
      'Sherlock (TV)',
      'John Watson/Sherlock Holmes',
    ]);
  });

  it('compares as rules do: invisible characters in the name or the query are no obstacle', () => {
    const shown = [tag('Hide\u200bMe', 'freeform', 2, true), tag('\u202eHideMe\u202c', 'freeform', 1, true)];
    expect(mergeSuggestions('hideme', 'any', shown, []).map((t) => t.name)).toEqual(['Hide\u200bMe']);
    expect(mergeSuggestions('Hide\u2060M', 'any', [], [tag('HideMe', 'freeform', 1)]).map((t) => t.name)).toEqual(['HideMe']);
  });

  it('keeps each tag once, preferring what the page shows', () => {
    const merged = mergeSuggestions('sherlock h', 'character', page, store);
    expect(merged).toEqual([tag('Sherlock Holmes', 'character', 9, true)]);
  });

  it('filters by slot and limits the list', () => {
    expect(mergeSuggestions('fluff', 'freeform', page, store).map((t) => t.name)).toEqual(['Fluff', 'Fluffy']);
    expect(mergeSuggestions('', 'any', page, store, 2)).toHaveLength(2);
    expect(mergeSuggestions('', 'fandom', page, store)).toEqual([tag('Sherlock (TV)', 'fandom', 500)]);
  });

  it('matches in the middle of a word last, and not at all when absent', () => {
    expect(mergeSuggestions('lock', 'any', page, store).map((t) => t.name)).toContain('Sherlock Holmes');
    expect(mergeSuggestions('zzz', 'any', page, store)).toEqual([]);
  });
});

describe('comma-separated lists', () => {
  it('finds the entry being typed', () => {
    expect(lastListEntry('Sherlock, Good Om')).toEqual({ before: 'Sherlock,', entry: 'Good Om' });
    expect(lastListEntry('Good')).toEqual({ before: '', entry: 'Good' });
  });
  it('replaces it with the chosen tag, ready for the next', () => {
    expect(replaceLastEntry('Sherlock, Good Om', 'Good Omens (TV)')).toBe('Sherlock, Good Omens (TV), ');
    expect(replaceLastEntry('goo', 'Good Omens (TV)')).toBe('Good Omens (TV), ');
  });
});
