/**
 * Tag families (Node): how well a rule on a tag finds what the archive files
 * under it, and what the families cost the rules mirror and the matcher.
 *
 * - `wrangled_recall_pct`: on every shared tag listing whose tag's own page is
 *   in the set, a rule on that tag, with the family learned from the shared
 *   tag pages (`learnTagFamily`, as the extension learns it): the share of the
 *   listing's works it hides (goal ≥ 99).
 * - `wrangled_precision_pct`: of the works those rules hide, the share that
 *   carry the tag, a synonym or a subtag, checked against the learned family
 *   by name (text or link), not through the matcher's table (goal 100).
 * - `mirror_kb`: the rules mirror (listing config) with the bench's 500 rules
 *   and families totalling 50,000 names, as JSON; beside it the time to
 *   classify the 1,000-blurb listing in Node with and without those families.
 */
import { performance } from 'node:perf_hooks';
import { readPage } from '../../utils/ao3/page';
import { tagNameFromUrl } from '../../utils/ao3/text';
import type { Tag } from '../../utils/ao3/types';
import { compileRules } from '../../utils/rules/compile';
import { FamilyIndex } from '../../utils/rules/family-table';
import { mirrorFamilies } from '../../utils/rules/family-names';
import { listingConfigText, type ListingConfig } from '../../utils/rules/listing-config';
import { normalizeTagText } from '../../utils/rules/normalize';
import type { TagFamily } from '../../utils/rules/tag-family';
import type { Rule } from '../../utils/rules/types';
import { realPageHtml, realPages, realPagesDir } from '../../tests/helpers/real-pages';
import { benchFamilies, benchRules, FAMILY_NAMES } from '../lib/bench-rules';
import { checkBlurbs, learnFamilies } from '../lib/check-rules';
import { parseArchiveHtml } from '../lib/html';
import { buildLargeListing } from '../lib/large-listing';
import { median, round } from '../lib/stats';
import type { BenchSection } from './types';

const RECALL_GOAL = 99;
const PRECISION_GOAL = 100;

const ruleOn = (tag: string): Rule => ({
  id: 'wrangled',
  action: 'hide',
  match: { kind: 'tag', slot: 'any', text: tag, mode: 'exact' },
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
});

function namesOn(tags: readonly Tag[]): Set<string> {
  const names = new Set<string>();
  for (const tag of tags) {
    names.add(normalizeTagText(tag.name));
    if (tag.url) names.add(normalizeTagText(tagNameFromUrl(tag.url)));
  }
  return names;
}

function familyNames(family: TagFamily): string[] {
  return [family.name, family.canonical, ...family.synonyms, ...family.subtags.flatMap((s) => [s.name, ...s.synonyms])].map(normalizeTagText);
}

const goal = (holds: boolean, text: string) => `goal ${text}: ${holds ? 'holds' : 'NOT HELD'}`;

export async function run(): Promise<BenchSection> {
  const dir = realPagesDir();
  if (!dir) throw new Error('the real pages are not available (set AO3_PAGES)');
  const pages = realPages();
  const tagPageNames = new Set(pages.filter((p) => p.main.startsWith('tags-show')).map((p) => normalizeTagText(tagNameFromUrl(p.url))));

  let hidden = 0;
  let listed = 0;
  let hiddenRight = 0;
  let listings = 0;
  for (const page of pages.filter((p) => p.main.startsWith('works-index') && /\/tags\/[^/]+\/works/.test(p.url))) {
    const tag = tagNameFromUrl(page.url);
    if (!tagPageNames.has(normalizeTagText(tag))) continue;
    listings++;
    const rule = ruleOn(tag);
    const families = await learnFamilies([rule], dir);
    const record = readPage(parseArchiveHtml(realPageHtml(page.file)), page.url);
    const results = checkBlurbs(record, { rules: [rule], alwaysShow: [] }, families);
    const names = new Set(families.flatMap(familyNames).concat(normalizeTagText(tag)));
    record.blurbs.forEach((blurb, i) => {
      listed++;
      if (results[i]!.verdict !== 'hide') return;
      hidden++;
      const on = namesOn('tags' in blurb ? blurb.tags : []);
      if ([...names].some((n) => on.has(n))) hiddenRight++;
    });
  }
  const recall = round((100 * hidden) / listed);
  const precision = round((100 * hiddenRight) / hidden);

  // The mirror with 500 rules and 50,000 family names.
  const rules = benchRules().map((input) => ({ ...input, createdAt: 1, updatedAt: 1 }) as Rule);
  const families = benchFamilies(rules, FAMILY_NAMES);
  const nameCount = families.reduce((sum, f) => sum + 1 + f.synonyms.length + f.subtags.reduce((s, t) => s + 1 + t.synonyms.length, 0), 0);
  const started = performance.now();
  const table = mirrorFamilies(rules, families);
  const buildMs = performance.now() - started;
  const config: ListingConfig = { rules, alwaysShow: [], hiddenWorks: 'placeholder', placeholderTitles: false, paused: false, families: table };
  const mirrorKb = round(listingConfigText(config).length / 1024);
  const rulesOnlyKb = round(listingConfigText({ ...config, families: null }).length / 1024);

  // Classifying the 1,000-blurb listing in Node, without and with the families (matcher built each time, as on a page load).
  const tagListings = pages.filter((p) => p.main.startsWith('works-index'));
  const large = buildLargeListing(tagListings.map((p) => ({ url: p.url, html: realPageHtml(p.file) })), 1000);
  const classifyMs = (withFamilies: boolean): number => {
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const record = readPage(parseArchiveHtml(large.html), large.url);
      const t0 = performance.now();
      const matcher = compileRules(rules, withFamilies && table ? new FamilyIndex(table) : null);
      for (const blurb of record.blurbs) matcher.classify(blurb);
      times.push(performance.now() - t0);
    }
    return round(median(times));
  };
  const plainMs = classifyMs(false);
  const familyMs = classifyMs(true);

  return {
    rows: [
      { name: 'tag listings with their tag page: works a rule on the tag hides', value: recall, unit: '%', note: `${hidden} of ${listed} on ${listings} listings; ${goal(recall >= RECALL_GOAL, `≥ ${RECALL_GOAL}`)}` },
      { name: 'of those hidden, carrying the tag, a synonym or a subtag', value: precision, unit: '%', note: `${hiddenRight} of ${hidden}; ${goal(precision >= PRECISION_GOAL, `${PRECISION_GOAL}`)}` },
      { name: 'rules mirror, 500 rules with families of 50,000 names', value: mirrorKb, unit: 'KB', note: `${nameCount.toLocaleString('en-US')} names; rules alone ${rulesOnlyKb} KB; table built in ${round(buildMs)} ms` },
      { name: '1,000 blurbs classified in Node, 500 rules', value: plainMs, unit: 'ms', note: 'matcher built, no families' },
      { name: '1,000 blurbs classified in Node, 500 rules with those families', value: familyMs, unit: 'ms', note: 'matcher built from the mirror' },
    ],
    figures: {
      wrangled_recall_pct: recall,
      wrangled_precision_pct: precision,
      mirror_kb: mirrorKb,
      listing1000_classify_node_ms: plainMs,
      listing1000_classify_families_node_ms: familyMs,
    },
  };
}
