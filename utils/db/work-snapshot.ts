/**
 * Work snapshots from the page model: what a content script sends when it has
 * read a work page or a listing. Pure conversions, shared with content scripts;
 * each is cut to what the background accepts (fit-facts.ts).
 */
import type { WorkBlurb, WorkFields, WorkPage } from '../ao3/types';
import { fitWorkFacts } from './fit-facts';
import type { WorkFacts } from './types';

type FieldsWithoutChapters = Omit<WorkFacts, 'chapters' | 'updated' | 'updatedAt'>;

function factsFromFields(fields: WorkFields, workId: number): FieldsWithoutChapters {
  return {
    workId,
    title: fields.title,
    authors: fields.authors.map(({ login, pseud }) => ({ login, pseud })),
    fandoms: [...fields.fandoms],
    rating: fields.rating,
    tags: {
      warning: [...fields.warnings],
      category: [...fields.categories],
      relationship: [...fields.relationships],
      character: [...fields.characters],
      freeform: [...fields.freeforms],
    },
    language: fields.language,
    words: fields.words,
    chapterCount: fields.chapters ? { posted: fields.chapters.posted, expected: fields.chapters.expected } : null,
    complete: fields.complete,
    series: fields.series.map(({ id, title, part }) => ({ id, title, part })),
    hiddenTags: { warnings: fields.hiddenTags.warnings, freeforms: fields.hiddenTags.freeforms },
  };
}

/** A work page's snapshot, with its chapter list; null when the page names no usable work id. */
export function snapshotFromWorkPage(page: WorkPage): WorkFacts | null {
  if (page.workId === null) return null;
  return fitWorkFacts({
    ...factsFromFields(page, page.workId),
    chapters: page.chapterList.map(({ id, position, title }) => ({ id, position, title })),
    updated: page.updated,
    updatedAt: null,
  });
}

/** A listing blurb's snapshot: no chapter list, but the exact revision time; null without a usable work id. */
export function snapshotFromBlurb(blurb: Omit<WorkBlurb, 'type'>): WorkFacts | null {
  if (blurb.workId === null) return null;
  return fitWorkFacts({
    ...factsFromFields(blurb, blurb.workId),
    chapters: [],
    updated: blurb.updated,
    updatedAt: blurb.updatedAt,
  });
}
