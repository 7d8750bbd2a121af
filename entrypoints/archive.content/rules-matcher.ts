import { compileRules, type Matcher } from '../../utils/rules/compile';
import { FamilyIndex } from '../../utils/rules/family-table';
import type { ListingConfig } from '../../utils/rules/listing-config';

/** The last rules compiled, with their families: one compilation per change, for the whole page. */
let compiled: { rules: ListingConfig['rules']; families: ListingConfig['families']; matcher: Matcher } | null = null;

/**
 * The compiled rules for a config, null while the reader paused them. Everything on the page that
 * classifies (the listing, a work page's banner) shares one compilation, and the content script
 * asks for it as soon as the rules are read (parsed-listing.ts): on a loading page the parser is
 * then usually waiting on the network, and the first blurb need not wait for the compiling.
 */
export function matcherFor(config: ListingConfig): Matcher | null {
  if (config.paused) return null;
  const families = config.families ?? null;
  if (compiled?.rules !== config.rules || compiled.families !== families) {
    compiled = { rules: config.rules, families, matcher: compileRules(config.rules, families ? new FamilyIndex(families) : null) };
  }
  return compiled.matcher;
}
