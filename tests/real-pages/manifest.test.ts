/**
 * One line per real page: every page of the manifest is here, with the kind,
 * listing kind, login state and number of blurbs read off its markup
 * (`#main` classes, `body.logged-in`/`logged-out`, the blurb `li`s). The other
 * files in this folder check the pages' contents in detail.
 */
import { expect, it } from 'vitest';
import { realPages } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { errorBlurbs, load } from './support';

type Row = [file: string, kind: string, listingKind: string | null, loggedIn: boolean, blurbs: number];

const TAG = 'tag-works';
const ROWS: Row[] = [
  ['listing-tag-sherlock-holmes.html', 'listing', TAG, false, 21], // 21 li.work.blurb although the heading says "1 - 20"
  ['listing-tag-dysphoria.html', 'listing', TAG, false, 20],
  ['listing-tag-eventual-romance.html', 'listing', TAG, false, 20],
  ['listing-tag-worldbuilding.html', 'listing', TAG, false, 20],
  ['listing-tag-mind-palace.html', 'listing', TAG, false, 20],
  ['listing-tag-castiel-supernatural-and-misha-collins.html', 'listing', TAG, false, 5],
  ['listing-tag-charlie-magne-morningstar.html', 'listing', TAG, false, 20],
  ['listing-tag-komaeda-nagitoxsans-undertale.html', 'listing', TAG, false, 20],
  ['listing-tag-original-senator-characters.html', 'listing', TAG, false, 20],
  ['listing-tag-the-lorax-2012.html', 'listing', TAG, false, 20],
  ['listing-tag-a-shit-ton-of-angst.html', 'listing', TAG, false, 20],
  ['listing-tag-choose-not-to-use-archive-warnings.html', 'listing', TAG, false, 20],
  ['listing-tag-court-lady-go-mr-queen.html', 'listing', TAG, false, 1],
  ['tag-show-unfilterable-no-fandom-freeform.html', 'listing', 'tag', false, 20],
  // A wrangled tag's own page (synonyms, subtags, parents) lists no works: kind tag (its record under `tag`, see tag-pages.test.ts).
  ['tag-sherlock-holmes.html', 'tag', null, false, 0],
  ['tag-dysphoria.html', 'tag', null, false, 0],
  ['tag-eventual-romance.html', 'tag', null, false, 0],
  ['tag-worldbuilding.html', 'tag', null, false, 0],
  ['tag-mind-palace.html', 'tag', null, false, 0],
  ['tag-castiel-supernatural-and-misha-collins.html', 'tag', null, false, 0],
  ['tag-charlie-magne-morningstar.html', 'tag', null, false, 0],
  ['tag-komaeda-nagitoxsans-undertale.html', 'tag', null, false, 0],
  ['tag-original-senator-characters.html', 'tag', null, false, 0],
  ['tag-the-lorax-2012.html', 'tag', null, false, 0],
  ['tag-a-shit-ton-of-angst.html', 'tag', null, false, 0],
  ['tag-choose-not-to-use-archive-warnings.html', 'tag', null, false, 0],
  ['tag-court-lady-go-mr-queen.html', 'tag', null, false, 0],
  // An unwrangled tag's page lists the works that use it.
  ['tag-i-already-feel-like-im-pushing-it-lollll.html', 'listing', 'tag', false, 1],
  ['chapter-17793689-41980418.html', 'work', null, false, 0],
  ['chapter-37214506-92848687.html', 'work', null, false, 0],
  ['chapter-48582418-122861680.html', 'work', null, false, 0],
  ['work-23824891-first-chapter.html', 'work', null, false, 0],
  ['work-29046888-first-chapter.html', 'work', null, false, 0],
  ['work-41289660-first-chapter.html', 'work', null, false, 0],
  ['work-323217-oneshot.html', 'work', null, false, 0],
  ['work-923647-oneshot.html', 'work', null, false, 0],
  ['work-168768-oneshot.html', 'work', null, false, 0],
  ['work-4491333-oneshot.html', 'work', null, false, 0],
  ['navigate-43703871.html', 'chapter-index', null, false, 0],
  ['restricted-15461226-login.html', 'restricted', null, false, 0],
  ['deleted-41237499-404.html', 'not-found', null, false, 0],
  ['series-1728802.html', 'listing', 'series', false, 3],
  ['series-2270465.html', 'listing', 'series', false, 6],
  ['series-2946579.html', 'listing', 'series', false, 2],
  ['bookmarks-user.html', 'listing', 'bookmarks', true, 20],
  ['readings-history.html', 'listing', 'readings', true, 9],
  ['readings-marked-for-later.html', 'listing', 'readings', true, 20],
  ['work-view-full-work.html', 'work', null, true, 0],
  ['chapter-logged-in.html', 'work', null, true, 0],
  ['series-logged-in.html', 'listing', 'series', true, 2],
  ['user-dashboard.html', 'listing', 'dashboard', true, 5], // AMBIGUOUS: listingKind of /users/NAME
  ['home-logged-in.html', 'listing', 'home', true, 3], // AMBIGUOUS: listingKind of the logged-in home page
];

describeRealPages('every real page (manifest)', () => {
  it('covers every page of the manifest', () => {
    expect(ROWS.map(([file]) => file).sort()).toEqual(
      realPages()
        .map((p) => p.file)
        .sort(),
    );
  });

  for (const [file, kind, listingKind, loggedIn, blurbs] of ROWS) {
    it(`${file}: ${kind}${listingKind ? ` (${listingKind})` : ''}, ${blurbs} blurbs`, () => {
      const r = load(file);
      expect([r.kind, r.listingKind, r.loggedIn, r.blurbs.length]).toEqual([kind, listingKind, loggedIn, blurbs]);
      expect(errorBlurbs(r)).toEqual([]);
      // no page of the set uses the "hide warnings / additional tags" preferences
      expect(r.tagsHiddenByPreference).toEqual(false);
      expect(
        r.blurbs.filter((b) => 'hiddenTags' in b && (b.hiddenTags.warnings || b.hiddenTags.freeforms)).length,
      ).toEqual(0);
    });
  }
});
