/**
 * The archive's page model: typed records read from its pages.
 *
 * These shapes are a contract: the inspector prints them as JSON and other
 * tools read that JSON, so fields may be added but never renamed or removed.
 * Dates are ISO calendar dates (`YYYY-MM-DD`), counts are plain numbers (null
 * where the page shows one that cannot be read, so no rule acts on a guess).
 */

export type TagType = 'rating' | 'warning' | 'category' | 'fandom' | 'relationship' | 'character' | 'freeform';

export interface Tag {
  type: TagType;
  /** The tag's text as the reader sees it (entities decoded, whitespace collapsed). */
  name: string;
  /** The tag's page path (`/tags/<escaped>/works`), or null when the page shows no link. */
  url: string | null;
}

export interface Author {
  login: string;
  pseud: string;
}

export interface SeriesPart {
  id: number;
  title: string;
  part: number;
}

export interface ChapterCount {
  posted: number;
  /** null when the author has not said how many chapters there will be (`N/?`). */
  expected: number | null;
}

export interface CollectionRef {
  name: string;
  url: string;
}

/** The archive's "hide warnings / hide additional tags" preferences replace those tags with a placeholder link. */
export interface HiddenTags {
  warnings: boolean;
  freeforms: boolean;
}

/** What History and Marked for Later say about the reader's own visits. */
export interface ReadingInfo {
  lastVisited: string | null;
  visits: number | null;
  /** "(Update available.)", "(Minor edits made since then.)" or "(Latest version.)" */
  version: 'update' | 'minor-edit' | 'latest' | null;
  markedForLater: boolean;
  skipped: boolean;
}

/** The bookmarker's part of a bookmark blurb. */
export interface BookmarkInfo {
  bookmarkId: number | null;
  bookmarker: Author | null;
  /**
   * The bookmarker's `user-N` class: the archive puts it after the creators'.
   * The item's own `userIds` leave it out. Null when it can't be told apart
   * (the bookmarker is also one of the creators).
   */
  bookmarkerUserId: number | null;
  date: string | null;
  tags: string[];
  notes: string | null;
  collections: CollectionRef[];
  /** Bookmark type symbol: public, private, rec(ommendation) or hidden (by an admin). */
  visibility: 'public' | 'private' | 'rec' | 'hidden' | null;
}

/** The fields every work record has, from a blurb or from a work page. */
export interface WorkFields {
  workId: number | null;
  title: string;
  authors: Author[];
  /** Users named in `user-N` classes; the archive puts them on blurbs even where logins aren't shown. */
  userIds: number[];
  anonymous: boolean;
  orphaned: boolean;
  recipients: Author[];
  fandoms: string[];
  rating: string | null;
  warnings: string[];
  categories: string[];
  complete: boolean | null;
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /** Every tag with its type and link, in page order. */
  tags: Tag[];
  summary: string | null;
  series: SeriesPart[];
  language: string | null;
  /** The `lang` attribute of the language field (e.g. "en"). */
  languageCode: string | null;
  words: number | null;
  chapters: ChapterCount | null;
  collections: CollectionRef[];
  /** How many collections the work is in: blurbs show only this count, work pages list them. */
  collectionCount: number;
  comments: number;
  /**
   * 0 when the page shows no kudos (the archive leaves them out at zero);
   * null when it shows a kudos count that can't be read, so no rule acts on a guess.
   */
  kudos: number | null;
  bookmarks: number;
  hits: number;
  /** Shown only to logged-in readers. */
  restricted: boolean;
  hiddenByAdmin: boolean;
  hiddenTags: HiddenTags;
}

export interface WorkBlurb extends WorkFields {
  type: 'work';
  /** The blurb's date (its last revision). */
  updated: string | null;
  /** From the `<!-- updated_at=EPOCH -->` comment: seconds since the epoch. */
  updatedAt: number | null;
  /** Id of the newest posted chapter, when the blurb links to it. */
  lastChapterId: number | null;
  /** History and Marked for Later only. */
  reading: ReadingInfo | null;
}

export interface SeriesFields {
  seriesId: number | null;
  title: string;
  authors: Author[];
  userIds: number[];
  anonymous: boolean;
  fandoms: string[];
  /** The first of `ratings`. */
  rating: string | null;
  /** A series lists the ratings of all its works. */
  ratings: string[];
  warnings: string[];
  categories: string[];
  complete: boolean | null;
  relationships: string[];
  characters: string[];
  freeforms: string[];
  tags: Tag[];
  summary: string | null;
  words: number | null;
  works: number | null;
  bookmarks: number;
  updated: string | null;
  restricted: boolean;
  hiddenTags: HiddenTags;
}

export interface SeriesBlurb extends SeriesFields {
  type: 'series';
  /** Always null: every blurb record has a `workId`, and a series is not a work. */
  workId: null;
}

export interface ExternalWorkFields {
  externalWorkId: number | null;
  title: string;
  /** External works name their creator in plain text. */
  creator: string | null;
  fandoms: string[];
  rating: string | null;
  warnings: string[];
  categories: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  tags: Tag[];
  summary: string | null;
  updated: string | null;
}

