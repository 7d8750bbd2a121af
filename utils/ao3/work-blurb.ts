/**
 * Work blurbs (`li.work.blurb`, also gift and History blurbs) and the work
 * module inside bookmark blurbs.
 */
import type { ChapterCount, SeriesPart, WorkBlurb } from './types';
import { readHeading } from './byline';
import { blockText, collectParts, countField, headerDate, statsFields, type ModuleParts } from './module';
import { readReading } from './special-blurbs';
import { assembleTags, readFandoms, readSymbols, readTagList } from './tags';
import { idAfter, idFromToken, parseCount, textOf } from './text';

/** Every `user-N` class, in order: creators (and on bookmarks, the bookmarker last). */
export function userIdsOf(el: Element): number[] {
  const ids: number[] = [];
  for (const token of el.classList) {
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
  return { posted, expected: m[2] === '?' ? null : parseCount(m[2]) };
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
 */
export function readWorkModule(li: Element, parts: ModuleParts, now?: Date): WorkBlurb {
  if (!parts.heading) throw new Error('work blurb has no heading');
  const heading = readHeading(parts.heading);
  const workIdFromLink = idAfter(heading.href, 'works');
  if (workIdFromLink === null) throw new Error('work blurb has no work link');
  const workId = idFromToken([li.id], 'work_') ?? idFromToken(li.classList, 'work-') ?? workIdFromLink;

  const tags = assembleTags(readFandoms(parts.fandoms), readSymbols(parts.requiredTags), readTagList(parts.tagList));
  const stats = statsFields(parts.stats, workId);
  const language = stats.get('language');
  const chaptersDd = stats.get('chapters');
  const chapters = chaptersDd ? parseChapters(textOf(chaptersDd)) : null;
  const lastChapterLink = chaptersDd?.querySelector('a');
  const anonymous = heading.anonymous || li.classList.contains('anonymous') || !!parts.header?.classList.contains('anonymous');
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
    tags: tags.tags,
    summary: blockText(parts.summary),
    series: readSeriesList(parts.seriesList),
    language: language ? textOf(language) || null : null,
    languageCode: language?.getAttribute('lang') || null,
    words: countField(stats, 'words'),
    chapters,
    collections: [],
    collectionCount: countField(stats, 'collections') ?? 0,
    comments: countField(stats, 'comments') ?? 0,
    kudos: countField(stats, 'kudos') ?? 0,
    bookmarks: countField(stats, 'bookmarks') ?? 0,
    hits: countField(stats, 'hits') ?? 0,
    restricted: heading.restricted,
    hiddenByAdmin: heading.hiddenByAdmin,
    hiddenTags: tags.hiddenTags,
    updated: headerDate(parts, now),
    updatedAt: parts.updatedAt,
    lastChapterId: lastChapterLink ? idAfter(lastChapterLink.getAttribute('href'), 'chapters') : null,
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
