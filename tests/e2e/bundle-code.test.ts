/**
 * The built bundles run no code the extension did not ship: no `eval`, no
 * `Function` constructor, no string timers, no script loaded from anywhere
 * but the package (docs/security.md). The browsers' MV3 default CSP forbids
 * these in extension pages already; content scripts run under the page's
 * CSP instead, so the bundles themselves must not contain them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** What may not appear in a shipped script, and why. */
const FORBIDDEN_IN_SCRIPTS: Array<[name: string, pattern: RegExp]> = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['the Function constructor', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['a timer given a string of code', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['an import from a URL', /\bimport\s*\(\s*["'`](?:https?:)?\/\//],
  ['a script URL off the package', /["'`](?:https?:)?\/\/[^"'`\s]+\.m?js(?:[?#][^"'`]*)?["'`]/],
  ['a script element given a URL', /\.src\s*=\s*["'`](?:https?:)?\/\//],
];

describe.each([
  ['chrome', CHROME_BUILD],
  ['firefox', FIREFOX_BUILD],
])('%s build', (_browser, dir) => {
  const files = filesUnder(dir);
  const scripts = files.filter((file) => file.endsWith('.js'));
  const pages = files.filter((file) => file.endsWith('.html'));

  it('has scripts and pages to check', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it.each(FORBIDDEN_IN_SCRIPTS)('no script contains %s', (_name, pattern) => {
    const found = scripts.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(dir, file));
    expect(found).toEqual([]);
  });

  it('every page loads its scripts from the package, and has no inline script', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const tags = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(tags.length, relative(dir, page)).toBeGreaterThan(0);
      for (const tag of tags) {
        const src = /\bsrc="([^"]*)"/.exec(tag)?.[1];
        expect(src, `${relative(dir, page)}: ${tag}`).toMatch(/^(?:\.{0,2}\/)?(?!\/)[\w./-]+\.js$/);
      }
      expect(html.replace(/<script\b[^>]*src="[^"]*"[^>]*><\/script>/gi, ''), relative(dir, page)).not.toMatch(/<script\b/i);
    }
  });
});
