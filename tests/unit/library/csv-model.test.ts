import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { libraryToCsv, libraryToJson, parseCsv, planCsvImport, workIdFromUrl } from '../../../utils/library/csv';
import { continueReading, filterRows, NO_FILTERS, prepareRow, readingLink, sortRows } from '../../../utils/library/model';
import type { LibraryRow } from '../../../utils/db/library';

describe('CSV reading', () => {
  it('handles a BOM, CRLF, quotes with commas, escaped quotes and line breaks', () => {
    const text = '\ufefftitle,url\r\n"Tea, and ""Sympathy""",https://archiveofourown.org/works/1\r\n"Two\nlines",https://ao3.org/works/2/chapters/9\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['title', 'url'] },
      { line: 2, fields: ['Tea, and "Sympathy"', 'https://archiveofourown.org/works/1'] },
      { line: 3, fields: ['Two\nlines', 'https://ao3.org/works/2/chapters/9'] },
    ]);
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(parseCsv('A;https://archiveofourown.org/works/3\n')[0]!.fields).toEqual(['A', 'https://archiveofourown.org/works/3']);
    expect(parseCsv('A\thttps://archiveofourown.org/works/3')[0]!.fields).toEqual(['A', 'https://archiveofourown.org/works/3']);
  });

  it('accepts work URLs on every archive host and nothing else', () => {
    expect(workIdFromUrl('https://archiveofourown.org/works/123')).toBe(123);
    expect(workIdFromUrl('https://www.archiveofourown.net/works/123/chapters/4?view_adult=true#main')).toBe(123);
    expect(workIdFromUrl('https://archiveofourown.org/collections/yuletide/works/55')).toBe(55);
    expect(workIdFromUrl('https://archiveofourown.gay/works/8')).toBe(8);
    expect(workIdFromUrl('https://example.org/works/123')).toBeNull();
    expect(workIdFromUrl('https://archiveofourown.org/series/123')).toBeNull();
    expect(workIdFromUrl('not a url')).toBeNull();
  });

  it('plans an import with line-numbered problems, an optional header, either column order, and duplicates skipped', () => {
    const plan = planCsvImport(
      [
        'Title,Link',
        'First,https://archiveofourown.org/works/10',
        'https://archiveofourown.org/works/11,Second (URL first)',
        'No link here,',
        'Bad host,https://example.com/works/12',
        'Again,https://archiveofourown.org/works/10/chapters/3',
        'https://archiveofourown.org/works/13',
      ].join('\n'),
    );
    expect(plan.items).toEqual([
      { workId: 10, title: 'First', line: 2 },
      { workId: 11, title: 'Second (URL first)', line: 3 },
      { workId: 13, title: '', line: 7 },
    ]);
    expect(plan.duplicates).toBe(1);
    expect(plan.problems).toEqual([
      { line: 4, message: 'no work URL on this line' },
      { line: 5, message: 'not a work on the archive: https://example.com/works/12' },
    ]);
  });

  it('without a header, the first line is a work', () => {
    expect(planCsvImport('A,https://archiveofourown.org/works/1').items).toHaveLength(1);
  });
});

const row = (overrides: Partial<LibraryRow>): LibraryRow => ({
  workId: 1,
  title: 'Alpha',
  authors: ['writer'],
  fandoms: ['Good Omens (TV)'],
  tags: ['Slow Burn'],
  words: 1000,
  posted: 3,
  expected: 5,
  complete: false,
  read: 1,
  lastRead: 100,
  status: null,
  note: '',
  added: 50,
  updated: '2024-01-01',
  next: { id: 302, position: 2 },
  ...overrides,
});

describe('the library CSV export', () => {
  it('round-trips through the CSV import', () => {
    const rows = [row({ title: 'Tea, "again"' }), row({ workId: 2, title: 'Beta', status: 'to-read', note: 'line\nbreak' })];
    const plan = planCsvImport(libraryToCsv(rows));
    expect(plan.problems).toEqual([]);
    expect(plan.items.map(({ workId, title }) => ({ workId, title }))).toEqual([{ workId: 1, title: 'Tea, "again"' }, { workId: 2, title: 'Beta' }]);
  });
});

describe('the library CSV export, authors', () => {
  it('says "Anonymous" for an anonymous work, and nothing for a work known by its id alone', () => {
    const rows = [row({ workId: 1, authors: [] }), row({ workId: 2, title: '', authors: [], fandoms: [] }), row({ workId: 3, authors: ['a', 'b (c)'] })];
    const records = parseCsv(libraryToCsv(rows)).slice(1);
    const authors = records.map((r) => r.fields[2]);
    expect(authors).toEqual(['Anonymous', '', 'a; b (c)']);
  });
});

