/**
 * Move-forward merge of work facts: what the reader's database knows about a
 * work only ever gets newer. An older page (a cached listing, a stale tab)
 * or a partial one (a blurb without chapter ids, tags hidden by the archive's
 * preferences) fills gaps but never replaces or erases known facts.
 *
 * What pages say is not all to be believed alike: a script in the archive's
 * page (another extension's, say) can add blurbs the archive never sent.
 * So a date later than now makes no page newer, and a listing's blurb
 * replaces what the work's own page said only with a revision made after the
 * reader's browser showed that page (see docs/security.md).
 */
import type { ChapterInfo, FactsPage, FactsSource, Millis, SourcedWorkRecord, WorkFacts, WorkRecord, WorkTags } from './types';

export type Freshness = 'newer' | 'same' | 'older';

const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = (at: Millis): string => new Date(at).toISOString().slice(0, 10);

/**
 * The facts with their revision dates made unknown where they lie after `now` (with a
 * day's grace for the archive's time zones): no page shows a revision from the future.
 */
export function withoutFutureDates<T extends WorkFacts>(facts: T, now: Millis): T {
  const updatedAt = facts.updatedAt !== null && facts.updatedAt * 1000 > now + DAY_MS ? null : facts.updatedAt;
  const updated = facts.updated !== null && facts.updated > isoDay(now + DAY_MS) ? null : facts.updated;
  return updatedAt === facts.updatedAt && updated === facts.updated ? facts : { ...facts, updatedAt, updated };
}

/** When the revision the facts show was made, as far as they say (a day's start for a bare date). */
function revisionTime(facts: WorkFacts): Millis | null {
  if (facts.updatedAt !== null) return facts.updatedAt * 1000;
  return facts.updated !== null ? Date.parse(`${facts.updated}T00:00:00Z`) : null;
}

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
export function mergeWorkFacts(known: WorkFacts, incoming: WorkFacts, freshness: Freshness = compareRevision(incoming, known)): WorkFacts {
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

/** How a page seen now compares with what the record holds, given which page gave that and when. */
function sightingFreshness(known: SourcedWorkRecord, incoming: WorkFacts, sighting: FactsSource): Freshness {
  const source = known.factsFrom;
  if (sighting.page === 'work') {
    // The work's own page, as the browser shows it now, is its current revision: it outranks what
    // blurbs said (whatever dates they gave) and earlier visits; a later visit's page outranks it.
    return source?.page === 'work' && source.at > sighting.at ? compareRevision(incoming, known) : 'newer';
  }
  const revised = revisionTime(incoming);
  // Every blurb the archive sends dates its revision: one without a date (or only a future one) only fills gaps.
  if (revised === null && revisionTime(known) !== null) return 'older';
  if (source?.page === 'work' && (revised === null || revised <= source.at)) return 'older';
  return compareRevision(incoming, known);
}

/** The source of the merged facts: the sighting's when they won, else the record's; a blurb as new as a work page doesn't displace it. */
function sourceAfter(known: FactsSource | undefined, sighting: FactsSource, freshness: Freshness): FactsSource | undefined {
  if (freshness === 'older') return known;
  if (freshness === 'same' && known?.page === 'work' && sighting.page === 'listing') return known;
  return sighting;
}

/** The works store's record after a `page` showed `snapshot` at `seenAt` (now). */
export function mergeWorkSnapshot(stored: SourcedWorkRecord | undefined, snapshot: WorkFacts, seenAt: Millis, page: FactsPage): SourcedWorkRecord {
  const incoming = withoutFutureDates(snapshot, seenAt);
  const sighting: FactsSource = { page, at: seenAt };
  if (!stored) return { ...incoming, firstSeen: seenAt, lastSeen: seenAt, factsFrom: sighting };
  const known = withoutFutureDates(stored, seenAt);
  const freshness = sightingFreshness(known, incoming, sighting);
  const factsFrom = sourceAfter(stored.factsFrom, sighting, freshness);
  return {
    ...mergeWorkFacts(known, incoming, freshness),
    firstSeen: Math.min(stored.firstSeen, seenAt),
    lastSeen: Math.max(stored.lastSeen, seenAt),
    ...(factsFrom ? { factsFrom } : {}),
  };
}

/**
 * Two records of the same work (an import meeting local data): facts move forward, the seen range
 * widens, and the stored record's source stays (a backup file's records carry none).
 */
export function mergeWorkRecords(stored: SourcedWorkRecord, incoming: WorkRecord): SourcedWorkRecord {
  return {
    ...mergeWorkFacts(stored, incoming),
    firstSeen: Math.min(stored.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(stored.lastSeen, incoming.lastSeen),
    ...(stored.factsFrom ? { factsFrom: stored.factsFrom } : {}),
  };
}
