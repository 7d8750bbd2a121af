/**
 * Finding the blurbs on a page and reading each one into a record, one blurb
 * at a time: a blurb that can't be read becomes an ErrorBlurb and the rest of
 * the page is unaffected.
 */
import type { Blurb, ErrorBlurb } from './types';
import { readBookmarkBlurb } from './bookmark-blurb';
import { readSeriesBlurb } from './series-blurb';
import { readDeletedReading, readMysteryBlurb } from './special-blurbs';
import { classTokens, hasClass, idAfter, idFromToken, pathOf, textOf } from './text';
import { readWorkBlurb } from './work-blurb';

/**
 * Blurbs that describe something other than a work, series or bookmark
 * (collections, people, the short per-bookmarker lines under a grouped
 * bookmark): not ours to read, so not listed.
 */
const OTHER_BLURBS = ['short', 'collection', 'pseud', 'user', 'tagset', 'prompt', 'request', 'skin', 'comment'];

/**
 * The top-level blurbs under `root`, in page order. Blurbs nested in another
 * blurb (a grouped bookmark's short blurbs) are part of their parent.
 */
export function findBlurbElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  // Matches come in document order, so a nested blurb follows the one holding it.
  let outer: Element | null = null;
  for (const li of root.querySelectorAll('li.blurb')) {
    if (outer?.contains(li)) continue;
    outer = li;
    if (isListedBlurb(li)) found.push(li);
  }
  return found;
}

/** Whether a top-level `li.blurb` is one this model reads (not in OTHER_BLURBS). */
export function isListedBlurb(li: Element): boolean {
  const cls = li.className;
  return !OTHER_BLURBS.some((c) => hasClass(cls, c));
}

function errorBlurb(li: Element, error: unknown): ErrorBlurb {
  let workId: number | null = null;
  let title = '';
  try {
    workId = idFromToken([li.id], 'work_') ?? idFromToken(classTokens(li), 'work-');
    const link = Array.from(li.querySelectorAll('h4 a')).find((a) => idAfter(pathOf(a.getAttribute('href')), 'works') !== null);
    if (link) {
      workId ??= idAfter(link.getAttribute('href'), 'works');
      title = textOf(link);
    }
  } catch {
    // The error record itself must never throw.
  }
  return {
    type: 'error',
    workId,
    title,
    elementId: li.id || null,
    error: error instanceof Error ? error.message : String(error),
  };
}

function readBlurbOrThrow(li: Element, now?: Date): Blurb {
  const cls = li.className;
  if (hasClass(cls, 'mystery')) return readMysteryBlurb(li);
  if (hasClass(cls, 'bookmark')) {
    // A bookmarked work that is still unrevealed shows the mystery module.
    return li.querySelector('div.mystery') ? readMysteryBlurb(li) : readBookmarkBlurb(li, now);
  }
  if (hasClass(cls, 'deleted')) return readDeletedReading(li, now);
  if (hasClass(cls, 'series')) return readSeriesBlurb(li, now);
  if (hasClass(cls, 'work')) return readWorkBlurb(li, now);
  throw new Error(`unknown blurb (class "${li.className}")`);
}

/** Reads one blurb element. Never throws: what can't be read comes back as an ErrorBlurb. */
export function readBlurb(li: Element, now?: Date): Blurb {
  try {
    return readBlurbOrThrow(li, now);
  } catch (error) {
    return errorBlurb(li, error);
  }
}

export function readBlurbs(root: ParentNode, now?: Date): Blurb[] {
  return findBlurbElements(root).map((li) => readBlurb(li, now));
}
