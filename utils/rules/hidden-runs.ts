/**
 * How a listing's hidden works are drawn, and which of their placeholders
 * fold into one line. Pure: the content script draws what this decides
 * (entrypoints/archive.content/features/hidden-works.ts).
 *
 * A run is a stretch of consecutive collapsed works: works removed from the
 * page leave nothing between two placeholders, so they neither break a run
 * nor count in it; a shown or dimmed work ends it. A run of two or more
 * placeholders folds into one line ("7 works hidden — Author: X ×7,
 * Words: at most 1,000 ×5 · Show").
 */
import type { MatchReason } from './types';

/** How a hidden work is drawn: gone, a one-line placeholder, or its blurb faded and folded to its title line. */
export type HiddenLook = 'remove' | 'collapse' | 'dim';

export interface PlaceholderRun {
  /** Page positions of the run's collapsed works, in page order (removed works between them are not members). */
  members: number[];
}

/** The fewest placeholders that fold into one line. */
export const MIN_FOLD = 2;

/** The runs of consecutive placeholders in `looks` (per blurb in page order; null for a work that is shown) that fold. */
export function placeholderRuns(looks: readonly (HiddenLook | null)[], minLength = MIN_FOLD): PlaceholderRun[] {
  const runs: PlaceholderRun[] = [];
  let members: number[] = [];
  const close = () => {
    if (members.length >= minLength) runs.push({ members });
    members = [];
  };
  looks.forEach((look, i) => {
    if (look === 'collapse') members.push(i);
    else if (look !== 'remove') close();
  });
  close();
  return runs;
}

export interface CountedReason {
  label: string;
  /** How many of the works carry it. */
  count: number;
}

/**
 * The reasons of a run's works, each counted once per work that carries it,
 * most frequent first (ties in order of first appearance). Reasons are told
 * apart by their label, which is what the reader sees: two rules with the
 * same label read as one reason.
 */
export function countReasons(reasonsPerWork: readonly (readonly MatchReason[])[]): CountedReason[] {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerWork) {
    for (const label of new Set(reasons.map((reason) => reason.label))) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  // Map keeps insertion order and sort is stable: ties stay in order of first appearance.
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}
