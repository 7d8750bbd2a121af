import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARCHIVE_MATCHES } from '../../utils/hosts';

export default defineContentScript({
  matches: ARCHIVE_MATCHES,
  runAt: 'document_start',
  main() {},
});
