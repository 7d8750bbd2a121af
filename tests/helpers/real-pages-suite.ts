/**
 * The one way a test suite depends on the real archive pages. When they are
 * absent, the suite's body is never run — so nothing in it (a `realPage()` at
 * collection time, a `beforeAll`) can throw — and one skipped test with a
 * printed notice stands in its place.
 */
import { describe, it } from 'vitest';
import { realPagesDir } from './real-pages';

let noticePrinted = false;

/** `describe(name, body)` when the real pages are there; otherwise a skipped stand-in and a notice. */
export function describeRealPages(name: string, body: () => void): void {
  if (realPagesDir() !== null) {
    describe(name, body);
    return;
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn('NOTICE: real archive pages not found (set AO3_PAGES or place them at ../shared/fixtures/ao3); real-page tests skipped.');
  }
  describe.skip(name, () => {
    it('needs the real archive pages', () => {});
  });
}