/** The field names in the docs' table of the Library's JSON export (the first column, one name or several). */
function documentedLibraryFields(): string[] {
  const docs = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/backup-format.md'), 'utf8');
  const section = docs.slice(docs.indexOf("## The Library's exports"), docs.indexOf('**CSV**', docs.indexOf("## The Library's exports")));
  return [...section.matchAll(/^\| (`[^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(\w+)`/g)].map((f) => f[1]!));
}

describe('the library JSON export', () => {
  it('holds exactly the documented fields, not what the screen keeps on its rows for itself', () => {
    const documented = documentedLibraryFields();
    expect(documented).toContain('workId');
    expect(documented).toContain('lastRead');
    // As the Library exports them: prepared for the screen, with search text, labels and the next chapter.
    const rows = [row({ workId: 1 }), row({ workId: 2, title: '', authors: [], fandoms: [], status: 'to-read', next: null })].map(prepareRow);
    const file = JSON.parse(libraryToJson(rows, Date.UTC(2025, 0, 2))) as { works: Array<Record<string, unknown>> };
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'exportedAt', 'works']);
    expect(file).toMatchObject({ format: 'shelfmark-library', formatVersion: 1, exportedAt: '2025-01-02T00:00:00.000Z' });
    for (const work of file.works) expect(Object.keys(work).sort()).toEqual([...documented].sort());
    expect(file.works[0]).toMatchObject({ workId: 1, url: 'https://archiveofourown.org/works/1', title: 'Alpha', authors: ['writer'], read: 1, posted: 3, lastRead: 100 });
  });
});

describe('filtering and sorting the library', () => {
  const rows = [
    row({ workId: 1, title: 'Alpha', status: 'reading', updated: '2024-02-01' }),
    row({ workId: 2, title: 'beta', authors: ['quietfox'], fandoms: ['Sherlock (TV)'], complete: true, read: 3, posted: 3, status: 'finished', words: 50 }),
    row({ workId: 3, title: '', tags: ['Found Family'], status: 'to-read', words: null, updated: '2024-03-01', read: 0 }),
    row({ workId: 4, title: 'Gamma', read: 2, updated: '2023-01-01' }),
  ].map(prepareRow);

  it('searches title, author and tags, every word', () => {
    expect(filterRows(rows, { ...NO_FILTERS, query: 'QUIETFOX' }).map((r) => r.workId)).toEqual([2]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'found fam' }).map((r) => r.workId)).toEqual([3]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'work 3' }).map((r) => r.workId)).toEqual([3]);
  });

  it('filters by status, fandom, completeness and unread chapters', () => {
    expect(filterRows(rows, { ...NO_FILTERS, status: 'unsaved' }).map((r) => r.workId)).toEqual([4]);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'saved' }).map((r) => r.workId)).toEqual([1, 2, 3]);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'finished' }).map((r) => r.workId)).toEqual([2]);
    expect(filterRows(rows, { ...NO_FILTERS, fandom: 'sherlock (tv)' }).map((r) => r.workId)).toEqual([2]);
    expect(filterRows(rows, { ...NO_FILTERS, complete: 'complete' }).map((r) => r.workId)).toEqual([2]);
    expect(filterRows(rows, { ...NO_FILTERS, unreadOnly: true }).map((r) => r.workId)).toEqual([1, 3, 4]);
  });

  it('sorts every column both ways, unknown values last', () => {
    expect(sortRows(rows, { key: 'title', descending: false }).map((r) => r.label)).toEqual(['Alpha', 'beta', 'Gamma', 'Work 3']);
    expect(sortRows(rows, { key: 'words', descending: true }).map((r) => r.workId)).toEqual([1, 4, 2, 3]);
    expect(sortRows(rows, { key: 'words', descending: false }).map((r) => r.workId)).toEqual([2, 1, 4, 3]);
    expect(sortRows(rows, { key: 'status', descending: false }).map((r) => r.workId)).toEqual([1, 3, 2, 4]);
    expect(sortRows(rows, { key: 'updated', descending: true }).map((r) => r.workId)).toEqual([3, 1, 2, 4]);
  });

  it('continue reading: in progress with unread chapters, newest update first', () => {
    expect(continueReading(rows).map((r) => r.workId)).toEqual([1, 4]);
  });

  it('links to the first unread chapter', () => {
    expect(readingLink({ workId: 5, next: { id: 302, position: 2 } })).toBe('https://archiveofourown.org/works/5/chapters/302');
    expect(readingLink({ workId: 5, next: { id: null, position: 2 } })).toBe('https://archiveofourown.org/works/5/navigate');
    expect(readingLink({ workId: 5, next: { id: null, position: 1 } })).toBe('https://archiveofourown.org/works/5');
    expect(readingLink({ workId: 5, next: null })).toBe('https://archiveofourown.org/works/5');
  });
});
