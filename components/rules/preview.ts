/** The editor's live count: "This rule would hide 4 of the 20 works on this page." */
import type { RuleInput } from '../../utils/db/rule-checks';
import { t, tn } from '../../utils/i18n';
import { compileRules } from '../../utils/rules/compile';
import { countMatches, type MatchCounts } from '../../utils/rules/count';
import type { ClassifiableRecord } from '../../utils/rules/subject';
import type { ReaderStates, Rule, RuleAction } from '../../utils/rules/types';

/**
 * How the draft rule (as if enabled) classifies the page's records. A hide
 * rule is counted alone; a highlight rule beside the reader's other enabled
 * hide rules (`rules`), since a work they hide shows no highlight.
 */
export function previewCounts(
  input: RuleInput,
  records: readonly ClassifiableRecord[],
  alwaysShow: readonly number[] = [],
  rules: readonly Rule[] = [],
  readerStates?: ReaderStates,
): MatchCounts {
  const hiding = input.action === 'highlight' ? rules.filter((rule) => rule.action === 'hide' && rule.id !== input.id) : [];
  const matcher = compileRules([{ ...input, enabled: true, createdAt: 0, updatedAt: 0 }, ...hiding]);
  return countMatches(matcher, records, { alwaysShow: new Set(alwaysShow), ...(readerStates ? { readerStates } : {}) });
}

export function previewText(counts: MatchCounts, action: RuleAction): string {
  const { total } = counts;
  if (total === 0) return t('previewNoWorks');
  const matched = action === 'hide' ? counts.hidden : counts.highlighted;
  let text: string;
  if (matched === 0) text = tn(action === 'hide' ? 'previewHideNone' : 'previewHighlightNone', total);
  else text = tn(action === 'hide' ? 'previewHideSome' : 'previewHighlightSome', total, matched.toLocaleString());
  if (counts.incomplete > 0) text += ` ${tn('previewIncomplete', counts.incomplete)}`;
  return text;
}

/** A hide rule that would leave nothing on the page: worth a second thought before saving. */
export function hidesEverything(counts: MatchCounts, action: RuleAction): boolean {
  return action === 'hide' && counts.classified > 0 && counts.hidden >= counts.classified;
}
