/** Tallies for the popup's live preview: "this rule would hide 4 of the 20 works on this page". */

import type { Matcher } from './compile';
import type { ClassifiableRecord } from './subject';
import type { ClassifyOptions } from './types';

export interface MatchCounts {
  /** Every record given. */
  total: number;
  /** Records the rules could judge (not mystery, deleted or unreadable blurbs). */
  classified: number;
  hidden: number;
  highlighted: number;
  /** Records whose result may be wrong because the archive's preferences hid tags some rule reads. */
  incomplete: number;
}

export function countMatches(
  matcher: Matcher,
  records: readonly ClassifiableRecord[],
  options?: ClassifyOptions,
): MatchCounts {
  const counts: MatchCounts = { total: records.length, classified: 0, hidden: 0, highlighted: 0, incomplete: 0 };
  for (const record of records) {
    const result = matcher.classify(record, options);
    if (result.classified) counts.classified++;
    if (result.verdict === 'hide') counts.hidden++;
    else if (result.verdict === 'highlight') counts.highlighted++;
    if (result.incomplete) counts.incomplete++;
  }
  return counts;
}
