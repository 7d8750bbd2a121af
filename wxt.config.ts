import { defineConfig } from 'wxt';
import { ARCHIVE_MATCHES } from './utils/hosts';

const FIREFOX_ID = 'shelfmark@shelfmark.example';

/**
 * Preact's renderer assigns innerHTML for the `dangerouslySetInnerHTML` prop,
 * which Shelfmark never uses; Firefox's add-on linter flags that assignment in
 * the bundle. This build step replaces it with an error, so the shipped code
 * cannot set raw HTML at all — and fails the build if Preact's code changes
 * shape, rather than silently shipping the assignment again.
 */
const preactWithoutRawHtml = {
  name: 'shelfmark:preact-without-raw-html',
  apply: 'build' as const,
  transform(code: string, id: string) {
    if (!/\/node_modules\/preact\/dist\/preact\.mjs$/.test(id.split('?')[0] ?? '')) return null;
    const assignment = /\(\w+\.innerHTML=\w+\.__html\)/g;
    const found = code.match(assignment)?.length ?? 0;
    if (found !== 1) throw new Error(`preact.mjs: expected one innerHTML assignment to replace, found ${found}`);
    return code.replace(assignment, '(()=>{throw Error("Shelfmark never sets raw HTML (dangerouslySetInnerHTML)")})()');
  },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of any file can see where each name comes from.
  imports: false,
  manifestVersion: 3,
  // Separate output folders let several builds (e.g. parallel checkouts' tests) coexist; tests read the same variable.
  outDir: process.env.SHELFMARK_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    // The browser fills these in from public/_locales/<language>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome's service worker has no DOMParser: tag pages fetched to learn tag families are read in an
    // offscreen document (reason DOM_PARSER; utils/wrangling/tag-page-parser.ts). Firefox's event page parses itself.
    permissions: browser === 'firefox' ? ['storage', 'unlimitedStorage'] : ['storage', 'unlimitedStorage', 'offscreen'],
    host_permissions: ARCHIVE_MATCHES,
    // Rendered from assets/icon.svg by `npm run icons`.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: 'Shelfmark', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // `npm run zip` writes <outDir>/shelfmark-<version>-{chrome,firefox,sources}.zip. The sources zip is
    // for Firefox's reviewers: an allow-list of what rebuilds the extension (SOURCE_CODE_REVIEW.md says how), nothing else.
    includeSources: [
      'SOURCE_CODE_REVIEW.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'public/**',
      'assets/**',
    ],
    // WXT keeps a file that includeSources matches even when excludeSources matches it too: excluding everything
    // turns includeSources into the whole list (tests/package/sources.test.ts checks the zip holds exactly it).
    excludeSources: ['**'],
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Only the update test's builds set it (utils/db/migrations/test-only.ts); a constant, so other builds drop that step.
    define: { __SHELFMARK_TEST_MIGRATION__: JSON.stringify(process.env.SHELFMARK_TEST_MIGRATION === '1') },
    plugins: [preactWithoutRawHtml],
  }),
});
