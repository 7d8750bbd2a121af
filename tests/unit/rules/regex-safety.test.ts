import { describe, expect, it } from 'vitest';
import { MAX_REGEX_LENGTH, REGEX_INPUT_LIMIT, compileSafeRegex, testCapped } from '../../../utils/rules/regex-safety';
import { validatePattern } from '../../../utils/rules/validate';

function errorOf(pattern: string): string | null {
  const result = compileSafeRegex(pattern);
  return result.ok ? null : result.error;
}

describe('regex safety', () => {
  it.each(['(a+)+$', '(a|aa)*b', '(.*a){20}', '^(\\w+\\s?)*$', '(a*)*b', '(?:a|a)+$', '([a-z]+)*$', '(foo|bar)+'])(
    'rejects the catastrophic pattern %s',
    (pattern) => {
      expect(errorOf(pattern)).toMatch(/more than one way/);
    },
  );

  it('rejects high-polynomial patterns: three unbounded repeats, long runs of optional parts', () => {
    expect(errorOf('.*.*.*x')).toMatch(/too long/);
    expect(errorOf('\\w+\\w+\\w+!')).toMatch(/too long/);
    expect(errorOf('a?'.repeat(20) + 'a'.repeat(20))).toMatch(/too long/);
  });

  it('rejects backreferences and lookarounds', () => {
    expect(errorOf('(a)\\1')).toMatch(/backreference/);
    expect(errorOf('(?<x>a)\\k<x>')).toMatch(/backreference/);
    expect(errorOf('a(?=b)')).toMatch(/lookahead/);
    expect(errorOf('a(?!b)')).toMatch(/lookahead/);
    expect(errorOf('(?<=a)b')).toMatch(/lookbehind/);
    expect(errorOf('(?<!a)b')).toMatch(/lookbehind/);
  });

  it('rejects invalid and over-long patterns', () => {
    expect(errorOf('(unclosed')).toMatch(/^is not valid: /);
    expect(errorOf('\\q')).toMatch(/^is not valid: /); // strict `u` syntax
    expect(errorOf('a'.repeat(MAX_REGEX_LENGTH + 1))).toMatch(/longer than/);
  });

  it('says once that a pattern is not valid, with the browser’s reason but not its preamble', () => {
    expect(validatePattern('regex', '(unclosed')).toEqual({ ok: false, error: 'The regular expression is not valid: unterminated group.' });
  });

  it('admits ordinary patterns, including two unbounded repeats and named groups', () => {
    for (const pattern of ['^alpha', 'harry.*draco', '\\bomega\\b', '(?<ship>draco|harry)/\\w+', '[\\p{L} ]+ au$', '(a|b){3}', 'x{2,5}y+']) {
      expect(errorOf(pattern), pattern).toBeNull();
    }
  });

  it('matches case-insensitively with Unicode semantics', () => {
    const result = compileSafeRegex('^pokémon.*\\p{Lu}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(testCapped(result.regex, 'POKÉMON GO X')).toBe(true);
  });

  it('never hangs: the catastrophic pattern is refused, and the worst admitted one finishes on adversarial text', () => {
    expect(errorOf('(a+)+$')).not.toBeNull();
    const worst = compileSafeRegex('.*.*x');
    expect(worst.ok).toBe(true);
    if (!worst.ok) return;
    const started = performance.now();
    expect(testCapped(worst.regex, 'a'.repeat(100_000))).toBe(false);
    // A hang guard, not a speed test.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('sees at most REGEX_INPUT_LIMIT characters', () => {
    const result = compileSafeRegex('z');
    if (!result.ok) throw new Error(result.error);
    expect(testCapped(result.regex, `${'a'.repeat(REGEX_INPUT_LIMIT)}z`)).toBe(false);
    expect(testCapped(result.regex, `${'a'.repeat(REGEX_INPUT_LIMIT - 1)}z`)).toBe(true);
  });
});

describe('validatePattern', () => {
  it('gives the rule editor a sentence', () => {
    expect(validatePattern('regex', '(a+)+$')).toEqual({ ok: false, error: expect.stringMatching(/^The regular expression repeats/) });
    expect(validatePattern('exact', 'Alpha*')).toEqual({ ok: false, error: expect.stringMatching(/^The tag contains \*/) });
    expect(validatePattern('wildcard', '**')).toEqual({ ok: false, error: 'The tag needs some text besides *.' });
    expect(validatePattern('exact', '   ')).toEqual({ ok: false, error: 'The tag is empty.' });
    expect(validatePattern('exact', 'Hurt*s*Comfort')).toEqual({ ok: true });
    expect(validatePattern('wildcard', 'Alpha*')).toEqual({ ok: true });
    expect(validatePattern('regex', '^alpha')).toEqual({ ok: true });
  });
});
