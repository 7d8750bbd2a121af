import { describe, expect, it } from 'vitest';
import { normalizeTagText } from '../../../utils/rules/normalize';
import { compileTagPattern } from '../../../utils/rules/tag-pattern';
import { WildcardIndex, matchesWildcard, parseWildcard } from '../../../utils/rules/wildcard';

/** A wildcard rule's text against a tag as the page shows it, both normalised like the matcher does. */
function wildcardMatches(pattern: string, tag: string): boolean {
  const compiled = compileTagPattern('wildcard', pattern);
  if (!compiled.ok) throw new Error(compiled.error);
  const text = normalizeTagText(tag);
  return compiled.pattern.mode === 'exact' ? compiled.pattern.text === text : compiled.pattern.mode === 'wildcard' && matchesWildcard(compiled.pattern.wildcard, text);
}

describe('wildcards', () => {
  it('are anchored at both ends', () => {
    expect(wildcardMatches('Alpha*', 'Alpha/Omega')).toBe(true);
    expect(wildcardMatches('Alpha*', 'Omega Alpha')).toBe(false);
    expect(wildcardMatches('*Alpha', 'Omega Alpha')).toBe(true);
    expect(wildcardMatches('*Alpha', 'Alpha/Omega')).toBe(false);
    expect(wildcardMatches('*Alpha*', 'The Alpha Dynamics')).toBe(true);
  });

  it('let * match an empty run', () => {
    expect(wildcardMatches('Alpha*', 'Alpha')).toBe(true);
    expect(wildcardMatches('A*B*C', 'ABC')).toBe(true);
  });

  it('are case-insensitive and normalised', () => {
    expect(wildcardMatches('alpha*', 'ALPHA/OMEGA')).toBe(true);
    expect(wildcardMatches('Ａｌｐｈａ*', 'Alpha/Omega')).toBe(true);
  });

  it('take everything but * literally, including regex specials', () => {
    expect(wildcardMatches('Harry Potter (Series)*', 'Harry Potter (Series) - J. K. Rowling')).toBe(true);
    expect(wildcardMatches('Harry Potter (Series)*', 'Harry Potter Series')).toBe(false);
    expect(wildcardMatches('*F/M*', 'F/M')).toBe(true);
    expect(wildcardMatches('A.B*', 'A.B.C')).toBe(true);
    expect(wildcardMatches('A.B*', 'AxB')).toBe(false);
    expect(wildcardMatches('*[AU]*', 'Modern [AU]')).toBe(true);
    expect(wildcardMatches('*[AU]*', 'Modern A')).toBe(false);
    expect(wildcardMatches('?*', 'x')).toBe(false);
    expect(wildcardMatches('$^*', '$^ and more')).toBe(true);
  });

  it('find middle segments in order without overlapping', () => {
    expect(wildcardMatches('*ab*ba*', 'aba')).toBe(false);
    expect(wildcardMatches('*ab*ba*', 'abba')).toBe(true);
    expect(wildcardMatches('a*b*a', 'aba')).toBe(true);
    expect(wildcardMatches('ab*ba', 'aba')).toBe(false);
    expect(wildcardMatches('x*ab*c', 'xabababc')).toBe(true);
  });

  it('treat repeated stars as one', () => {
    expect(parseWildcard('a**b')).toEqual({ prefix: 'a', middle: [], suffix: 'b' });
  });

  it('stay linear on text built to defeat backtracking', () => {
    const wildcard = parseWildcard('*a*a*a*a*a*a*b');
    const started = performance.now();
    expect(matchesWildcard(wildcard, 'a'.repeat(10_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('WildcardIndex', () => {
  it('reports every matching pattern, whichever bucket it sits in', () => {
    const index = new WildcardIndex<string>();
    for (const pattern of ['alpha*', '*omega', '*beta*', 'gamma*', 'a*z']) index.add(parseWildcard(pattern), pattern);
    const found: string[] = [];
    index.forEachMatch('alpha beta omega', (value) => found.push(value));
    expect(found.sort()).toEqual(['*beta*', '*omega', 'alpha*']);
    const none: string[] = [];
    index.forEachMatch('delta', (value) => none.push(value));
    expect(none).toEqual([]);
  });

  it('finds *x* patterns through their runs, regex specials included, and patterns added after a lookup', () => {
    const index = new WildcardIndex<string>();
    for (const pattern of ['*slow burn*', '*a.b*c*', '*(x|y)*', '*short*longer run*']) index.add(parseWildcard(pattern), pattern);
    const matches = (text: string): string[] => {
      const found: string[] = [];
      index.forEachMatch(text, (value) => found.push(value));
      return found.sort();
    };
    expect(matches('a very slow burn indeed')).toEqual(['*slow burn*']);
    expect(matches('xa.bxc')).toEqual(['*a.b*c*']);
    expect(matches('xaxbxc')).toEqual([]);
    expect(matches('pick (x|y) now')).toEqual(['*(x|y)*']);
    expect(matches('longer run then short')).toEqual([]);
    expect(matches('short, then a longer run')).toEqual(['*short*longer run*']);
    index.add(parseWildcard('*delta*'), '*delta*');
    expect(matches('delta')).toEqual(['*delta*']);
  });
});
