/**
 * Requests the popup sends to the content script of the tab it was opened
 * over (the other direction from protocol.ts). The content script answers
 * only the extension's own pages.
 */
import type { ReadProblem } from '../ao3/self-check';
import type { Blurb, PageKind } from '../ao3/types';
import type { Classification } from '../rules/types';

export type TabRequest =
  /** What the page holds and how the rules classified it; the records feed the rule editor's live count. */
  | { type: 'tab/state' }
  /** Pause or resume the rules on this page only. */
  | { type: 'tab/pause'; paused: boolean };

export interface TabState {
  url: string;
  kind: PageKind;
  blurbs: Blurb[];
  /** `results[i]` is how the rules classified `blurbs[i]` (empty when the page is not a listing). */
  results: Classification[];
  pausedHere: boolean;
  /** The archive's preferences hid warnings or additional tags on this page. */
  tagsHiddenByPreference: boolean;
  /** The page's works could not be read (the archive may have changed), so the rules hid nothing; null when they could. */
  readProblem: ReadProblem | null;
}

export function isTabRequest(value: unknown): value is TabRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; paused?: unknown };
  return v.type === 'tab/state' || (v.type === 'tab/pause' && typeof v.paused === 'boolean');
}
