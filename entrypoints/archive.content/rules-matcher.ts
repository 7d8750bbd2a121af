import { compileRules, type Matcher } from '../../utils/rules/compile';
import type { ListingConfig } from '../../utils/rules/listing-config';

/** The compiled rules for a config: compiled once per change of the rules, null while the reader paused them. */
export class RulesMatcher {
  private rules: ListingConfig['rules'] | null = null;
  private matcher: Matcher | null = null;

  for(config: ListingConfig): Matcher | null {
    if (config.paused) return null;
    if (this.rules !== config.rules) {
      this.matcher = compileRules(config.rules);
      this.rules = config.rules;
    }
    return this.matcher;
  }
}
