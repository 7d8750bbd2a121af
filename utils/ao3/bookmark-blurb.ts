/**
 * Bookmark blurbs (`li.bookmark.blurb`): the bookmarked item's module (work,
 * series or external work) rendered straight into the `li`, then the
 * bookmarker's module. A bookmark of a deleted item has only the latter.
 */
import type { BookmarkBlurb, BookmarkInfo, CollectionRef, DeletedBlurb, ExternalWorkFields } from './types';
import { authorFromLink, readHeading } from './byline';
import { blockText, collectParts, headerDate, type ModuleParts } from './module';
import { readSeriesModule } from './series-blurb';
import { assembleTags, readFandoms, readSymbols, readTagList } from './tags';
import { classTokens, idAfter, idFromToken, parseDate, pathOf, textOf } from './text';
import { readWorkModule, userIdsOf } from './work-blurb';

const VISIBILITY = ['private', 'hidden', 'rec', 'public'] as const;

/** The bookmarker's part: status symbol, "Bookmarked by", date, tags, collections, notes. */
export function readBookmarkInfo(li: Element, parts: ModuleParts, now?: Date): BookmarkInfo {
  const user = parts.userModule;
  const byline = user?.querySelector('h5.byline a, .byline a') ?? null;
  const tags: string[] = [];
  const collections: CollectionRef[] = [];
  if (user) {
    for (const ul of user.querySelectorAll('ul.meta')) {
      if (ul.classList.contains('tags')) {
        for (const a of ul.querySelectorAll('a')) tags.push(textOf(a));
      } else {
        for (const a of ul.querySelectorAll('a[href*="/collections/"]')) {
          collections.push({ name: textOf(a), url: pathOf(a.getAttribute('href')) });
        }
      }
    }
  }
  let visibility: BookmarkInfo['visibility'] = null;
  if (parts.status) {
    for (const span of parts.status.querySelectorAll('span')) {
      visibility = VISIBILITY.find((v) => span.classList.contains(v)) ?? null;
      if (visibility) break;
    }
  }
  return {
    // In the grouped ("bookmarkable") view the id is the item's, and there is no bookmarker module.
    bookmarkId: user ? idFromToken([li.id], 'bookmark_') : null,
    bookmarker: byline ? authorFromLink(byline) : null,
    bookmarkerUserId: null,
    date: parseDate(textOf(user?.querySelector('p.datetime')), now),
    tags,
    notes: blockText(user?.querySelector('blockquote.notes') ?? null),
    collections,
    visibility,
  };
}

/**
 * Splits the blurb's `user-N` classes into the creators' and the
 * bookmarker's, which the archive puts last. When there are no more ids than
 * creators the bookmarker is one of them and can't be singled out.
 */
function splitUserIds(ids: number[], creatorLogins: number): { userIds: number[]; bookmarkerUserId: number | null } {
  const unique = [...new Set(ids)];
  if (unique.length > creatorLogins && unique.length > 0) {
    return { userIds: unique.slice(0, -1), bookmarkerUserId: unique[unique.length - 1]! };
  }
  return { userIds: unique, bookmarkerUserId: null };
}

function readExternalModule(li: Element, parts: ModuleParts, now?: Date): ExternalWorkFields {
  if (!parts.heading) throw new Error('external work bookmark has no heading');
  const heading = readHeading(parts.heading);
  const tags = assembleTags(readFandoms(parts.fandoms), readSymbols(parts.requiredTags), readTagList(parts.tagList));
  return {
    externalWorkId: idAfter(heading.href, 'external_works') ?? idFromToken(classTokens(li), 'external-work-'),
    title: heading.title,
    creator: heading.plainByline || (heading.authors[0]?.pseud ?? null),
    fandoms: tags.fandoms,
    rating: tags.ratings[0] ?? null,
    warnings: tags.warnings,
    categories: tags.categories,
    relationships: tags.relationships,
    characters: tags.characters,
    freeforms: tags.freeforms,
    tags: tags.tags(),
    summary: blockText(parts.summary),
    updated: headerDate(parts, now),
  };
}

export type BookmarkItemKind = 'work' | 'series' | 'external' | 'deleted';

/** What a bookmark blurb holds, from its creation class (`work-N`, …) or else its title link. */
export function bookmarkItemKind(li: Element, parts: ModuleParts): BookmarkItemKind {
  for (const token of classTokens(li)) {
    if (/^work-\d+$/.test(token)) return 'work';
    if (/^series-\d+$/.test(token)) return 'series';
    if (/^external-work-\d+$/.test(token)) return 'external';
  }
  if (!parts.heading) {
    if (parts.header) throw new Error('bookmark blurb has no heading');
    return 'deleted';
  }
  const href = readHeading(parts.heading).href ?? '';
  if (/^\/(?:collections\/[^/]+\/)?works\//.test(href)) return 'work';
  if (href.startsWith('/series/')) return 'series';
  if (href.startsWith('/external_works/')) return 'external';
  throw new Error('bookmark blurb holds an unknown item');
}

export function readBookmarkBlurb(li: Element, now?: Date): BookmarkBlurb | DeletedBlurb {
  const parts = collectParts(li);
  const kind = bookmarkItemKind(li, parts);
  const bookmark = readBookmarkInfo(li, parts, now);
  if (kind === 'deleted') {
    // Only the bookmarker's class is left on a bookmark of a deleted item.
    bookmark.bookmarkerUserId = userIdsOf(li).pop() ?? null;
    return { type: 'deleted', workId: null, title: textOf(parts.message) || 'Deleted item', lastVisited: null, bookmark };
  }
  if (kind === 'work') {
    const work = readWorkModule(li, parts, now);
    const split = splitUserIds(work.userIds, work.anonymous ? 0 : new Set(work.authors.map((a) => a.login)).size);
    bookmark.bookmarkerUserId = split.bookmarkerUserId;
    return { ...work, type: 'bookmark', item: 'work', userIds: split.userIds, bookmark };
  }
  if (kind === 'series') {
    const series = readSeriesModule(li, parts, now);
    const split = splitUserIds(series.userIds, series.anonymous ? 0 : new Set(series.authors.map((a) => a.login)).size);
    bookmark.bookmarkerUserId = split.bookmarkerUserId;
    return { ...series, userIds: split.userIds, type: 'bookmark', item: 'series', workId: null, bookmark };
  }
  // External works have no creator accounts: any `user-N` is the bookmarker's.
  bookmark.bookmarkerUserId = userIdsOf(li).pop() ?? null;
  return { ...readExternalModule(li, parts, now), type: 'bookmark', item: 'external', workId: null, bookmark };
}
