import { defineConfig } from 'wxt';
import { ARCHIVE_MATCHES } from './utils/hosts';

const FIREFOX_ID = 'shelfmark@shelfmark.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of any file can see where each name comes from.
  imports: false,
  manifestVersion: 3,
  // Separate output folders let several builds (e.g. parallel checkouts' tests) coexist; tests read the same variable.
  outDir: process.env.SHELFMARK_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Shelfmark',
    description: 'Hide and highlight works, track what you read and save works for later on Archive of Our Own.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: ARCHIVE_MATCHES,
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Shelfmark', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
