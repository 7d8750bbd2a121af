/** The built manifests: both browsers MV3, the narrowest permissions, Firefox's own settings only in Firefox's. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_MATCHES } from '../../utils/hosts';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

function manifest(dir: string): Record<string, unknown> & { content_scripts: Array<{ matches: string[] }> } {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build at ${dir}: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe.each([
  ['chrome', CHROME_BUILD],
  ['firefox', FIREFOX_BUILD],
])('%s manifest', (browser, dir) => {
  const m = manifest(dir);

  it('is MV3, named Shelfmark, with exactly storage and unlimitedStorage', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('Shelfmark');
    expect(m.version).toBe(JSON.parse(readFileSync(join(dir, '../../package.json'), 'utf8')).version);
    expect([...(m.permissions as string[])].sort()).toEqual(['storage', 'unlimitedStorage']);
    expect(m.optional_permissions).toBeUndefined();
  });

  it("reaches the archive's hosts and nothing else", () => {
    expect([...(m.host_permissions as string[])].sort()).toEqual([...ARCHIVE_MATCHES].sort());
    for (const script of m.content_scripts) expect([...script.matches].sort()).toEqual([...ARCHIVE_MATCHES].sort());
    expect(ARCHIVE_MATCHES).toContain('https://archiveofourown.org/*');
    expect(ARCHIVE_MATCHES).toContain('https://www.archiveofourown.org/*');
  });

  it('has valid PNG icons', () => {
    for (const path of Object.values(m.icons as Record<string, string>)) {
      const bytes = readFileSync(join(dir, path));
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
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
      });
    } else {
      expect(m.browser_specific_settings).toBeUndefined();
      expect(JSON.stringify(m)).not.toMatch(/gecko|data_collection/);
    }
  });
});
