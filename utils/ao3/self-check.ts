/**
 * The page model's check on itself: a listing whose works it could not read
 * is the sign that the archive changed its markup. Then the content script
 * hides nothing on the page (a rule must never hide what the reader can't
 * be told about) and the popup says so, with a diagnostic to copy into a
 * bug report.
 *
 * The check trips on a listing (by the page model's own page kind) when
 * - no blurb was found, yet the page shows works: its heading counts some
 *   ("1 - 20 of 2,345 Works in …", "41 Found"), or it holds items shaped like blurbs
 *   (`li[role=article]`, `li#work_N`…) whatever their classes; or
 * - more than half of the blurbs found came back as errors.
 * A listing that is genuinely empty ("No results found", "0 Works in …")
 * ("0 Found") shows neither sign, so it does not trip.
 *
 * The diagnostic carries counts and kinds only, never the reader's data or
 * the page's text: no tags, titles, user names or addresses.
 */
import type { ListingKind, PageKind, PageRecord } from './types';
import { textOf } from './text';

export type ReadProblemReason = 'no-blurbs' | 'mostly-errors';

export interface ReadProblem {
  reason: ReadProblemReason;
  pageKind: PageKind;
  listingKind: ListingKind | null;
  blurbsFound: number;
  blurbErrors: number;
  /** Elements shaped like blurbs, whatever their classes. */
  workItemsSeen: number;
  /** How many works (or bookmarks, series) the page's heading says it lists, when it says. */
  headingCount: number | null;
}

/** The archive's own hooks on a blurb that don't depend on its classes (ao3-dom.md, "hooks"). */
const BLURB_SHAPED = 'li[role="article"], li[id^="work_"], li[id^="series_"], li[id^="bookmark_"], li[id^="external_work_"]';

/** "1 - 20 of 111,471 Works in", "1 Work in", "1 - 20 of 217 Bookmarks by", "3 Series by", a search's "41 Found". */
const HEADING_COUNT = /(\d[\d,]*)\s+(?:Works?|Bookmarks?|Bookmarked Items?|Series|Found)\b/;

function headingCount(main: Element): number | null {
  for (const heading of main.querySelectorAll('h2.heading, h3.heading')) {
    const match = HEADING_COUNT.exec(textOf(heading));
    if (match) return Number(match[1]!.replace(/,/g, ''));
  }
  return null;
}

/** What went wrong reading the page's works, or null when nothing did (or the page lists no works). */
export function findReadProblem(doc: Document, page: PageRecord): ReadProblem | null {
  if (page.kind !== 'listing') return null;
  const main = doc.getElementById('main');
  if (!main) return null;
  const blurbsFound = page.blurbs.length;
  const blurbErrors = page.blurbs.filter((blurb) => blurb.type === 'error').length;
  const problem = (reason: ReadProblemReason): ReadProblem => ({
    reason,
    pageKind: page.kind,
    listingKind: page.listingKind,
    blurbsFound,
    blurbErrors,
    workItemsSeen: main.querySelectorAll(BLURB_SHAPED).length,
    headingCount: headingCount(main),
  });
  if (blurbsFound > 0) return blurbErrors * 2 > blurbsFound ? problem('mostly-errors') : null;
  const empty = problem('no-blurbs');
  return empty.workItemsSeen > 0 || (empty.headingCount ?? 0) > 0 ? empty : null;
}

/** Where the diagnostic was taken: filled in by the extension page that shows it. */
export interface DiagnosticContext {
  extensionVersion: string;
  browser: string;
}

/** The diagnostic as plain lines, for the reader to copy into a report (documented in docs/self-check.md). */
export function diagnosticText(problem: ReadProblem, context: DiagnosticContext): string {
  return [
    'Shelfmark page check',
    `problem: ${problem.reason}`,
    `page kind: ${problem.pageKind}${problem.listingKind ? ` (${problem.listingKind})` : ''}`,
    `blurbs found: ${problem.blurbsFound}`,
    `blurbs unreadable: ${problem.blurbErrors}`,
    `items shaped like blurbs: ${problem.workItemsSeen}`,
    `works the heading counts: ${problem.headingCount ?? 'none given'}`,
    `extension: ${context.extensionVersion}`,
    `browser: ${context.browser}`,
  ].join('\n');
}
