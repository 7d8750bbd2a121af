/**
 * When a chapter counts as read without the reader saying so: its end must
 * be in view, and there must be evidence of reading — the reader scrolled it
 * into view, or the page has been in front of them long enough to read it.
 * Opening a chapter short enough to fit on the screen is not reading it (nor
 * is the page's own jump to `#workskin`, which chapter links ask for).
 * Pure; the work page's tracker feeds it what it sees.
 */

/**
 * A generous reading speed, in words per minute: well beyond what people read at (about 250
 * for fiction) and beyond most skimming, so a reader who did read is never made to wait for the
 * mark, while a page opened and closed again is not taken for read.
 */
export const DWELL_WORDS_PER_MINUTE = 1000;
/**
 * The least time a chapter must be in front of the reader, however short: a glance at a page
 * (opening it by mistake, or checking which one it was) lasts a second or two.
 */
export const MIN_DWELL_MS = 5000;

/** Words in a text, counted as runs of non-space characters (close to the archive's count for most languages). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** How long a chapter of `words` words must be in view before it counts as read without scrolling. */
export function dwellMs(words: number): number {
  return Math.max(MIN_DWELL_MS, Math.round((words / DWELL_WORDS_PER_MINUTE) * 60_000));
}

export interface ReadEvidence {
  /** The end of the chapter's text is on the screen. */
  endInView: boolean;
  /** The reader scrolled the end into view: it was out of view at some point since the page opened. */
  scrolledToEnd: boolean;
  /** How long the page has been visible since it was opened. */
  visibleMs: number;
  /** The chapter's words. */
  words: number;
}

/** The chapter's end is in view, reached by scrolling or after the time it takes to read it. */
export function readEnough({ endInView, scrolledToEnd, visibleMs, words }: ReadEvidence): boolean {
  return endInView && (scrolledToEnd || visibleMs >= dwellMs(words));
}

/** How much longer the page must stay visible before the chapter counts as read (0: it does now). */
export function dwellLeft(visibleMs: number, words: number): number {
  return Math.max(0, dwellMs(words) - visibleMs);
}
