/**
 * Rules on the shared tag listings' tags, with the families learned from the
 * shared tag pages (`tag-*.html`) exactly as the extension learns them.
 *
 * Recall: on every tag listing whose tag's own (canonical) page is in the
 * set, a rule on that tag hides every work the archive lists there — except
 * the works named below, tagged only with a tag that no page of the set lists.
 * Precision: on every listing of the set, each work a rule hides carries the
 * rule's tag, a synonym or a subtag (or a subtag's synonym) — by the text shown
 * or the name in its link.
 */
import { beforeAll, expect, it } from 'vitest';
import { tagNameFromUrl } from '../../utils/ao3/text';
import type { Tag } from '../../utils/ao3/types';
import { normalizeTagText } from '../../utils/rules/normalize';
import type { TagFamily } from '../../utils/rules/tag-family';
import type { Rule } from '../../utils/rules/types';
import { checkBlurbs, learnFamilies } from '../../scripts/lib/check-rules';
import { realPages, realPagesDir } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { load } from './support';

/** Each tag listing with the tag page of the same name. */
const LISTINGS: Array<{ listing: string; tag: string }> = [
  { listing: 'listing-tag-sherlock-holmes.html', tag: 'Sherlock Holmes' },
  { listing: 'listing-tag-dysphoria.html', tag: 'Dysphoria' },
  { listing: 'listing-tag-eventual-romance.html', tag: 'Eventual Romance' },
  { listing: 'listing-tag-worldbuilding.html', tag: 'Worldbuilding' },
  { listing: 'listing-tag-mind-palace.html', tag: 'Mind Palace' },
  { listing: 'listing-tag-castiel-supernatural-and-misha-collins.html', tag: 'Castiel (Supernatural) & Misha Collins' },
  { listing: 'listing-tag-charlie-magne-morningstar.html', tag: 'Charlie Magne | Morningstar' },
  { listing: 'listing-tag-komaeda-nagitoxsans-undertale.html', tag: 'Komaeda Nagito/Sans (Undertale)' },
  { listing: 'listing-tag-the-lorax-2012.html', tag: 'The Lorax (2012)' },
  { listing: 'listing-tag-choose-not-to-use-archive-warnings.html', tag: 'Choose Not To Use Archive Warnings' },
  { listing: 'listing-tag-court-lady-go-mr-queen.html', tag: 'Court Lady Go (Mr. Queen)' },
  // Synonyms: the listing is their canonical tag's (Galactic Senate Members (Star Wars), Angst), whose page is not in the set.
  { listing: 'listing-tag-original-senator-characters.html', tag: 'Original Senator Characters' },
  { listing: 'listing-tag-a-shit-ton-of-angst.html', tag: 'a shit ton of angst' },
];

/** Listings whose canonical tag's page is not in the set: not held to recall, only to precision. */
const WITHOUT_CANONICAL_PAGE = new Set(['listing-tag-original-senator-characters.html', 'listing-tag-a-shit-ton-of-angst.html']);

/** Works a rule on the listing's tag cannot hide, and why. */
const NOT_HIDDEN: Record<string, Record<number, string>> = {
  'listing-tag-dysphoria.html': {
    // Tagged "body dysphoria themes" (no other tag of Dysphoria's family): a synonym of the subtag Body
    // Dysphoria, whose own page — the only one that lists it — is not in the set.
    74683691: 'body dysphoria themes',
  },
};

const ruleOn = (tag: string): Rule => ({
  id: `r-${normalizeTagText(tag).replace(/[^a-z0-9]+/g, '-')}`,
  action: 'hide',
  match: { kind: 'tag', slot: 'any', text: tag, mode: 'exact' },
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
});

/** Every normalised name a family files under its canonical tag. */
function familyNames(family: TagFamily, tag: string): Set<string> {
  const names = [tag, family.name, family.canonical, ...family.synonyms, ...family.subtags.flatMap((s) => [s.name, ...s.synonyms])];
  return new Set(names.map(normalizeTagText));
}

