/**
 * The content script, on every real page served at its real URL, reads the
 * same page the inspector reads: same kind, same blurbs in the same order.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPage } from '../../utils/ao3/page';
import type { PageReport } from '../../utils/messaging/protocol';
import { realPageDocument, realPages } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchExtension, type ExtensionSession } from './harness';
import { waitForPageReport } from './page-reports';

describeRealPages('content script on real pages', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(realPages().map((p) => [p.file, p] as const))('%s: the content script sees what the inspector sees', async (file) => {
    const url = await session.serveRealPage(file);
    const page = await session.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const report: PageReport = await waitForPageReport(session, url);

      const expected = readPage(realPageDocument(file), url);
      expect(report.kind).toBe(expected.kind);
      expect(report.listingKind).toBe(expected.listingKind);
      expect(report.blurbs).toEqual(
        expected.blurbs.map((blurb) => ({ type: blurb.type, workId: blurb.workId, title: blurb.title })),
      );
      expect(report.errors).toBe(0);
    } finally {
      await page.close();
    }
  });
});
