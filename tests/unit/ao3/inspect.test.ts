import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../../../utils/ao3/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = join(root, 'tests/fixtures/ao3');

function inspect(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/inspect.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

// Each test starts Node with tsx: seconds on a loaded machine.
describe('scripts/inspect.ts', { timeout: 60_000 }, () => {
  it('prints one PageRecord as JSON', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/inspect.ts'), join(fixtures, 'gifts.html'), '--url', 'https://archiveofourown.org/users/lucky/gifts'],
      { cwd: root, encoding: 'utf8' },
    );
    const record = JSON.parse(out) as PageRecord;
    expect(record).toMatchObject({ kind: 'listing', listingKind: 'gifts' });
    expect(record.blurbs).toHaveLength(1);
  });

  it("a tag's own page: kind tag, its wrangling under `tag`", () => {
    const run = inspect(join(fixtures, 'tag-angst.html'), '--url', 'https://archiveofourown.org/tags/Angst');
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout) as PageRecord;
    expect(record).toMatchObject({ kind: 'tag', listingKind: null, blurbs: [] });
    expect(record.tag).toEqual({
      name: 'Angst',
      category: 'freeform',
      canonical: true,
      synonymOf: null,
      synonyms: ['a shit ton of angst', 'angsty angst'],
      subtags: [
        { name: 'Teen Angst', parent: 'Angst' },
        { name: 'Emo Teen Angst', parent: 'Teen Angst' },
      ],
      metatags: [],
      parents: ['No Fandom'],
    });
  });

  it('a page that is not the archive: kind other, exit 0', () => {
    const run = inspect(join(fixtures, 'not-archive.html'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'other', blurbs: [] });
  });

  it('unreadable file: exit 1 with one line on stderr', () => {
    for (const target of [join(fixtures, 'no-such-page.html'), fixtures]) {
      const run = inspect(target);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--help prints usage', () => {
    const run = inspect('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run inspect/);
  });
});