/**
 * A bookmark blurb. The bookmarked item's fields sit at the top level of the
 * record (so a bookmarked work reads like a work blurb), `item` says which
 * kind it is, and `bookmark` holds the bookmarker's part.
 */
export type BookmarkBlurb =
  | (Omit<WorkBlurb, 'type'> & { type: 'bookmark'; item: 'work'; bookmark: BookmarkInfo })
  | (SeriesFields & { type: 'bookmark'; item: 'series'; workId: null; bookmark: BookmarkInfo })
  | (ExternalWorkFields & { type: 'bookmark'; item: 'external'; workId: null; bookmark: BookmarkInfo });

/** An unrevealed work in a challenge: no tags, no creator, no stats. */
export interface MysteryBlurb {
  type: 'mystery';
  workId: number | null;
  title: string;
  collection: CollectionRef | null;
}

/** A deleted work still listed in History, or a bookmark whose item was deleted. */
export interface DeletedBlurb {
  type: 'deleted';
  workId: null;
  title: string;
  /** History: the date of the last visit. */
  lastVisited: string | null;
  bookmark: BookmarkInfo | null;
}

/** A blurb the page model could not read; the rest of the page is unaffected. */
export interface ErrorBlurb {
  type: 'error';
  workId: number | null;
  title: string;
  /** The blurb element's id attribute, to find it again. */
  elementId: string | null;
  error: string;
}

export type Blurb = WorkBlurb | SeriesBlurb | BookmarkBlurb | MysteryBlurb | DeletedBlurb | ErrorBlurb;

export interface ChapterRef {
  id: number;
  position: number;
  title: string;
  /** The chapter index shows each chapter's posting date. */
  date?: string | null;
}

export type WorkView = 'oneshot' | 'chapter' | 'full';

/** A work page (`/works/N`, `/works/N/chapters/C`, `?view_full_work=true`). */
export interface WorkPage extends WorkFields {
  view: WorkView;
  published: string | null;
  /** The "Updated:" or "Completed:" date; for one-shots, the published date. */
  updated: string | null;
  /** Set when the status line says "Completed:". */
  completed: string | null;
  currentChapter: { id: number | null; position: number } | null;
  /** Every chapter the page names (chapter select, or every chapter under view_full_work). */
  chapterList: ChapterRef[];
}

/** The chapter index, `/works/N/navigate`. */
export interface ChapterIndexPage {
  workId: number | null;
  title: string;
  authors: Author[];
  chapterList: ChapterRef[];
}

/**
 * A tag's category as its page names it ("This tag belongs to the Additional
 * Tags Category" → `freeform`); `media` and `unsorted` have no slot on works.
 */
export type TagCategory = TagType | 'media' | 'unsorted';

/** One tag in the subtag tree a tag page draws. */
export interface TagTreeEntry {
  name: string;
  /** The tag it is drawn under: the page's own tag or another subtag. */
  parent: string;
}

/**
 * A tag's own page (`/tags/NAME`): the archive's wrangling of it. Lists are
 * in page order; a list the page does not draw is empty. Names are as the
 * archive writes them (entities decoded, whitespace collapsed).
 */
export interface TagPage {
  name: string;
  category: TagCategory | null;
  /** "It's a canonical tag": it can be filtered on, and has synonyms and subtags. */
  canonical: boolean;
  /** The canonical tag it "has been made a synonym of", when it is a synonym. */
  synonymOf: string | null;
  /** "Tags with the same meaning" (the archive lists the 300 most used). */
  synonyms: string[];
  /** "Subtags", as the tree the page draws: each with the tag it sits under. */
  subtags: TagTreeEntry[];
  /** "Metatags" (broader tags this one is a subtag of), nested ones included. */
  metatags: string[];
  /** "Parent tags (more general)": fandoms, characters of a relationship, media… */
  parents: string[];
}

export type PageKind = 'listing' | 'work' | 'chapter-index' | 'adult-interstitial' | 'tag' | 'restricted' | 'not-found' | 'other';

export type ListingKind =
  | 'tag-works'
  | 'works'
  | 'search'
  | 'user-works'
  | 'collection-works'
  | 'gifts'
  | 'series'
  | 'series-index'
  | 'bookmarks'
  | 'work-bookmarks'
  | 'readings'
  | 'tag'
  | 'dashboard'
  | 'home'
  | 'other';

export interface PageRecord {
  kind: PageKind;
  listingKind: ListingKind | null;
  /** History or Marked for Later (readings listings only). */
  readingsView: 'history' | 'marked-for-later' | null;
  loggedIn: boolean;
  /** The logged-in reader's login, when the page shows it. */
  user: string | null;
  work: WorkPage | ChapterIndexPage | null;
  blurbs: Blurb[];
  /** Pagination: current page and last page, when the page has pagination. */
  pagination: { current: number; last: number; next: string | null } | null;
  /** True when any blurb shows a "hide warnings / additional tags" placeholder. */
  tagsHiddenByPreference: boolean;
  /**
   * A tag's own page (`/tags/NAME`): kind `tag`, or kind `listing` (listing
   * kind `tag`) when an unwrangled or unfilterable tag's page lists the works
   * that use it — then `blurbs` holds them too. Null on every other page.
   */
  tag: TagPage | null;
}
