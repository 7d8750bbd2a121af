/**
 * A clone without the real archive pages must skip, never fail: every test
 * that needs them goes through describeRealPages, which never runs a suite's
 * body when they are absent. The second half checks the test files for
 * real-page reads that would run outside such a suite.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { describeRealPages } from '../../helpers/real-pages-suite';

const TESTS = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Registered at collection time, as a real-page suite is, with the pages made absent.
const emptyDir = mkdtempSync(join(tmpdir(), 'shelfmark-no-pages-'));
const previous = process.env.AO3_PAGES;
process.env.AO3_PAGES = emptyDir;
const absentBody = vi.fn();
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
describeRealPages('a suite over absent pages', absentBody);
const warnings = warn.mock.calls.map((call) => String(call[0]));
warn.mockRestore();
if (previous === undefined) delete process.env.AO3_PAGES;
else process.env.AO3_PAGES = previous;
rmSync(emptyDir, { recursive: true });

/** What reads the real pages (directly, or through the harnesses and the sample library). */
const READERS = new Set(['realPage', 'realPages', 'realPageHtml', 'realPageDocument', 'serveRealPage', 'importSample', 'sampleBackupFile']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/**
 * Real-page reads in `source` that could run without the pages: not inside a
 * describeRealPages(...) call. Reads inside a module-level helper function only
 * run when a test calls it, so they are left to where it is called.
 */
function unguardedReads(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const guarded = (node: ts.Node): boolean => {
    for (let up = node.parent; up && !ts.isSourceFile(up); up = up.parent) {
      if (ts.isCallExpression(up) && calleeName(up) === 'describeRealPages') return true;
      if (ts.isFunctionDeclaration(up) && ts.isSourceFile(up.parent)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && READERS.has(calleeName(node) ?? '') && !guarded(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${calleeName(node)}() at line ${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('describeRealPages', () => {
  it('never runs the body of a suite when the real pages are absent, and says why once', () => {
    expect(absentBody).not.toHaveBeenCalled();
    expect(warnings).toEqual([expect.stringMatching(/^NOTICE: real archive pages not found .*skipped\.$/)]);
  });

  it('is how every test file reaches the real pages', () => {
    const offenders = testFiles(TESTS).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      if (![...READERS].some((name) => code.includes(name))) return [];
      const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
      return unguardedReads(source).map((read) => `${relative(TESTS, file)}: ${read}`);
    });
    expect(offenders).toEqual([]);
  }, 60_000);

  it('finds a real-page read outside describeRealPages', () => {
    const code = [
      "const url = realPage('a.html').url;",
      "describe.skipIf(false)('old way', () => { const html = realPageHtml('a.html'); });",
      "describeRealPages('new way', () => { const html = realPageHtml('a.html'); it('x', () => session.serveRealPage('a.html')); });",
      "function helper() { return realPageDocument('a.html'); }",
    ].join('\n');
    const source = ts.createSourceFile('x.test.ts', code, ts.ScriptTarget.Latest, true);
    expect(unguardedReads(source)).toEqual(['realPage() at line 1', 'realPageHtml() at line 2']);
  });
});
