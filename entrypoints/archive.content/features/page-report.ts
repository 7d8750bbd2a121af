/**
 * Tells the background what this page is, which blurbs it holds and how many
 * the rules hid or highlighted, so the extension can speak about the page
 * (and the real-browser tests can check that the content script saw what
 * the inspector sees).
 */
import type { PageRecord } from '../../../utils/ao3/types';
import { sendRequest } from '../../../utils/messaging/client';
import type { PageReport } from '../../../utils/messaging/protocol';
import type { ListingOutcome } from './filter-listing';

export function pageReport(page: PageRecord, url: string, outcome: ListingOutcome | null): PageReport {
  return {
    url,
    kind: page.kind,
    listingKind: page.listingKind,
    blurbs: page.blurbs.map((blurb) => ({ type: blurb.type, workId: blurb.workId, title: blurb.title })),
    errors: page.blurbs.filter((blurb) => blurb.type === 'error').length,
    hidden: outcome?.hidden ?? 0,
    dimmed: outcome?.dimmed ?? 0,
    highlighted: outcome?.highlighted ?? 0,
  };
}

export function reportPage(page: PageRecord, url: string, outcome: ListingOutcome | null): void {
  void sendRequest({ type: 'page/report', report: pageReport(page, url, outcome) });
}
