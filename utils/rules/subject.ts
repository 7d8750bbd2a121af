/**
 * The one view of a page record that rules read, whatever kind of record it
 * came from: work blurbs, work pages, series blurbs and bookmarks of either
 * (their item's fields sit at the top level), and bookmarked external works.
 */

import type { Author, Blurb, HiddenTags, SeriesFields, Tag, TagType, WorkFields, WorkPage } from '../ao3/types';

/** What `Matcher.classify` accepts. */
export type ClassifiableRecord = Blurb | WorkPage;

/** Tag names as the page shows them, per slot, in page order. */
export type SubjectTags = Readonly<Record<TagType, readonly string[]>>;

export interface MatchSubject {
  workId: number | null;
  /** A series blurb's own series, or the series a work belongs to. */
  series: ReadonlyArray<{ id: number; title: string }>;
  title: string;
  /** Read through a getter for works: only a title-or-summary rule needs it, and a work blurb reads its summary lazily. */
  readonly summary: string | null;
  authors: readonly Author[];
  userIds: readonly number[];
  tags: SubjectTags;
  /**
   * Every tag with its link, for the name in the link (`/tags/NAME/works`),
   * which a few tags' text differs from. A getter: a blurb reads its links'
   * addresses only when asked.
   */
  readonly links: readonly Tag[];
  language: string | null;
  languageCode: string | null;
  words: number | null;
  chaptersPosted: number | null;
  complete: boolean | null;
  updated: string | null;
  kudos: number | null;
  hits: number | null;
  bookmarks: number | null;
  comments: number | null;
  /** Posted as Anonymous; null when the record cannot say (a bookmarked external work). */
  anonymous: boolean | null;
  /** By orphan_account; null when the record cannot say. */
  orphaned: boolean | null;
  hiddenTags: HiddenTags;
}

export const TAG_TYPES: readonly TagType[] = ['fandom', 'rating', 'warning', 'category', 'relationship', 'character', 'freeform'];

/** The account the archive gives works whose authors orphaned them. */
const ORPHAN_ACCOUNT = 'orphan_account';

const NOTHING_HIDDEN: HiddenTags = { warnings: false, freeforms: false };

/**
 * The subject of a record, or null for records rules cannot judge (mystery,
 * deleted and unreadable blurbs).
 */
export function subjectOf(record: ClassifiableRecord): MatchSubject | null {
  if (!('type' in record)) return workSubject(record);
  switch (record.type) {
    case 'work':
      return workSubject(record);
    case 'series':
      return seriesSubject(record);
    case 'bookmark':
      if (record.item === 'work') return workSubject(record);
      if (record.item === 'series') return seriesSubject(record);
      return {
        workId: null,
        series: [],
        title: record.title,
        summary: record.summary,
        authors: [],
        userIds: [],
        tags: tagsOf(record),
        get links() {
          return record.tags;
        },
        language: null,
        languageCode: null,
        words: null,
        chaptersPosted: null,
        complete: null,
        updated: record.updated,
        kudos: null,
        hits: null,
        bookmarks: null,
        comments: null,
        anonymous: null,
        orphaned: null,
        hiddenTags: NOTHING_HIDDEN,
      };
    default:
      return null;
  }
}

function workSubject(record: WorkFields & { updated: string | null }): MatchSubject {
  return {
    workId: record.workId,
    series: record.series,
    title: record.title,
    get summary() {
      return record.summary;
    },
    authors: record.authors,
    userIds: record.userIds,
    tags: tagsOf(record),
    get links() {
      return record.tags;
    },
    language: record.language,
    languageCode: record.languageCode,
    words: record.words,
    chaptersPosted: record.chapters?.posted ?? null,
    complete: record.complete,
    updated: record.updated,
    kudos: record.kudos,
    hits: record.hits,
    bookmarks: record.bookmarks,
    comments: record.comments,
    anonymous: record.anonymous,
    orphaned: record.orphaned,
    hiddenTags: record.hiddenTags,
  };
}

function seriesSubject(record: SeriesFields): MatchSubject {
  return {
    workId: null,
    series: record.seriesId === null ? [] : [{ id: record.seriesId, title: record.title }],
    title: record.title,
    summary: record.summary,
    authors: record.authors,
    userIds: record.userIds,
    // A series lists the ratings of all its works.
    tags: tagsOf(record, record.ratings),
    get links() {
      return record.tags;
    },
    language: null,
    languageCode: null,
    words: record.words,
    chaptersPosted: null,
    complete: record.complete,
    updated: record.updated,
    kudos: null,
    hits: null,
    bookmarks: record.bookmarks,
    comments: null,
    anonymous: record.anonymous,
    orphaned: record.authors.some((author) => author.login === ORPHAN_ACCOUNT),
    hiddenTags: record.hiddenTags,
  };
}

type TaggedRecord = Pick<
  WorkFields,
  'fandoms' | 'rating' | 'warnings' | 'categories' | 'relationships' | 'characters' | 'freeforms'
>;

function tagsOf(record: TaggedRecord, ratings = ratingsOf(record.rating)): SubjectTags {
  return {
    fandom: record.fandoms,
    rating: ratings,
    warning: record.warnings,
    category: record.categories,
    relationship: record.relationships,
    character: record.characters,
    freeform: record.freeforms,
  };
}

/** A rating symbol may name several ratings ("Teen And Up Audiences, General Audiences"); tag names never contain commas. */
function ratingsOf(rating: string | null): string[] {
  if (!rating) return [];
  return rating.includes(',') ? rating.split(',').map((part) => part.trim()).filter(Boolean) : [rating];
}
