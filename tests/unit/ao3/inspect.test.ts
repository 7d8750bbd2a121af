import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    const run = inspect(join(root, 'tests/fixtures/tag-pages/tag-angst.html'), '--url', 'https://archiveofourown.org/tags/Angst');
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

  describe('--rules and --tag-pages', () => {
    const tagPages = join(root, 'tests/fixtures/tag-pages');
    const listing = join(tagPages, 'listing-angst.html');
    const rules = [
      { id: 'angst', action: 'hide', match: { kind: 'tag', slot: 'any', text: 'Angst', mode: 'exact' }, enabled: true, createdAt: 1, updatedAt: 1 },
      {
        id: 'cnw',
        action: 'highlight',
        color: '#ffcc00',
        match: { kind: 'tag', slot: 'warning', text: 'Choose Not To Use Archive Warnings', mode: 'exact' },
        enabled: true,
        createdAt: 1,
        updatedAt: 1,
      },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'shelfmark-inspect-'));
    const rulesFile = join(dir, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify(rules));
    const backupFile = join(dir, 'backup.json');
    writeFileSync(
      backupFile,
      JSON.stringify({
        format: 'shelfmark-backup',
        formatVersion: 1,
        exportedAt: 1,
        schemaVersion: 1,
        extensionVersion: '1.0.0',
        data: { works: [], reading: [], visits: [], saved: [], rules, settings: [{ key: 'alwaysShow', value: [1], changed: 1 }] },
      }),
    );
    type Checked = Omit<PageRecord, 'blurbs'> & { blurbs: Array<{ workId: number; verdict: string; reasons: Array<{ label: string; detail: string }> }>; families?: unknown[] };
    const verdicts = (record: Checked) => record.blurbs.map((b) => [b.workId, b.verdict, b.reasons.map((r) => r.detail)]);
    const CNW = 'Creator Chose Not To Use Archive Warnings';

    it('every blurb gets its verdict and reasons; a rule matches the name in a tag link too', () => {
      const run = inspect(listing, '--rules', rulesFile);
      expect(run.status).toBe(0);
      const record = JSON.parse(run.stdout) as Checked;
      expect(record.families).toBeUndefined();
      expect(record.blurbs[0]!.reasons).toEqual([
        { label: 'Tag: Angst', detail: 'Angst' },
        { label: 'Warning: Choose Not To Use Archive Warnings', detail: CNW },
      ]);
      expect(verdicts(record)).toEqual([
        [1, 'hide', ['Angst', CNW]],
        [2, 'highlight', [CNW]],
        [3, 'highlight', [CNW]],
        [4, 'highlight', [CNW]],
      ]);
    });

    it('with --tag-pages, families learned from the saved pages: synonyms and subtags', () => {
      const run = inspect(listing, '--rules', rulesFile, '--tag-pages', tagPages);
      expect(run.status).toBe(0);
      const record = JSON.parse(run.stdout) as Checked;
      expect(verdicts(record)).toEqual([
        [1, 'hide', ['Angst', CNW]],
        [2, 'hide', ['a shit ton of angst (filed under Angst)', CNW]],
        [3, 'hide', ['Emo Teen Angst (filed under Angst)', CNW]],
        [4, 'highlight', [CNW]],
      ]);
      // Teen Angst's and Emo Teen Angst's pages are not among the saved pages (asked for, missing): the family is incomplete.
      expect(record.families).toMatchObject([{ name: 'Angst', canonical: 'Angst', synonyms: ['a shit ton of angst', 'angsty angst'], pages: 3, complete: false }]);
    });

    it('a whole backup file as the rules, with its always-shown works', () => {
      const run = inspect(listing, '--rules', backupFile, '--tag-pages', tagPages);
      expect(run.status).toBe(0);
      expect(verdicts(JSON.parse(run.stdout) as Checked).map(([id, verdict]) => [id, verdict])).toEqual([
        [1, 'highlight'],
        [2, 'hide'],
        [3, 'hide'],
        [4, 'highlight'],
      ]);
    });

    it('a rules file it cannot use: exit 1 with one line naming the problem', () => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify([{ ...rules[0], match: { kind: 'tag', slot: 'any', text: 'x', mode: 'fuzzy' } }]));
      for (const [args, message] of [
        [['--rules', bad], /rule 0: match\.mode/],
        [['--rules', join(dir, 'missing.json')], /cannot read .*missing\.json \(ENOENT\)/],
        [['--tag-pages', tagPages], /--tag-pages needs --rules/],
        [['--rules', rulesFile, '--tag-pages', dir], /no manifest\.json/],
      ] as const) {
        const run = inspect(listing, ...args);
        expect(run.status, args.join(' ')).toBe(1);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(message);
      }
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
