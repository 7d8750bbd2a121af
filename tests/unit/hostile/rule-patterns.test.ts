/**
 * Rule patterns built to backtrack catastrophically, to read backreferences
 * or to look around: refused wherever a rule comes in (the rule editor's
 * check, the `rules/put` and `rules/import` messages, backup files), and
 * harmless where a rule skips those checks (a tampered rules mirror in
 * storage.local reaches the content script's matcher): the matcher leaves
 * the rule out and classifies an adversarial tag at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBackupText } from '../../../utils/backup/parse';
import { compileRules } from '../../../utils/rules/compile';
import { compileSafeRegex } from '../../../utils/rules/regex-safety';
import type { Rule } from '../../../utils/rules/types';
import { validatePattern } from '../../../utils/rules/validate';
import type { WorkBlurb } from '../../../utils/ao3/types';
import { fillLibrary, exportText } from '../backup/files';
import { freshDb } from '../db/fixtures';
import { optionsPage, testBackground } from '../messaging/background';

const CATASTROPHIC = ['(a+)+$', '(a|aa)+b', '(a|aa)*$', '(.*a){20}', '^(\\w+\\s?)*$', '(a*)*b', '([a-z]+)*x', '(x+x+)+y'];
const BACKREFERENCES = ['(a)\\1', '(?<x>a+)\\k<x>', '(\\w+) \\1'];
const LOOKAROUNDS = ['a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b', '^(?=.*angst)(?=.*fluff)'];
const REFUSED = [...CATASTROPHIC, ...BACKREFERENCES, ...LOOKAROUNDS];

/** The tags each pattern is built to hang on. */
const ADVERSARIAL = ['a'.repeat(100_000), `${'a'.repeat(100_000)}!`, `${'aa'.repeat(50_000)}c`, `${'word '.repeat(20_000)}!`, 'x'.repeat(100_000)];

const regexRule = (id: string, text: string): Rule => ({
  id,
  action: 'hide',
  match: { kind: 'tag', slot: 'any', text, mode: 'regex' },
  enabled: true,
  createdAt: 0,
  updatedAt: 0,
});

function blurb(freeforms: string[]): WorkBlurb {
  return {
    type: 'work', workId: 1, title: 'T', authors: [], userIds: [], anonymous: false, orphaned: false, recipients: [],
    fandoms: ['F'], rating: 'Not Rated', warnings: [], categories: [], complete: null, relationships: [], characters: [],
    freeforms, tags: [], summary: null, series: [], language: null, languageCode: null, words: null, chapters: null,
    collections: [], collectionCount: 0, comments: 0, kudos: 0, bookmarks: 0, hits: 0, restricted: false, hiddenByAdmin: false,
    hiddenTags: { warnings: false, freeforms: false }, updated: null, updatedAt: null, lastChapterId: null, reading: null,
  };
}

describe.each(REFUSED)('the pattern %s', (pattern) => {
  it('is refused by the rule editor’s check, with a sentence', () => {
    expect(compileSafeRegex(pattern).ok).toBe(false);
    expect(validatePattern('regex', pattern)).toEqual({ ok: false, error: expect.stringMatching(/^The regular expression .+\.$/) });
  });

  it('is refused by rules/put and rules/import, naming the rule’s text; no rule is stored', async () => {
    const bg = testBackground();
    const rule = { id: 'evil', action: 'hide', match: { kind: 'tag', slot: 'any', text: pattern, mode: 'regex' }, enabled: true };
    expect(await bg.send({ type: 'rules/put', rule }, optionsPage)).toEqual({ ok: false, error: expect.stringMatching(/^invalid request: request\.rule: match\.text /) });
    expect(await bg.send({ type: 'rules/import', rules: [rule], mode: 'merge' }, optionsPage)).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid request: request\.rules\[0\]: match\.text /),
    });
    expect(await bg.send({ type: 'rules/list' }, optionsPage)).toEqual({ ok: true, value: { rules: [] } });
  });
});

describe('in a backup file', () => {
  let valid = '';
  beforeAll(async () => {
    const db = await freshDb();
    await fillLibrary(db);
    valid = await exportText(db);
  });

  it.each(REFUSED)('%s is refused, naming the rule', (pattern) => {
    const file = JSON.parse(valid);
    file.data.rules[0].match = { kind: 'tag', slot: 'any', text: pattern, mode: 'regex' };
    const result = parseBackupText(JSON.stringify(file));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^This backup has a wrong value at backup\.data\.rules\[0\]: match\.text /) });
  });
});

describe('a tampered rules mirror (no checks on the way in)', () => {
  it('leaves every refused pattern out, and classifies adversarial tags at once', () => {
    const matcher = compileRules([...REFUSED.map((pattern, i) => regexRule(`evil-${i}`, pattern)), regexRule('fine', '^angst')]);
    const started = performance.now();
    for (const tag of ADVERSARIAL) {
      const result = matcher.classify(blurb([tag, 'Angst and Fluff']));
      expect(result.hiddenBy.map((reason) => reason.ruleId)).toEqual(['fine']);
    }
    // A hang guard, not a speed test: any of these patterns left in would take minutes.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('bounds the worst patterns it does admit: each finishes on adversarial tags', () => {
    for (const pattern of ['.*.*x', 'harry.*draco.*', '(a|b){3}', '\\w+\\s\\w+!', 'x{2,5}y+', '[\\p{L} ]+ au$']) {
      const check = compileSafeRegex(pattern);
      expect(check.ok, pattern).toBe(true);
      const matcher = compileRules([regexRule('admitted', pattern)]);
      const started = performance.now();
      for (const tag of ADVERSARIAL) matcher.classify(blurb([tag]));
      expect(performance.now() - started, pattern).toBeLessThan(1_000);
    }
  });
});
