/**
 * The blurbs that aren't a full item: unrevealed (mystery) works, works
 * deleted since they were read, and the visit line of History blurbs.
 */
import type { CollectionRef, DeletedBlurb, MysteryBlurb, ReadingInfo } from './types';
import { idFromToken, parseCount, parseDate, pathOf, textOf } from './text';

/**
 * `h4.viewed` of a History / Marked for Later blurb. The parts are fixed
 * phrases but the whitespace between them varies between templates.
 */
export function readReading(viewed: Element, now?: Date): ReadingInfo {
  const text = textOf(viewed);
  const visited = /Last visited:\s*(.+?)(?=\s*\(|\s+Visited\b|$)/.exec(text);
  const times = /Visited\s+(once|[\d,]+\s+times?)/i.exec(text);
  let version: ReadingInfo['version'] = null;
  if (/\(Update available\.?\)/i.test(text)) version = 'update';
  else if (/\(Minor edits made since then\.?\)/i.test(text)) version = 'minor-edit';
  else if (/\(Latest version\.?\)/i.test(text)) version = 'latest';
  return {
    lastVisited: visited ? parseDate(visited[1], now) : null,
    visits: times ? (times[1]!.toLowerCase() === 'once' ? 1 : parseCount(times[1]!.replace(/\s+times?$/i, ''))) : null,
    version,
    markedForLater: /\(Marked for Later\.?\)/i.test(text),
    skipped: /\((?:Flagged to skip|Skipped)\.?\)/i.test(text),
  };
}

/**
 * `li.mystery.work.blurb`: "Mystery Work", maybe "Part of <a collection>",
 * and nothing else to read.
 */
export function readMysteryBlurb(li: Element): MysteryBlurb {
  const header = li.querySelector('div.mystery, div.header') ?? li;
  const link = header.querySelector('h5 a[href*="/collections/"]');
  const collection: CollectionRef | null = link ? { name: textOf(link), url: pathOf(link.getAttribute('href')) } : null;
  return {
    type: 'mystery',
    workId: idFromToken([li.id], 'work_') ?? idFromToken(li.classList, 'work-'),
    title: textOf(header.querySelector('h4')) || 'Mystery Work',
    collection,
  };
}

/** `li.deleted.reading`: only "(Deleted work, last visited DATE)". */
export function readDeletedReading(li: Element, now?: Date): DeletedBlurb {
  const text = textOf(li.querySelector('h4') ?? li);
  const m = /last visited:?\s*(.+?)\)?$/i.exec(text);
  return {
    type: 'deleted',
    workId: null,
    title: 'Deleted work',
    lastVisited: m ? parseDate(m[1], now) : null,
    bookmark: null,
  };
}
