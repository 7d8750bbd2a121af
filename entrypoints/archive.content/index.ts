/**
 * The content script on every archive page. It reads the page once, at
 * DOMContentLoaded, and hands that one reading to each feature; features
 * live in ./features, one per file, and are wired up only here.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARCHIVE_MATCHES } from '../../utils/hosts';
import { readPage } from '../../utils/ao3/page';
import { whenDomReady } from './dom-ready';
import { reportPage } from './features/page-report';

export default defineContentScript({
  matches: ARCHIVE_MATCHES,
  runAt: 'document_start',
  main() {
    whenDomReady(() => {
      const page = readPage(document, location.href);
      reportPage(page, location.href);
    });
  },
});
