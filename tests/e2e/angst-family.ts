/**
 * The family both browsers' tag-learning tests learn: Angst, from the
 * hand-written tag page (tests/fixtures/tag-pages/tag-angst.html) with one
 * more synonym that works on the shared "a shit ton of angst" listing carry
 * (the archive lists "Heavy Angst" under Angst's synonyms). Its two subtags'
 * pages are not served: the archive answers 404 for them here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ANGST_LISTING = 'listing-tag-a-shit-ton-of-angst.html';
export const ANGST = 'https://archiveofourown.org/tags/Angst';
export const TEEN_ANGST = 'https://archiveofourown.org/tags/Teen%20Angst';
export const EMO_TEEN_ANGST = 'https://archiveofourown.org/tags/Emo%20Teen%20Angst';
export const ANGST_SYNONYM = 'Heavy Angst';
export const ANGST_HTML = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tag-pages/tag-angst.html'), 'utf8').replace(
  '<li><a class="tag" href="/tags/angsty%20angst">angsty angst</a></li>',
  `<li><a class="tag" href="/tags/angsty%20angst">angsty angst</a></li><li><a class="tag" href="/tags/Heavy%20Angst">${ANGST_SYNONYM}</a></li>`,
);

/** For `$$eval('li.blurb', …, name)` in either browser's driver: the ids of the blurbs carrying the tag `name` (its shown text). */
export const idsTagged = (blurbs: Element[], name: string): string[] =>
  blurbs.filter((el) => [...el.querySelectorAll('a.tag')].some((a) => a.textContent?.trim() === name)).map((el) => el.id).sort();
