/**
 * The page model's entry point: what the page is, who is reading, and every
 * record on it. Pure: takes the document, the URL (when known) and the time
 * (for relative dates); touches no globals.
 */
import type { Blurb, PageRecord } from './types';
import { findBlurbElements, readBlurb } from './blurbs';
import { readChapterIndex } from './chapter-index';
import { detectPage } from './page-kind';
import { readPagination } from './pagination';
import { readSession } from './session';
import { readTagPage } from './tag-page';
import { readWorkPage } from './work-page';

export { detectPage } from './page-kind';
export { findBlurbElements, isListedBlurb, readBlurb, readBlurbs } from './blurbs';
export { readWorkPage } from './work-page';
export { readChapterIndex } from './chapter-index';
export { readSession } from './session';
export { readPagination } from './pagination';
export { readTagPage } from './tag-page';
export { parseCount, parseDate, parseRelativeDate, tagNameFromUrl } from './text';

function hidesTags(blurb: Blurb): boolean {
  return 'hiddenTags' in blurb && (blurb.hiddenTags.warnings || blurb.hiddenTags.freeforms);
}

export function readPage(doc: Document, url?: string | null, now: Date = new Date()): PageRecord {
  return readPageWithElements(doc, url, now).page;
}

/**
 * `readPage`, plus the blurb elements the records were read from
 * (`elements[i]` holds `page.blurbs[i]`), for code that decorates them.
 * `readOne` reads each blurb; a caller that read some blurbs already (the
 * content script reads a listing as it is parsed) passes one that reuses them.
 */
export function readPageWithElements(
  doc: Document,
  url?: string | null,
  now: Date = new Date(),
  readOne: (li: Element, now: Date) => Blurb = readBlurb,
): { page: PageRecord; elements: Element[] } {
  const { kind, listingKind, readingsView } = detectPage(doc, url);
  const { loggedIn, user } = readSession(doc);
  const main = doc.getElementById('main');
  const record: PageRecord = {
    kind,
    listingKind,
    readingsView,
    loggedIn,
    user,
    work: null,
    blurbs: [],
    pagination: null,
    tagsHiddenByPreference: false,
    tag: null,
  };
  if (main && main.classList.contains('tags-show')) record.tag = readTagPage(main, url);
  let elements: Element[] = [];
  if ((kind === 'listing' || kind === 'adult-interstitial') && main) {
    elements = findBlurbElements(main);
    record.blurbs = elements.map((li) => readOne(li, now));
    record.pagination = readPagination(main);
    record.tagsHiddenByPreference = record.blurbs.some(hidesTags);
  } else if (kind === 'work') {
    const work = readWorkPage(doc, url);
    record.work = work;
    record.tagsHiddenByPreference = work.hiddenTags.warnings || work.hiddenTags.freeforms;
  } else if (kind === 'chapter-index') {
    record.work = readChapterIndex(doc, url);
  }
  return { page: record, elements };
}
