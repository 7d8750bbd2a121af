/**
 * Shared pieces of the real-page contract tests. Every expected value in
 * tests/real-pages was read from the saved archive markup itself (never from
 * the page model's output); see the comments in each file for the odd cases.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/ao3/page';
import type { Blurb, PageRecord } from '../../utils/ao3/types';
import { realPage, realPageDocument } from '../helpers/real-pages';

/** A fixed clock, so relative dates and "N days ago" never depend on the day the tests run. */
export const NOW = new Date('2026-11-21T12:00:00Z');

const cache = new Map<string, PageRecord>();

/** The page model's record for one real page, read at its manifest URL. */
export function load(file: string): PageRecord {
  const cached = cache.get(file);
  if (cached) return cached;
  const record: PageRecord = readPage(realPageDocument(file), realPage(file).url, NOW);
  cache.set(file, record);
  return record;
}

export const collapse = (s: string | null | undefined): string | null | undefined =>
  s == null ? s : s.replace(/\s+/g, ' ').trim();

type Loose = Record<string, unknown>;

/** The blurb for a work (or, for bookmarks of series, a series) id; fails the test when absent. */
export function blurbFor(record: PageRecord, id: number, key: 'workId' | 'seriesId' = 'workId'): Loose {
  const found = record.blurbs.find((b) => (b as unknown as Loose)[key] === id);
  expect(found, `no blurb with ${key} ${id}`).toBeDefined();
  return (found ?? {}) as Loose;
}

export const ids = (record: PageRecord): (number | null)[] =>
  record.blurbs.map((b) => {
    const l = b as unknown as Loose;
    return (l.workId ?? l.seriesId ?? null) as number | null;
  });

export const errorBlurbs = (record: PageRecord): Blurb[] => record.blurbs.filter((b) => b.type === 'error');

const LINKED_TYPES = new Set(['fandom', 'relationship', 'character', 'freeform']);

/**
 * Compares each expected field with `toEqual`, softly, so one run lists every
 * wrong field of a blurb. Two keys are not record fields:
 * - `summaryStart`: the summary, whitespace collapsed, begins with this text
 *   (taken from before the first paragraph or line break, so it holds however
 *   the record keeps paragraph breaks);
 * - `tagLinks`: the record's `tags` of the linked types (fandom, relationship,
 *   character, freeform), in page order, with their links.
 */
export function expectFields(actual: object, expected: Loose, label: string): void {
  const a = actual as Loose;
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'summaryStart') {
      const summary = collapse(a.summary as string | null | undefined);
      if (value === null) expect.soft(summary ?? null, `${label}: summary`).toEqual(null);
      else expect.soft(summary?.slice(0, (value as string).length), `${label}: summary start`).toEqual(value);
      continue;
    }
    if (key === 'tagLinks') {
      const tags = ((a.tags as { type: string }[] | undefined) ?? []).filter((t) => LINKED_TYPES.has(t.type));
      expect.soft(tags, `${label}: tags with links`).toEqual(value);
      continue;
    }
    expect.soft(a[key], `${label}: ${key}`).toEqual(value);
  }
}

export interface ListingCase {
  file: string;
  count: number;
  /** Every blurb's work id (series id for series items), in page order. */
  ids: (number | null)[];
  pagination: { current: number; last: number } | null;
  /** Expected fields of some blurbs, found by `workId` (or `seriesId` when there is none). */
  blurbs: Record<string, unknown>[];
}

export interface PageExpect {
  kind: PageRecord['kind'];
  listingKind: PageRecord['listingKind'];
  readingsView: PageRecord['readingsView'];
  loggedIn: boolean;
  /** undefined: not asserted (the saved page has no greeting to show the login). */
  user?: string | null;
}

/** The page-level checks and the per-blurb field checks of one listing page. */
export function listingSuite(c: ListingCase, page: PageExpect, blurbTypes: string[]): void {
  describe(c.file, () => {
    it(`is a ${page.loggedIn ? 'logged-in' : 'logged-out'} ${page.listingKind} listing`, () => {
      const r = load(c.file);
      expect(r.kind).toEqual(page.kind);
      expect(r.listingKind).toEqual(page.listingKind);
      expect(r.readingsView).toEqual(page.readingsView);
      expect(r.loggedIn).toEqual(page.loggedIn);
      if (page.user !== undefined) expect(r.user).toEqual(page.user);
      expect(r.work).toEqual(null);
      expect(r.tagsHiddenByPreference).toEqual(false);
    });

    it(`has all ${c.count} blurbs in page order, none unreadable`, () => {
      const r = load(c.file);
      expect(r.blurbs.length).toEqual(c.count);
      expect(ids(r)).toEqual(c.ids);
      expect(errorBlurbs(r)).toEqual([]);
      expect(r.blurbs.map((b) => b.type)).toEqual(blurbTypes);
    });

    it('reads the pagination', () => {
      const r = load(c.file);
      if (c.pagination === null) {
        expect(r.pagination).toEqual(null);
      } else {
        expect(r.pagination?.current).toEqual(c.pagination.current);
        expect(r.pagination?.last).toEqual(c.pagination.last);
        // `next` is the "Next →" link to page 2; its exact form (relative or absolute) is left open
        expect(/[?&]page=2(&|$)/.test(r.pagination?.next ?? '')).toEqual(true);
      }
    });

    for (const e of c.blurbs) {
      const key = typeof e.workId === 'number' ? 'workId' : 'seriesId';
      const id = e[key] as number;
      it(`reads blurb ${key} ${id}`, () => {
        expectFields(blurbFor(load(c.file), id, key), e, `${c.file} ${key} ${id}`);
      });
    }
  });
}
