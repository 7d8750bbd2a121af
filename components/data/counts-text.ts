/** What a backup (or the reader's whole data) holds, in words: "1,204 works, 312 works read, 5,210 visits, …". */
import type { StoreCounts } from '../../utils/db/types';
import { tn } from '../../utils/i18n';

export function countsText(counts: StoreCounts): string {
  return [
    tn('countWorks', counts.works),
    tn('countWorksRead', counts.reading),
    tn('countVisits', counts.visits),
    tn('countSavedWorks', counts.saved),
    tn('rulesCount', counts.rules),
  ].join(', ');
}