/** A work's tag names: as shown, and as its links name them. */
function namesOn(tags: readonly Tag[]): Set<string> {
  const names = new Set<string>();
  for (const tag of tags) {
    names.add(normalizeTagText(tag.name));
    if (tag.url) names.add(normalizeTagText(tagNameFromUrl(tag.url)));
  }
  return names;
}

describeRealPages('rules with families learned from the shared tag pages', () => {
  const families = new Map<string, TagFamily>();

  beforeAll(async () => {
    const dir = realPagesDir()!;
    for (const { tag } of LISTINGS) {
      const [family] = await learnFamilies([ruleOn(tag)], dir);
      if (family) families.set(tag, family);
    }
  });

  it('covers every tag listing of the set', () => {
    const listings = realPages().filter((p) => p.file.startsWith('listing-tag-')).map((p) => p.file).sort();
    expect(LISTINGS.map((l) => l.listing).sort()).toEqual(listings);
    expect([...families.keys()]).toHaveLength(LISTINGS.length);
  });

  for (const { listing, tag } of LISTINGS.filter((l) => !WITHOUT_CANONICAL_PAGE.has(l.listing))) {
    it(`recall: ${listing}: a rule on "${tag}" hides every work but those named`, () => {
      const page = load(listing);
      const results = checkBlurbs(page, { rules: [ruleOn(tag)], alwaysShow: [] }, [families.get(tag)!]);
      const shown = page.blurbs.filter((_, i) => results[i]!.verdict !== 'hide').map((b) => b.workId);
      expect(shown).toEqual(Object.keys(NOT_HIDDEN[listing] ?? {}).map(Number));
      // Each named work carries the tag said, and nothing of the family as learned.
      for (const [workId, why] of Object.entries(NOT_HIDDEN[listing] ?? {})) {
        const blurb = page.blurbs.find((b) => b.workId === Number(workId))!;
        const names = namesOn('tags' in blurb ? blurb.tags : []);
        expect(names.has(normalizeTagText(why))).toBe(true);
        expect([...familyNames(families.get(tag)!, tag)].some((n) => names.has(n))).toBe(false);
      }
    });
  }

  it('recall over those listings: 186 of 187 blurbs hidden (the Sherlock Holmes listing shows one work twice)', () => {
    let hidden = 0;
    let total = 0;
    for (const { listing, tag } of LISTINGS.filter((l) => !WITHOUT_CANONICAL_PAGE.has(l.listing))) {
      const page = load(listing);
      const results = checkBlurbs(page, { rules: [ruleOn(tag)], alwaysShow: [] }, [families.get(tag)!]);
      total += page.blurbs.length;
      hidden += results.filter((r) => r.verdict === 'hide').length;
    }
    expect([hidden, total]).toEqual([186, 187]);
  });

  it('precision, on every listing of the set: each hidden work carries the tag, a synonym or a subtag', () => {
    const rules = LISTINGS.map((l) => ruleOn(l.tag));
    const all = [...families.values()];
    const names = new Map(LISTINGS.map((l) => [ruleOn(l.tag).id, familyNames(families.get(l.tag)!, l.tag)]));
    let checked = 0;
    for (const { file } of realPages()) {
      const page = load(file);
      if (page.blurbs.length === 0) continue;
      const results = checkBlurbs(page, { rules, alwaysShow: [] }, all);
      page.blurbs.forEach((blurb, i) => {
        const hiddenBy = results[i]!.verdict === 'hide' ? rules.filter((r) => results[i]!.reasons.some((reason) => reason.label === `Tag: ${r.match.kind === 'tag' ? r.match.text : ''}`)) : [];
        const on = namesOn('tags' in blurb ? blurb.tags : []);
        for (const rule of hiddenBy) {
          checked++;
          expect([...names.get(rule.id)!].some((n) => on.has(n)), `${file} #${blurb.workId} by ${rule.id}`).toBe(true);
        }
      });
    }
    expect(checked).toBeGreaterThan(200);
    // Reads every page of the set: slow on a loaded machine.
  }, 120_000);
});
