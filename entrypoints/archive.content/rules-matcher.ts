import { compileRules, type Matcher } from '../../utils/rules/compile';
import { FamilyIndex } from '../../utils/rules/family-table';
import type { ListingConfig } from '../../utils/rules/listing-config';

/** The compiled rules for a config: compiled once per change of the rules or their families, null while the reader paused them. */
export class RulesMatcher {
  private rules: ListingConfig['rules'] | null = null;
  private families: ListingConfig['families'] = null;
  private matcher: Matcher | null = null;

  for(config: ListingConfig): Matcher | null {
    if (config.paused) return null;
    const families = config.families ?? null;
    if (this.rules !== config.rules || this.families !== families) {
      this.matcher = compileRules(config.rules, families ? new FamilyIndex(families) : null);
      this.rules = config.rules;
      this.families = families;
    }
    return this.matcher;
  }
}
