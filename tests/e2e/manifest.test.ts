/**
 * The built manifests: both browsers MV3, exactly the permissions the README
 * justifies and nothing that widens them (no optional permissions, no
 * web-accessible resources, no content security policy, no outside
 * connections), the icons `npm run icons` renders, and Firefox's own settings
 * only in Firefox's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconFile } from '../../scripts/lib/icons';
import { ARCHIVE_MATCHES } from '../../utils/hosts';
import { readManifest, shownText } from '../helpers/manifest';
import { pngSize } from '../helpers/png';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Every top-level key the manifests may have. Anything else — a new permission kind, web_accessible_resources, content_security_policy, externally_connectable — fails here. */
const EXPECTED_KEYS = [
  'action',
  'background',
  'content_scripts',
  'description',
  'host_permissions',
  'icons',
  'manifest_version',
  'name',
  'options_ui',
  'permissions',
  'version',
];
/** Present when the name and description are translated (`__MSG_…__` keys resolved from _locales). */
const LOCALE_KEY = 'default_locale';

describe.each([
  ['chrome', CHROME_BUILD],
  ['firefox', FIREFOX_BUILD],
])('%s manifest', (browser, dir) => {
  const m = readManifest(dir);
  const shown = (value: string) => shownText(dir, m, value);

  it("is MV3, named Shelfmark, at package.json's version", () => {
    expect(m.manifest_version).toBe(3);
    expect(shown(m.name)).toBe('Shelfmark');
    expect(shown(m.action.default_title)).toBe('Shelfmark');
    // Chrome's limit for the description.
    expect(shown(m.description).length).toBeGreaterThan(0);
    expect(shown(m.description).length).toBeLessThanOrEqual(132);
    expect(m.version).toBe(packageJson.version);
  });

  it('asks for exactly storage and unlimitedStorage, and in Chrome offscreen (its worker has no DOMParser for tag pages)', () => {
    expect([...m.permissions].sort()).toEqual(browser === 'chrome' ? ['offscreen', 'storage', 'unlimitedStorage'] : ['storage', 'unlimitedStorage']);
  });

  it("reaches the archive's hosts and nothing else", () => {
    expect([...m.host_permissions].sort()).toEqual([...ARCHIVE_MATCHES].sort());
    for (const script of m.content_scripts) expect([...script.matches].sort()).toEqual([...ARCHIVE_MATCHES].sort());
    expect(ARCHIVE_MATCHES).toContain('https://archiveofourown.org/*');
    expect(ARCHIVE_MATCHES).toContain('https://www.archiveofourown.org/*');
  });

  it('declares nothing else: no optional permissions, web-accessible resources, CSP or outside connections', () => {
    const firefoxOnly = browser === 'firefox' ? ['browser_specific_settings'] : [];
    const keys = Object.keys(m).filter((key) => key !== LOCALE_KEY);
    expect(keys.sort()).toEqual([...EXPECTED_KEYS, ...firefoxOnly].sort());
  });

  it('uses the rendered icons, each a PNG of the size it is listed at', () => {
    expect(m.icons).toEqual(Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconFile(size).replace(/^public\//, '')])));
    const listed = { ...m.icons, ...m.action.default_icon };
    for (const [size, path] of Object.entries(listed)) {
      expect(pngSize(readFileSync(join(dir, path)))).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it(browser === 'firefox' ? "carries Firefox's settings" : "carries none of Firefox's settings", () => {
    if (browser === 'firefox') {
      expect(m.browser_specific_settings).toEqual({
        gecko: {
          id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/),
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      });
    } else {
      expect(m.browser_specific_settings).toBeUndefined();
      expect(JSON.stringify(m)).not.toMatch(/gecko|data_collection/);
    }
  });
});
