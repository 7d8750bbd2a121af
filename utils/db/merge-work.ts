/**
 * Move-forward merge of work facts: what the reader's database knows about a
 * work only ever gets newer. An older page (a cached listing, a stale tab)
 * or a partial one (a blurb without chapter ids, tags hidden by the archive's
 * preferences) fills gaps but never replaces or erases known facts.
 */
import type { ChapterInfo, Millis, WorkFacts, WorkRecord, WorkTags } from './types';

export type Freshness = 'newer' | 'same' | 'older';

/** Which revision of the work `incoming` shows compared to `known`. */
export function compareRevision(incoming: WorkFacts, known: WorkFacts): Freshness {
  const order = (a: number | string, b: number | string): Freshness => (a > b ? 'newer' : 'older');
  if (incoming.updatedAt !== null && known.updatedAt !== null && incoming.updatedAt !== known.updatedAt) {
    return order(incoming.updatedAt, known.updatedAt);
  }
  if (incoming.updated !== null && known.updated !== null && incoming.updated !== known.updated) {
    return order(incoming.updated, known.updated);
  }
  const postedIn = incoming.chapterCount?.posted;
  const postedKnown = known.chapterCount?.posted;
  if (postedIn !== undefined && postedKnown !== undefined && postedIn !== postedKnown) return order(postedIn, postedKnown);
  return 'same';
}

/** The incoming value when it is at least as new and known, else the known one (falling back to whichever is known). */
function pick<T>(incoming: T, known: T, freshness: Freshness, isKnown: (value: T) => boolean): T {
  if (freshness === 'older') return isKnown(known) ? known : incoming;
  return isKnown(incoming) ? incoming : known;
}

const notNull = (value: unknown): boolean => value !== null;
const nonEmpty = (value: string | readonly unknown[]): boolean => value.length > 0;

function mergeChapters(incoming: WorkFacts, known: WorkFacts, freshness: Freshness): ChapterInfo[] {
  if (incoming.chapters.length === 0) return known.chapters;
  if (known.chapters.length === 0) return incoming.chapters;
  // A newer page listing every posted chapter is the whole truth: chapters it lacks were deleted.
  const incomingComplete = incoming.chapterCount !== null && incoming.chapters.length >= incoming.chapterCount.posted;
  if (freshness !== 'older' && incomingComplete) return incoming.chapters;
  const [preferred, other] = freshness === 'older' ? [known.chapters, incoming.chapters] : [incoming.chapters, known.chapters];
  const byId = new Map<number, ChapterInfo>();
  for (const chapter of other) byId.set(chapter.id, chapter);
  for (const chapter of preferred) byId.set(chapter.id, chapter);
  return [...byId.values()].sort((a, b) => a.position - b.position);
}

function mergeTags(incoming: WorkFacts, known: WorkFacts, freshness: Freshness): WorkTags {
  // A page's tag list is the whole list for the revision it shows, so a newer page wins even with a
  // shorter list. A group the page hid tells nothing; a group never seen before takes any sighting.
  const group = (name: keyof WorkTags, hiddenIncoming: boolean, hiddenKnown: boolean): string[] => {
    if (hiddenIncoming) return known.tags[name];
    if (hiddenKnown) return incoming.tags[name];
    return freshness === 'older' ? known.tags[name] : incoming.tags[name];
  };
  return {
    warning: group('warning', incoming.hiddenTags.warnings, known.hiddenTags.warnings),
    category: group('category', false, false),
    relationship: group('relationship', false, false),
    character: group('character', false, false),
    freeform: group('freeform', incoming.hiddenTags.freeforms, known.hiddenTags.freeforms),
  };
}

/** Merges the facts of `incoming` into `known`, moving forward only. */
export function mergeWorkFacts(known: WorkFacts, incoming: WorkFacts): WorkFacts {
  const freshness = compareRevision(incoming, known);
  const newest = freshness === 'older' ? known : incoming;
  return {
    workId: known.workId,
    title: pick(incoming.title, known.title, freshness, nonEmpty),
    authors: pick(incoming.authors, known.authors, freshness, nonEmpty),
    fandoms: pick(incoming.fandoms, known.fandoms, freshness, nonEmpty),
    rating: pick(incoming.rating, known.rating, freshness, notNull),
    tags: mergeTags(incoming, known, freshness),
    language: pick(incoming.language, known.language, freshness, notNull),
    words: pick(incoming.words, known.words, freshness, notNull),
    chapterCount: pick(incoming.chapterCount, known.chapterCount, freshness, notNull),
    complete: pick(incoming.complete, known.complete, freshness, notNull),
    chapters: mergeChapters(incoming, known, freshness),
    series: freshness === 'older' ? known.series : incoming.series,
    updated: newest.updated ?? (freshness === 'older' ? incoming.updated : known.updated),
    updatedAt: newest.updatedAt ?? (freshness === 'older' ? incoming.updatedAt : known.updatedAt),
    hiddenTags: {
      warnings: known.hiddenTags.warnings && incoming.hiddenTags.warnings,
      freeforms: known.hiddenTags.freeforms && incoming.hiddenTags.freeforms,
    },
  };
}

/** The works store's record after seeing `snapshot` at `seenAt`. */
export function mergeWorkSnapshot(stored: WorkRecord | undefined, snapshot: WorkFacts, seenAt: Millis): WorkRecord {
  if (!stored) return { ...snapshot, firstSeen: seenAt, lastSeen: seenAt };
  return {
    ...mergeWorkFacts(stored, snapshot),
    firstSeen: Math.min(stored.firstSeen, seenAt),
    lastSeen: Math.max(stored.lastSeen, seenAt),
  };
}

/** Two records of the same work (an import meeting local data): facts move forward, the seen range widens. */
export function mergeWorkRecords(stored: WorkRecord, incoming: WorkRecord): WorkRecord {
  return {
    ...mergeWorkFacts(stored, incoming),
    firstSeen: Math.min(stored.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(stored.lastSeen, incoming.lastSeen),
  };
}
