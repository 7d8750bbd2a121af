/**
 * Readers' regular expressions, admitted only when they cannot hang the page.
 *
 * Browsers match with backtracking engines, so a pattern can take exponential
 * time (`(a+)+$`, `(a|aa)*b`) or a high polynomial (`.*.*.*.*x`) on text
 * built to defeat it — and tag text is written by anyone. The approach:
 *
 * 1. Cap the pattern (`MAX_REGEX_LENGTH`) and the text it sees
 *    (`REGEX_INPUT_LIMIT`; the archive caps tag names at 150 characters, so
 *    real tags are never cut).
 * 2. Compile with the `u` flag (strict syntax, so the structure read below is
 *    exactly what the engine runs) and `i`.
 * 3. Reject backreferences and lookarounds (they defeat any bound) and every
 *    group syntax but `(?:…)` and `(?<name>…)`.
 * 4. Bound the backtracking: count how many ways the pattern can match one
 *    stretch of text — a sequence multiplies, an alternation adds, `?` adds
 *    one, a repeat of up to N times gives N+1 ways, and a repeat of something
 *    that itself has several ways (star height > 1: `(a+)+`, `(a|aa)*`,
 *    `(\w+\s?)*`, `(.*a){20}`) grows exponentially — and multiply by the
 *    number of start positions. Patterns over `BACKTRACK_BUDGET` are refused.
 *    That admits two unbounded repeats (`harry.*draco.*`), whose worst case
 *    measured ~2 ms on a 200-character adversarial tag in V8, and refuses a
 *    third (`.*.*.*x`: 100–140 ms) and long runs of optional parts
 *    (`a?a?…a?aa…a`).
 */

import { t } from '../i18n';

export const MAX_REGEX_LENGTH = 200;
export const REGEX_INPUT_LIMIT = 200;
const BACKTRACK_BUDGET = 1e7;

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compiles a reader's pattern (`iu` flags) if it is valid and safe. */
export function compileSafeRegex(source: string): RegexCheck {
  if (source.length > MAX_REGEX_LENGTH) return { ok: false, error: t('patternTooLong', String(MAX_REGEX_LENGTH)) };
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'iu');
  } catch (error) {
    return { ok: false, error: t('regexInvalid', syntaxReason((error as Error).message)) };
  }
  const cost = estimateBacktracking(source);
  if (typeof cost === 'string') return { ok: false, error: cost };
  return { ok: true, regex };
}

/**
 * The browser's reason a pattern does not compile, without the preamble V8
 * puts before it ("Invalid regular expression: /(a/iu: Unterminated group"
 * → "unterminated group"), to follow "is not valid:".
 */
function syntaxReason(message: string): string {
  const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** Tests a compiled reader pattern against at most `REGEX_INPUT_LIMIT` characters of text. */
export function testCapped(regex: RegExp, text: string): boolean {
  return regex.test(text.length > REGEX_INPUT_LIMIT ? text.slice(0, REGEX_INPUT_LIMIT) : text);
}

class UnsafePattern extends Error {}

/** Null when within budget, else the reason. Expects a source that compiles with the `u` flag. */
function estimateBacktracking(source: string): string | null {
  const reader = new PatternCostReader(source);
  try {
    const ways = reader.readAlternation();
    if (ways * REGEX_INPUT_LIMIT <= BACKTRACK_BUDGET) return null;
    return t(reader.repeatsBranchingPart ? 'regexBranchingRepeat' : 'regexTooSlow');
  } catch (error) {
    if (error instanceof UnsafePattern) return error.message;
    throw error;
  }
}

/**
 * Reads a `u`-mode pattern and returns the number of ways it can match (see
 * the module comment). Only structure matters: every character, class or
 * escape counts as one way.
 */
class PatternCostReader {
  private position = 0;
  /** Set when a repeat's operand has more than one way to match; explains a refusal. */
  repeatsBranchingPart = false;

  constructor(private readonly source: string) {}

  readAlternation(): number {
    let ways = this.readSequence();
    while (this.peek() === '|') {
      this.position++;
      ways += this.readSequence();
    }
    return ways;
  }

  private readSequence(): number {
    let ways = 1;
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      ways *= this.readQuantified(this.readAtom());
    }
    return ways;
  }

  private readAtom(): number {
    const char = this.source.charAt(this.position++);
    if (char === '(') {
      this.readGroupOpening();
      const ways = this.readAlternation();
      this.position++; // ')'
      return ways;
    }
    if (char === '[') this.skipClass();
    else if (char === '\\') this.skipEscape();
    return 1;
  }

  private readGroupOpening(): void {
    if (this.peek() !== '?') return;
    const opening = this.source.slice(this.position, this.position + 3);
    if (opening.startsWith('?=') || opening.startsWith('?!') || opening === '?<=' || opening === '?<!') {
      throw new UnsafePattern(t('regexLookaround'));
    }
    if (opening.startsWith('?:')) this.position += 2;
    else if (opening.startsWith('?<')) this.position = this.source.indexOf('>', this.position) + 1;
    else throw new UnsafePattern(t('regexGroupSyntax'));
  }

  private skipClass(): void {
    while (this.position < this.source.length) {
      const char = this.source.charAt(this.position++);
      if (char === '\\') this.position++;
      else if (char === ']') return;
    }
  }

  private skipEscape(): void {
    const char = this.source.charAt(this.position++);
    if (/[1-9]/.test(char) || char === 'k') {
      throw new UnsafePattern(t('regexBackreference'));
    }
    if ((char === 'p' || char === 'P' || char === 'u') && this.peek() === '{') {
      this.position = this.source.indexOf('}', this.position) + 1;
    } else if (char === 'u') this.position += 4;
    else if (char === 'x') this.position += 2;
    else if (char === 'c') this.position += 1;
  }

  /** Reads an optional quantifier after an operand with `ways` ways, and returns the ways of the whole. */
  private readQuantified(ways: number): number {
    const bounds = this.readQuantifier();
    if (!bounds) return ways;
    if (this.peek() === '?') this.position++; // lazy: same ways
    const low = Math.min(bounds.min, REGEX_INPUT_LIMIT);
    const high = Math.min(bounds.max, REGEX_INPUT_LIMIT);
    if (ways === 1) return high - low + 1;
    if (high > 1) this.repeatsBranchingPart = true;
    // The sum of ways^i for i in low..high (a geometric series); overflow only ever means "too many".
    const sum = (ways ** (high + 1) - ways ** low) / (ways - 1);
    return Number.isFinite(sum) ? sum : Infinity;
  }

  private readQuantifier(): { min: number; max: number } | null {
    const char = this.peek();
    if (char === '*') return this.consume(1, { min: 0, max: Infinity });
    if (char === '+') return this.consume(1, { min: 1, max: Infinity });
    if (char === '?') return this.consume(1, { min: 0, max: 1 });
    if (char !== '{') return null;
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
    if (!counted) return null;
    const min = Number(counted[1]);
    const max = counted[2] === undefined ? min : counted[3] ? Number(counted[3]) : Infinity;
    return this.consume(counted[0].length, { min, max });
  }

  private consume<T>(length: number, value: T): T {
    this.position += length;
    return value;
  }

  private peek(): string {
    return this.source.charAt(this.position);
  }
}
