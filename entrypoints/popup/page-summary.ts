/** What Shelfmark did on the tab's page, grouped by the rule that decided it. */
import type { Blurb } from '../../utils/ao3/types';
import { t, tn } from '../../utils/i18n';
import type { TabState } from '../../utils/messaging/tab-protocol';
import { filedUnderOf } from '../../utils/rules/family-reason';
import type { Classification, MatchReason } from '../../utils/rules/types';

export interface WorkLine {
  title: string;
  /** The matched detail of the deciding rule ("EdosianOrchids901", "Explicit"…). */
  detail: string;
  /** Other rules that also matched. */
  alsoBy: string[];
  /** How a hidden work went, when not as a placeholder: dimmed, or removed from the page. */
  look?: 'dimmed' | 'removed';
  /** Set when the deciding rule matched a tag the archive files under its own (`detail` says which): that tag's canonical. */
  filedUnder?: string;
}

export interface RuleGroup {
  ruleId: string;
  label: string;
  works: WorkLine[];
}

export interface PageSummary {
  total: number;
  /** Works hidden from view: removed, or collapsed to a placeholder (as the listing's summary counts them). */
  hidden: number;
  /** Works the rules dim (their blurb faded and folded to its title line). */
  dimmed: number;
  highlighted: number;
  /** Works a rule would hide that the reader chose to always show. */
  alwaysShown: number;
  /** Works whose result may be off because the archive hid some of their tags. */
  incomplete: number;
  hiddenBy: RuleGroup[];
  highlightedBy: RuleGroup[];
}

function addTo(groups: Map<string, RuleGroup>, blurb: Blurb, reasons: readonly MatchReason[], look?: WorkLine['look']): void {
  const [first, ...others] = reasons;
  if (!first) return;
  let group = groups.get(first.ruleId);
  if (!group) {
    group = { ruleId: first.ruleId, label: first.label, works: [] };
    groups.set(first.ruleId, group);
  }
  const line: WorkLine = { title: blurb.title || t('untitledTitle'), detail: first.detail, alsoBy: others.map((reason) => reason.label) };
  if (look) line.look = look;
  const filedUnder = filedUnderOf(first);
  if (filedUnder !== undefined) line.filedUnder = filedUnder;
  group.works.push(line);
}

const byCount = (a: RuleGroup, b: RuleGroup) => b.works.length - a.works.length;

export function summarizePage(state: Pick<TabState, 'blurbs' | 'results'>): PageSummary {
  const hidden = new Map<string, RuleGroup>();
  const highlighted = new Map<string, RuleGroup>();
  const summary: PageSummary = { total: state.blurbs.length, hidden: 0, dimmed: 0, highlighted: 0, alwaysShown: 0, incomplete: 0, hiddenBy: [], highlightedBy: [] };
  state.blurbs.forEach((blurb, i) => {
    const result: Classification | undefined = state.results[i];
    if (!result) return;
    if (result.incomplete) summary.incomplete++;
    if (result.verdict === 'hide') {
      // The content script resolved each work's severity (the rules' strongest, the setting for rules without one).
      if (result.severity === 'dim') summary.dimmed++;
      else summary.hidden++;
      addTo(hidden, blurb, result.hiddenBy, result.severity === 'dim' ? 'dimmed' : result.severity === 'remove' ? 'removed' : undefined);
    } else {
      if (result.hiddenBy.length > 0) summary.alwaysShown++;
      if (result.verdict === 'highlight') {
        summary.highlighted++;
        addTo(highlighted, blurb, result.highlightedBy);
      }
    }
  });
  summary.hiddenBy = [...hidden.values()].sort(byCount);
  summary.highlightedBy = [...highlighted.values()].sort(byCount);
  return summary;
}

/** "7 hidden", "1 highlighted", in the reader's number format. */
export function countLabel(count: number, what: 'hidden' | 'dimmed' | 'highlighted'): string {
  if (what === 'dimmed') return tn('countDimmed', count);
  return tn(what === 'hidden' ? 'countHidden' : 'countHighlighted', count);
}

export function worksLabel(count: number): string {
  return tn('countWorks', count);
}
