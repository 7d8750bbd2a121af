/** Test records and rules with every field filled, so each test states only what it is about. */

import type { BookmarkBlurb, SeriesBlurb, WorkBlurb, WorkPage } from '../../../utils/ao3/types';
import type { Rule, RuleMatch, TagMatch, TagSlot, TraitMatch } from '../../../utils/rules/types';

export function workBlurb(fields: Partial<WorkBlurb> = {}): WorkBlurb {
  return {
    type: 'work',
    workId: 1000,
    title: 'A Work',
    authors: [{ login: 'writer', pseud: 'writer' }],
    userIds: [11],
    anonymous: false,
    orphaned: false,
    recipients: [],
    fandoms: ['Harry Potter - J. K. Rowling'],
    rating: 'Teen And Up Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['M/M'],
    complete: true,
    relationships: ['Sirius Black/Remus Lupin'],
    characters: ['Sirius Black', 'Remus Lupin'],
    freeforms: ['Fluff'],
    tags: [],
    summary: 'A summary.',
    series: [],
    language: 'English',
    languageCode: 'en',
    words: 5000,
    chapters: { posted: 1, expected: 1 },
    collections: [],
    collectionCount: 0,
    comments: 3,
    kudos: 50,
    bookmarks: 4,
    hits: 1000,
    restricted: false,
    hiddenByAdmin: false,
    hiddenTags: { warnings: false, freeforms: false },
    updated: '2024-03-05',
    updatedAt: 1709596800,
    lastChapterId: null,
    reading: null,
    ...fields,
  };
}

/** A work with no tags at all (`fields` may add some back). */
export function untaggedWork(fields: Partial<WorkBlurb> = {}): WorkBlurb {
  return workBlurb({
    fandoms: [],
    rating: null,
    warnings: [],
    categories: [],
    relationships: [],
    characters: [],
    freeforms: [],
    ...fields,
  });
}

export function seriesBlurb(fields: Partial<Omit<SeriesBlurb, 'workId'>> = {}): SeriesBlurb {
  return {
    type: 'series',
    workId: null,
    seriesId: 77,
    title: 'A Series',
    authors: [{ login: 'writer', pseud: 'writer' }],
    userIds: [11],
    anonymous: false,
    fandoms: ['Harry Potter - J. K. Rowling'],
    rating: 'Explicit',
    ratings: ['Explicit'],
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/M'],
    complete: false,
    relationships: [],
    characters: [],
    freeforms: ['Angst'],
    tags: [],
    summary: null,
    words: 20000,
    works: 3,
    bookmarks: 1,
    updated: '2023-01-01',
    restricted: false,
    hiddenTags: { warnings: false, freeforms: false },
    ...fields,
  };
}

export function workBookmark(fields: Partial<WorkBlurb> = {}): BookmarkBlurb {
  const { type: _type, ...work } = workBlurb(fields);
  return {
    ...work,
    type: 'bookmark',
    item: 'work',
    bookmark: { bookmarkId: 5, bookmarker: null, bookmarkerUserId: null, date: null, tags: [], notes: null, collections: [], visibility: 'public' },
  };
}

export function workPage(fields: Partial<WorkPage> = {}): WorkPage {
  const { type: _type, updatedAt: _updatedAt, lastChapterId: _lastChapterId, reading: _reading, ...work } = workBlurb();
  return {
    ...work,
    view: 'oneshot',
    published: '2024-01-01',
    completed: null,
    currentChapter: null,
    chapterList: [],
    ...fields,
  };
}

let nextId = 1;

export function rule(match: RuleMatch, fields: Partial<Rule> = {}): Rule {
  return {
    id: `rule-${nextId++}`,
    action: 'hide',
    match,
    enabled: true,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...fields,
  };
}

export function tagRule(text: string, fields: Partial<Rule> & Partial<Pick<TagMatch, 'mode'>> & { slot?: TagSlot } = {}): Rule {
  const { mode = 'exact', slot = 'any', ...ruleFields } = fields;
  return rule({ kind: 'tag', slot, text, mode }, ruleFields);
}

export function traitRule(trait: TraitMatch['trait'], fields: Partial<Rule> = {}): Rule {
  return rule({ kind: 'trait', trait }, fields);
}
