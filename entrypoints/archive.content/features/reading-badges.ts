/**
 * The reading badge on every listing: on each work the reader has history
 * with, a compact link — "Read 3/5", "2 new chapters", "Finished", "Opened
 * 12 days ago" — at the end of the blurb's heading, leading to the first
 * unread chapter. Drawn in the same pass as the rules, before the blurbs
 * paint, so nothing moves once the page shows; beside the blurb's Save
 * control, in its closed shadow root (closed-host.ts), where page scripts
 * can't read it.
 */
import type { Blurb } from '../../../utils/ao3/types';
import { readingBadge, type Badge } from '../../../utils/reading/badge';
import { existingBlurbHost } from '../closed-host';
import { DRAWN_TEXT, h } from '../dom';
import type { WorkStates } from '../work-states';
import type { ListedBlurb } from './filter-listing';

/** Performance mark set once the badges are drawn; `npm run bench` reads it. */
export const BADGES_MARK = 'shelfmark:badges';

const BADGE_CLASS = 'shelfmark-badge';

/** Each blurb's badge, to replace when the badges are drawn again. */
const drawnBadges = new WeakMap<Element, HTMLAnchorElement>();

/** The blurb's work fields: a work blurb, or a bookmark of a work. */
function workOf(record: Blurb) {
  if (record.type === 'work') return record;
  if (record.type === 'bookmark' && record.item === 'work') return record;
  return null;
}

/**
 * The link is named by its text ("Read 3/5", as seen and spoken); the longer title describes it.
 * The text is drawn from an attribute (dom.ts `drawnText`), out of reach of the page's `window.find`.
 */
function badgeElement(badge: Badge): HTMLAnchorElement {
  return h('a', {
    class: `${BADGE_CLASS} ${BADGE_CLASS}-${badge.kind}`,
    attrs: { href: badge.href, title: badge.title, 'aria-label': badge.text, [DRAWN_TEXT]: badge.text },
  });
}

/** Draws (or redraws) every badge; returns how many were drawn. */
export function drawReadingBadges(blurbs: readonly ListedBlurb[], states: WorkStates, now = Date.now()): number {
  let drawn = 0;
  for (const { element, record } of blurbs) {
    drawnBadges.get(element)?.remove();
    drawnBadges.delete(element);
    const work = workOf(record);
    if (!work || work.workId === null) continue;
    const state = states.get(work.workId);
    if (!state?.reading) continue;
    const badge = readingBadge({
      workId: work.workId,
      chapters: work.chapters,
      complete: work.complete,
      lastChapterId: work.lastChapterId,
      reading: state.reading,
      saved: state.saved,
      knownChapters: state.chapters,
      now,
    });
    const host = existingBlurbHost(element);
    if (!badge || !host) continue;
    const drawnBadge = badgeElement(badge);
    host.body.append(drawnBadge);
    drawnBadges.set(element, drawnBadge);
    drawn++;
  }
  performance.mark(BADGES_MARK);
  return drawn;
}
