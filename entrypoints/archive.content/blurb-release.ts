/**
 * Lets classified blurbs paint while the gate (blurb-gate.ts) still holds the
 * rest: each blurb as soon as the rules have judged it and it is decorated —
 * while the page is parsed for most of a listing — not when the whole page
 * is done. Before it paints, its host for the reading badge and the Save
 * control goes in, empty (save-controls.ts `reserveBlurbHost`): a fixed box
 * filled when the background answers, so that answer neither holds the
 * works back nor moves them; its work numbers, which need no answer, are
 * drawn then too.
 *
 * A blurb whose verdict needs the reader's state of the work (its
 * classification says `needsState`) is held: it paints once the state has
 * come and the gate opens (index.ts), or when the fail-safe does.
 *
 * Shown blurbs touch the DOM once here (their class), hidden ones have their
 * placeholder already: nothing of a work to hide ever paints.
 */
import type { Classification } from '../../utils/rules/types';
import { RELEASED_CLASS } from './blurb-gate';
import type { ListedBlurb } from './features/filter-listing';
import { reserveBlurbHost } from './features/save-controls';
import { drawBlurbNumbers, numbersLoaded } from './features/work-numbers';

export class BlurbRelease {
  private readonly released = new WeakSet<Element>();
  /** Blurbs held back for the reader's state. */
  private readonly held = new Set<Element>();

  /** Releases `blurbs` (with `results`, what the rules made of each, in the same order; without, every one). */
  release(blurbs: readonly ListedBlurb[], results?: readonly Classification[]): void {
    for (let i = 0; i < blurbs.length; i++) {
      const { element, record } = blurbs[i]!;
      if (this.released.has(element)) continue;
      if (results?.[i]?.needsState) {
        this.held.add(element);
        continue;
      }
      this.held.delete(element);
      reserveBlurbHost(element, record);
      // The numbers need only the blurb and the reader's prefs (read at document_start): drawn before it paints, they move nothing.
      if (numbersLoaded()) drawBlurbNumbers([blurbs[i]!]);
      element.classList.add(RELEASED_CLASS);
      this.released.add(element);
    }
  }

  /** Whether some blurb waits for the reader's state: the gate then opens only once it has come. */
  get holding(): boolean {
    return this.held.size > 0;
  }
}
