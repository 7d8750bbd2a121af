// Code that tests evaluate inside the extension's worker or pages uses the browser's own `chrome` global.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
