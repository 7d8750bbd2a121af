/** The editor's live count: "This rule would hide 4 of the 20 works on this page." */
import type { RuleInput } from '../../utils/db/rule-checks';
import { compileRules } from '../../utils/rules/compile';
import { countMatches, type MatchCounts } from '../../utils/rules/count';
import type { ClassifiableRecord } from '../../utils/rules/subject';
import type { RuleAction } from '../../utils/rules/types';

/** How the draft rule alone (as if enabled) classifies the page's records. */
export function previewCounts(input: RuleInput, records: readonly ClassifiableRecord[], alwaysShow: readonly number[] = []): MatchCounts {
  const matcher = compileRules([{ ...input, enabled: true, createdAt: 0, updatedAt: 0 }]);
  return countMatches(matcher, records, { alwaysShow: new Set(alwaysShow) });
}

const works = (n: number) => (n === 1 ? 'work' : 'works');

export function previewText(counts: MatchCounts, action: RuleAction): string {
  const { total } = counts;
  if (total === 0) return 'There are no works on this page to try this rule on.';
  const matched = action === 'hide' ? counts.hidden : counts.highlighted;
  const verb = action === 'hide' ? 'hide' : 'highlight';
  let text =
    matched === 0
      ? `This rule would ${verb} none of the ${total.toLocaleString()} ${works(total)} on this page.`
      : `This rule would ${verb} ${matched.toLocaleString()} of the ${total.toLocaleString()} ${works(total)} on this page.`;
  if (counts.incomplete > 0) {
    text += ` The archive’s settings hid some tags, so ${counts.incomplete.toLocaleString()} ${works(counts.incomplete)} may be counted wrongly.`;
  }
  return text;
}

/** A hide rule that would leave nothing on the page: worth a second thought before saving. */
export function hidesEverything(counts: MatchCounts, action: RuleAction): boolean {
  return action === 'hide' && counts.classified > 0 && counts.hidden >= counts.classified;
}
