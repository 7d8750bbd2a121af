/** The Library's search and fandom filter: words and `*` as rules read fandoms, and notes searched too. */
import { describe, expect, it } from 'vitest';
import type { LibraryRow } from '../../../utils/db/library';
import { filterRows, NO_FILTERS, prepareRow } from '../../../utils/library/model';

const row = (workId: number, fandoms: string[], note = ''): LibraryRow => ({
  workId,
  title: `Work ${workId}`,
  authors: ['writer'],
  fandoms,
  tags: [],
  words: 1000,
  posted: 1,
  expected: 1,
  complete: true,
  read: 1,
  lastRead: 100,
  status: note ? 'to-read' : null,
  note,
  added: 50,
  updated: '2024-01-01',
  next: null,
});

const rows = [
  row(1, ['Marvel Cinematic Universe']),
  row(2, ['The Avengers (Marvel Movies)', 'Spider-Man - All Media Types']),
  row(3, ['Marvelous Mrs. Maisel (TV)']),
  row(4, ['Sherlock (TV)'], 'recommended by Sam on the train'),
  row(5, ['Ｓｈｅｒｌｏｃｋ Holmes - Arthur Conan Doyle']),
].map(prepareRow);

const byFandom = (fandom: string) => filterRows(rows, { ...NO_FILTERS, fandom }).map((r) => r.workId);
const bySearch = (query: string) => filterRows(rows, { ...NO_FILTERS, query }).map((r) => r.workId);

describe('the Library’s fandom filter', () => {
  it('finds a word or words of a fandom’s name, not part of a longer word', () => {
    expect(byFandom('Marvel')).toEqual([1, 2]);
    expect(byFandom('marvel movies')).toEqual([2]);
    expect(byFandom('  SPIDER-MAN ')).toEqual([2]);
  });

  it('still finds a whole name, as the suggestions give it', () => {
    expect(byFandom('Sherlock (TV)')).toEqual([4]);
  });

  it('reads * as rules do: anything, anchored at both ends of the name', () => {
    expect(byFandom('Marvel*')).toEqual([1, 3]);
    expect(byFandom('*(TV)')).toEqual([3, 4]);
    expect(byFandom('*marvel*')).toEqual([1, 2, 3]);
  });

  it('compares names as rules do (width, case, spaces)', () => {
    expect(byFandom('sherlock  holmes')).toEqual([5]);
  });

  it('treats a filter of nothing but * as no filter', () => {
    expect(byFandom('*')).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the Library’s search', () => {
  it('covers the reader’s notes', () => {
    expect(bySearch('train sam')).toEqual([4]);
  });
});
