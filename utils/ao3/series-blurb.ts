/**
 * Series blurbs (`li.series.blurb`, `/users/U/series`) and the series module
 * inside bookmark blurbs.
 */
import type { SeriesBlurb, SeriesFields } from './types';
import { readHeading } from './byline';
import { blockText, collectParts, countField, headerDate, statsFields, type ModuleParts } from './module';
import { assembleTags, readFandoms, readSymbols, readTagList } from './tags';
import { classTokens, hasClass, idAfter, idFromToken } from './text';
import { userIdsOf } from './work-blurb';

export function readSeriesModule(li: Element, parts: ModuleParts, now?: Date): SeriesFields {
  if (!parts.heading) throw new Error('series blurb has no heading');
  const heading = readHeading(parts.heading);
  const idFromLink = idAfter(heading.href, 'series');
  if (idFromLink === null) throw new Error('series blurb has no series link');
  const tags = assembleTags(readFandoms(parts.fandoms), readSymbols(parts.requiredTags), readTagList(parts.tagList));
  const stats = statsFields(parts.stats);
  return {
    seriesId: idFromToken([li.id], 'series_') ?? idFromToken(classTokens(li), 'series-') ?? idFromLink,
    title: heading.title,
    authors: heading.authors,
    userIds: userIdsOf(li),
    anonymous: heading.anonymous || hasClass(li.className, 'anonymous') || (!!parts.header && hasClass(parts.header.className, 'anonymous')),
    fandoms: tags.fandoms,
    rating: tags.ratings[0] ?? null,
    ratings: tags.ratings,
    warnings: tags.warnings,
    categories: tags.categories,
    complete: tags.complete,
    relationships: tags.relationships,
    characters: tags.characters,
    freeforms: tags.freeforms,
    tags: tags.tags(),
    summary: blockText(parts.summary),
    words: countField(stats, 'words'),
    works: countField(stats, 'works'),
    bookmarks: countField(stats, 'bookmarks') ?? 0,
    updated: headerDate(parts, now),
    restricted: heading.restricted,
    hiddenTags: tags.hiddenTags,
  };
}

export function readSeriesBlurb(li: Element, now?: Date): SeriesBlurb {
  return { type: 'series', workId: null, ...readSeriesModule(li, collectParts(li), now) };
}
