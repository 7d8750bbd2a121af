/**
 * A reason (`MatchReason`) given by a tag family: the rule's tag did not
 * appear on the work, a tag the archive files under it did. Its `detail`
 * says so in words ("a shit ton of angst (filed under Angst)"); `filedUnder`
 * names the canonical tag, for displays that set the two apart.
 */
import type { MatchReason } from './types';

export interface FamilyReason extends MatchReason {
  filedUnder?: string;
}

/** The canonical tag a reason's tag was filed under, when a family matched. */
export function filedUnderOf(reason: MatchReason): string | undefined {
  const filedUnder = (reason as FamilyReason).filedUnder;
  return typeof filedUnder === 'string' ? filedUnder : undefined;
}
