/**
 * Tells the background what this page is and which blurbs it holds, so the
 * popup can speak about the current page (and the real-browser tests can
 * check that the content script saw what the inspector sees).
 */
import type { PageRecord } from '../../../utils/ao3/types';
import { sendRequest } from '../../../utils/messaging/client';
import type { PageReport } from '../../../utils/messaging/protocol';

export function pageReport(page: PageRecord, url: string): PageReport {
  return {
    url,
    kind: page.kind,
    listingKind: page.listingKind,
    blurbs: page.blurbs.map((blurb) => ({ type: blurb.type, workId: blurb.workId, title: blurb.title })),
    errors: page.blurbs.filter((blurb) => blurb.type === 'error').length,
  };
}

export function reportPage(page: PageRecord, url: string): void {
  void sendRequest({ type: 'page/report', report: pageReport(page, url) });
}
