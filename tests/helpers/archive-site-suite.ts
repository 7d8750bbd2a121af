/**
 * For suites that need the archive's own stylesheets and scripts
 * (scripts/lib/archive-site.ts) — its real layout at a phone's width, its site
 * skins, the store screenshots — as describeRealPages is for the real pages:
 * without them, the suite's body never runs and one skipped test with a
 * printed notice stands in its place. Used inside describeRealPages, as such
 * suites read the real pages too.
 */
import { describe, it } from 'vitest';
import { hasArchiveSite } from '../../scripts/lib/archive-site';

let noticePrinted = false;

export function describeArchiveSite(name: string, body: () => void): void {
  if (hasArchiveSite()) {
    describe(name, body);
    return;
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn('NOTICE: the archive\'s stylesheets and scripts not found (set AO3_SITE or place them at ../shared/fixtures/ao3-site); tests of its real layout skipped.');
  }
  describe.skip(name, () => {
    it('needs the archive\'s stylesheets and scripts', () => {});
  });
}
