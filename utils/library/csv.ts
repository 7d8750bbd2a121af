/**
 * Reading lists from spreadsheets: CSV text → works to save, checked in full
 * before anything is saved, with line-numbered problems. And the library
 * written back out as CSV (which this same reader accepts) or JSON.
 */
import { isArchiveHost } from '../hosts';
import { t } from '../i18n';
import type { LibraryRow } from '../db/library';
import type { SavedImportItem } from '../db/library';
import { isAnonymous } from './model';

/** One record of CSV text: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180 with the usual leniencies: a BOM, CRLF or LF, quoted fields with "" escapes and line breaks, `,` `;` or tab separators. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The work id of an archive work URL on any of the archive's hosts (`/works/123`, `/works/123/chapters/456`, `/collections/x/works/123`), else null. */
export function workIdFromUrl(text: string): number | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isArchiveHost(url.hostname)) return null;
  const m = /^(?:\/collections\/[^/]+)?\/works\/(\d{1,12})(?:\/|$)/.exec(url.pathname);
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvImportPlan {
  items: Array<SavedImportItem & { line: number }>;
  /** Lines naming a work already named on an earlier line (skipped, not problems). */
  duplicates: number;
  problems: CsvProblem[];
}

const looksLikeUrl = (field: string) => /^\s*(https?:\/\/|www\.|archiveofourown|ao3\.org)/i.test(field);
const HEADER_WORDS = /^(title|name|work|url|link|address|titre|titel)s?$/i;

const MAX_TITLE = 10_000;

/**
 * Plans an import: every line checked, nothing saved. Each line needs one
 * work URL; its title is the first other non-empty field. A first line of
 * column names is skipped.
 */
export function planCsvImport(text: string): CsvImportPlan {
  const records = parseCsv(text);
  const items: CsvImportPlan['items'] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<number>();
  let duplicates = 0;
  records.forEach((record, index) => {
    const fields = record.fields.map((f) => f.trim());
    if (index === 0 && fields.every((f) => !looksLikeUrl(f)) && fields.some((f) => HEADER_WORDS.test(f))) return;
    const urlFields = fields.filter(looksLikeUrl);
    if (urlFields.length === 0) {
      problems.push({ line: record.line, message: t('csvNoUrl') });
      return;
    }
    const ids = urlFields.map(workIdFromUrl);
    const workId = ids.find((id): id is number => id !== null);
    if (workId === undefined) {
      problems.push({ line: record.line, message: t('csvNotAWork', urlFields[0]!.slice(0, 120)) });
      return;
    }
    const title = fields.find((f) => f !== '' && !looksLikeUrl(f)) ?? '';
    if (title.length > MAX_TITLE) {
      problems.push({ line: record.line, message: t('csvTitleTooLong', MAX_TITLE.toLocaleString()) });
      return;
    }
    if (seen.has(workId)) {
      duplicates++;
      return;
    }
    seen.add(workId);
    items.push({ workId, title, line: record.line });
  });
  if (records.length === 0) problems.push({ line: 1, message: t('csvNoLines') });
  return { items, duplicates, problems };
}

export const workUrl = (workId: number): string => `https://archiveofourown.org/works/${workId}`;

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const isoDate = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/**
 * The authors column: the archive writes "Anonymous" for an anonymous work,
 * and so does the CSV (in English whatever the reader's language, as a name
 * the archive gives: the file is data for other tools).
 */
const authorsField = (row: Pick<LibraryRow, 'authors' | 'fandoms'>): string => (isAnonymous(row) ? 'Anonymous' : row.authors.join('; '));

export const LIBRARY_CSV_COLUMNS = ['title', 'url', 'authors', 'fandoms', 'status', 'words', 'chapters_read', 'chapters_posted', 'chapters_expected', 'complete', 'last_read', 'added', 'updated', 'note'];

/** The library as CSV (UTF-8 with a BOM so spreadsheets read it as such; CRLF line ends). */
export function libraryToCsv(rows: readonly LibraryRow[]): string {
  const lines = [LIBRARY_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.title,
        workUrl(row.workId),
        authorsField(row),
        row.fandoms.join('; '),
        row.status ?? '',
        row.words,
        row.read,
        row.posted,
        row.expected,
        row.complete === null ? '' : row.complete ? 'yes' : 'no',
        isoDate(row.lastRead),
        isoDate(row.added),
        row.updated ?? '',
        row.note,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The fields of each work in the Library's JSON export, in their order; docs/backup-format.md describes them. */
export const LIBRARY_JSON_FIELDS = ['workId', 'url', 'title', 'authors', 'fandoms', 'tags', 'status', 'note', 'words', 'read', 'posted', 'expected', 'complete', 'lastRead', 'added', 'updated'] as const;
export type LibraryJsonWork = Pick<LibraryRow, Exclude<(typeof LIBRARY_JSON_FIELDS)[number], 'url'>> & { url: string };

/**
 * The Library as JSON: named fields only, so what the screen keeps on its rows
 * for itself (search text, display labels, the next chapter) stays out of the file.
 */
export function libraryToJson(rows: readonly LibraryRow[], exportedAt: number): string {
  const works = rows.map((row) => {
    const work: Record<string, unknown> = {};
    for (const field of LIBRARY_JSON_FIELDS) work[field] = field === 'url' ? workUrl(row.workId) : row[field];
    return work as LibraryJsonWork;
  });
  return JSON.stringify({ format: 'shelfmark-library', formatVersion: 1, exportedAt: new Date(exportedAt).toISOString(), works }, null, 1);
}
