/**
 * Work blurbs (`li.work.blurb`, also gift and History blurbs) and the work
 * module inside bookmark blurbs.
 */
import type { ChapterCount, SeriesPart, WorkBlurb } from './types';
import { readHeading } from './byline';
import { settle } from './lazy';
import { blockText, collectParts, countField, headerDate, kudosField, readUpdatedAt, statsFields, type ModuleParts } from './module';
import { readReading } from './special-blurbs';
import { assembleTags, readFandoms, readSymbols, readTagList } from './tags';
import { classTokens, hasClass, idAfter, idFromToken, parseCount, textOf } from './text';

/** Every `user-N` class, in order: creators (and on bookmarks, the bookmarker last). */
export function userIdsOf(el: Element): number[] {
  const ids: number[] = [];
  for (const token of classTokens(el)) {
    if (token.startsWith('user-')) {
      const rest = token.slice(5);
      if (/^\d+$/.test(rest)) ids.push(Number(rest));
    }
  }
  return ids;
}

/** "3/10", "1/?": posted and expected. */
export function parseChapters(text: string): ChapterCount | null {
  const m = /^([\d,.]+)\s*\/\s*([\d,.]+|\?)$/.exec(text);
  if (!m) return null;
  const posted = parseCount(m[1]);
  if (posted === null) return null;
  if (m[2] === '?') return { posted, expected: null };
  // An expected count that can't be read is not "?": the work would pass for one in progress.
  const expected = parseCount(m[2]);
  return expected === null ? null : { posted, expected };
}

/** `ul.series > li`: "Part <strong>N</strong> of <a href=/series/SID>Title</a>". */
export function readSeriesList(ul: Element | null): SeriesPart[] {
  if (!ul) return [];
  const series: SeriesPart[] = [];
  for (const li of ul.children) {
    const a = li.querySelector('a[href*="/series/"]');
    const id = idAfter(a?.getAttribute('href'), 'series');
    const part = parseCount(textOf(li.querySelector('strong'))) ?? parseCount(/Part\s+([\d,]+)/.exec(textOf(li))?.[1]);
    if (a && id !== null) series.push({ id, title: textOf(a), part: part ?? 0 });
  }
  return series;
}

/**
 * A work module's fields, from parts already collected off the blurb. `li` is
 * the blurb element (for its id and classes); it's also the bookmark element
 * when the work sits inside a bookmark, whose reader then retypes the record.
 *
 * The fields rules read are read now; the getters are fields no rule reads
 * (summary text aside, which only a title-or-summary rule does), read on
 * first use (see lazy.ts): the content script reads every blurb of a listing
 * on every page load, before the blurbs may paint.
 */
export function readWorkModule(li: Element, parts: ModuleParts, now?: Date): WorkBlurb {
  if (!parts.heading) throw new Error('work blurb has no heading');
  const heading = readHeading(parts.heading);
  const workIdFromLink = idAfter(heading.href, 'works');
  if (workIdFromLink === null) throw new Error('work blurb has no work link');
  const liClass = li.className;
  const workId = idFromToken([li.id], 'work_') ?? idFromToken(classTokens(li), 'work-') ?? workIdFromLink;

  const tags = assembleTags(readFandoms(parts.fandoms), readSymbols(parts.requiredTags), readTagList(parts.tagList));
  const stats = statsFields(parts.stats, workId);
  const language = stats.get('language');
  const chaptersDd = stats.get('chapters');
  const chapters = chaptersDd ? parseChapters(textOf(chaptersDd)) : null;
  const anonymous = heading.anonymous || hasClass(liClass, 'anonymous') || (!!parts.header && hasClass(parts.header.className, 'anonymous'));
  let complete = tags.complete;
  if (complete === null && chapters) complete = chapters.expected !== null && chapters.posted >= chapters.expected;

  return {
    type: 'work',
    workId,
    title: heading.title,
    authors: heading.authors,
    userIds: userIdsOf(li),
    anonymous,
    orphaned: heading.authors.some((a) => a.login === 'orphan_account'),
    recipients: heading.recipients,
    fandoms: tags.fandoms,
    rating: tags.ratings[0] ?? null,
    warnings: tags.warnings,
    categories: tags.categories,
    complete,
    relationships: tags.relationships,
    characters: tags.characters,
    freeforms: tags.freeforms,
    get tags() {
      return settle(this, 'tags', tags.tags());
    },
    get summary() {
      return settle(this, 'summary', blockText(parts.summary));
    },
    series: readSeriesList(parts.seriesList),
    language: language ? textOf(language) || null : null,
    languageCode: language?.getAttribute('lang') || null,
    words: countField(stats, 'words'),
    chapters,
    collections: [],
    get collectionCount() {
      return settle(this, 'collectionCount', countField(stats, 'collections') ?? 0);
    },
    get comments() {
      return settle(this, 'comments', countField(stats, 'comments') ?? 0);
    },
    kudos: kudosField(stats, parts.stats),
    get bookmarks() {
      return settle(this, 'bookmarks', countField(stats, 'bookmarks') ?? 0);
    },
    hits: countField(stats, 'hits') ?? 0,
    restricted: heading.restricted,
    hiddenByAdmin: heading.hiddenByAdmin,
    hiddenTags: tags.hiddenTags,
    updated: headerDate(parts, now),
    get updatedAt() {
      return settle(this, 'updatedAt', readUpdatedAt(parts.header));
    },
    get lastChapterId() {
      const link = chaptersDd?.querySelector('a');
      return settle(this, 'lastChapterId', link ? idAfter(link.getAttribute('href'), 'chapters') : null);
    },
    reading: null,
  };
}

/** A work blurb; History and Marked for Later blurbs also get `reading`. */
export function readWorkBlurb(li: Element, now?: Date): WorkBlurb {
  const parts = collectParts(li);
  const work = readWorkModule(li, parts, now);
  const viewed = parts.userModule?.querySelector('h4.viewed');
  if (viewed) work.reading = readReading(viewed, now);
  return work;
}
