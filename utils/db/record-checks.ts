/** Checks of the stored records' shapes, shared by the message protocol and the backup format. */
import type { Author, ChapterCount, HiddenTags, SeriesPart } from '../ao3/types';
import { array, bool, type Check, int, nullable, num, object, oneOf, str } from './check';
import {
  SAVED_STATUSES,
  type ChapterInfo,
  type ChapterKey,
  type ChapterReading,
  type ReadingRecord,
  type SavedRecord,
  type VisitEntry,
  type WorkFacts,
  type WorkRecord,
  type WorkTags,
} from './types';

/** The longest texts and lists a work's facts may hold (the archive's own limits are far below these). */
export const FACT_LIMITS = {
  /** A title, a login, a rating, a chapter's or series' title. */
  text: 10_000,
  /** One tag or fandom. */
  name: 2_000,
  /** Tags of one kind, fandoms, authors, series. */
  names: 10_000,
  chapters: 100_000,
} as const;

export const workId = int({ min: 1 });
export const time = int({ min: 0 });
const text = str({ max: FACT_LIMITS.text });
const names = array(str({ max: FACT_LIMITS.name }), { max: FACT_LIMITS.names });
const count = int({ min: 0 });

const author = object<Author>({ login: text, pseud: text });
const chapterInfo = object<ChapterInfo>({ id: int({ min: 1 }), position: int({ min: 1 }), title: text });
const seriesPart = object<SeriesPart>({ id: int({ min: 1 }), title: text, part: int({ min: 0 }) });
const chapterCount = object<ChapterCount>({ posted: count, expected: nullable(count) });
const hiddenTags = object<HiddenTags>({ warnings: bool, freeforms: bool });
const tags = object<WorkTags>({ warning: names, category: names, relationship: names, character: names, freeform: names });

const workFactsShape = {
  workId,
  title: text,
  authors: array(author, { max: FACT_LIMITS.names }),
  fandoms: names,
  rating: nullable(text),
  tags,
  language: nullable(text),
  words: nullable(count),
  chapterCount: nullable(chapterCount),
  complete: nullable(bool),
  chapters: array(chapterInfo, { max: FACT_LIMITS.chapters }),
  series: array(seriesPart, { max: FACT_LIMITS.names }),
  updated: nullable(str({ pattern: /^\d{4}-\d{2}-\d{2}$/ })),
  updatedAt: nullable(count),
  hiddenTags,
};

export const checkWorkFacts: Check<WorkFacts> = object<WorkFacts>(workFactsShape);
export const checkWorkRecord: Check<WorkRecord> = object<WorkRecord>({ ...workFactsShape, firstSeen: time, lastSeen: time });

export const checkChapterKey: Check<ChapterKey> = object<ChapterKey>({ id: nullable(int({ min: 1 })), position: int({ min: 1 }) });

const chapterReading = object<ChapterReading>({
  id: nullable(int({ min: 1 })),
  position: int({ min: 1 }),
  readAt: nullable(time),
  scroll: nullable(num({ min: 0, max: 1 })),
  scrollAt: nullable(time),
});

export const checkReadingRecord: Check<ReadingRecord> = object<ReadingRecord>({
  workId,
  chapters: array(chapterReading, { max: 100_000 }),
  lastChapter: nullable(object({ id: nullable(int({ min: 1 })), position: int({ min: 1 }), at: time })),
  visitCount: count,
  firstVisit: nullable(time),
  lastVisit: nullable(time),
  seenPosted: int({ min: 1 }),
}, ['seenPosted']);

export const checkVisitEntry: Check<VisitEntry> = object<VisitEntry>({
  workId,
  chapterId: nullable(int({ min: 1 })),
  position: nullable(int({ min: 1 })),
  at: time,
});

export const SAVED_NOTE = str({ max: 100_000 });

export const checkSavedRecord: Check<SavedRecord> = object<SavedRecord>({
  workId,
  status: oneOf(...SAVED_STATUSES),
  added: time,
  changed: time,
  note: SAVED_NOTE,
});
