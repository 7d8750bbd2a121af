/**
 * A listing's blurbs handed over one batch at a time as the parser completes
 * them. On a listing DOMContentLoaded comes long after the last blurb is
 * parsed (the network, and the archive's scripts at the end of the body, hold
 * it back), so work done here is work the DOMContentLoaded pass needn't do.
 *
 * A MutationObserver sees the whole document only until `#main` appears (the
 * page's header, a few hundred nodes), then `#main` until the first blurb
 * begins; then only `#main`'s children and the children of the list holding
 * the blurbs: a record or two per blurb, not one per node. Its records are never read: each one just wakes the watcher,
 * which walks on along the list from the last blurb it handed over.
 *
 * A blurb is complete once a node follows it or one of its ancestors: the
 * parser has closed it. The blurbs of the first list in `#main` are handed
 * over in page order, top-level `li.blurb`s only, exactly as
 * `findBlurbElements` finds them; anything else (a second list, a blurb still
 * open) waits for the DOMContentLoaded pass, which reads the whole page.
 */
import { isListedBlurb } from '../../utils/ao3/page';
import { hasClass } from '../../utils/ao3/text';
import { onClock } from './work-clock';

export class ParsedBlurbs {
  private readonly observer: MutationObserver;
  private main: Element | null = null;
  /** The first blurb of the list, once it appeared. */
  private first: Element | null = null;
  /** The last element of the list the watcher walked past. */
  private last: Element | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onBlurbs: (blurbs: Element[]) => void,
    /** The list holding the blurbs, as soon as its first blurb has begun: before any of it can paint. */
    private readonly onList: (list: Element) => void = () => undefined,
  ) {
    this.observer = new MutationObserver(() => onClock(() => this.wake()));
    this.observer.observe(doc, { childList: true, subtree: true });
  }

  stop(): void {
    this.observer.disconnect();
  }

  private wake(): void {
    if (!this.main) {
      this.main = this.doc.getElementById('main');
      if (!this.main) return;
      // All of `#main` until the first blurb begins (its list may open well before it), then less.
      this.observer.disconnect();
      this.observer.observe(this.main, { childList: true, subtree: true });
    }
    if (!this.first) {
      this.first = this.main.querySelector('li.blurb');
      const list = this.first?.parentElement;
      if (!list) return;
      this.observer.disconnect();
      this.observer.observe(this.main, { childList: true });
      if (list !== this.main) this.observer.observe(list, { childList: true });
      this.onList(list);
    }
    const complete: Element[] = [];
    for (let el = this.last ? this.last.nextElementSibling : this.first; el && this.isClosed(el); el = el.nextElementSibling) {
      this.last = el;
      if (el.localName === 'li' && hasClass(el.className, 'blurb') && isListedBlurb(el)) complete.push(el);
    }
    if (complete.length > 0) this.onBlurbs(complete);
  }

  private isClosed(el: Element): boolean {
    for (let node: Node | null = el; node && node !== this.main; node = node.parentNode) {
      if (node.nextSibling) return true;
    }
    return false;
  }
}
