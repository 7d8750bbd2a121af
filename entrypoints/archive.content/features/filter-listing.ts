/**
 * Hide and highlight on listings: one pass over the page's blurbs that
 * classifies each with the compiled rules and decorates it — hidden works
 * become a one-line placeholder with the reasons and a Show button (or go
 * entirely, if the reader chose that), highlighted works get the rule's
 * colour and a chip saying why — plus "5 of 20 works hidden · Show all"
 * above the list. Run again whenever the rules change.
 */
import type { Blurb } from '../../../utils/ao3/types';
import type { Matcher } from '../../../utils/rules/compile';
import type { HiddenWorksStyle } from '../../../utils/rules/listing-config';
import type { Classification, ClassifyOptions, MatchReason } from '../../../utils/rules/types';
import { t, tn } from '../../../utils/i18n';
import { h } from '../dom';

export interface ListedBlurb {
  element: HTMLElement;
  record: Blurb;
}

export interface ListingOutcome {
  total: number;
  hidden: number;
  highlighted: number;
  /** Per blurb, in page order. */
  results: Classification[];
}

/** Performance mark set when a listing's first pass is done; `npm run bench` reads it. */
export const CLASSIFIED_MARK = 'shelfmark:classified';

const HIDDEN = 'shelfmark-hidden';
const REVEALED = 'shelfmark-revealed';
const REMOVED = 'shelfmark-removed';
const HIGHLIGHTED = 'shelfmark-highlighted';
const OWN_CLASSES = [HIDDEN, REVEALED, REMOVED, HIGHLIGHTED];

const NOT_CLASSIFIED: Classification = { verdict: 'show', classified: false, hiddenBy: [], highlightedBy: [], incomplete: false };

const count = (n: number) => n.toLocaleString();

function chip(reason: MatchReason, extraClass = ''): HTMLElement {
  const text = reason.label;
  return h('span', {
    class: `shelfmark-chip ${extraClass}`.trim(),
    attrs: { title: reason.detail && reason.detail !== text ? t('reasonWithDetail', text, reason.detail) : text },
  }, text);
}

function setRevealed(element: HTMLElement, button: HTMLButtonElement, revealed: boolean): void {
  element.classList.toggle(REVEALED, revealed);
  button.textContent = t(revealed ? 'listingHide' : 'listingShow');
  button.setAttribute('aria-expanded', String(revealed));
}

function placeholder(element: HTMLElement, reasons: MatchReason[]): HTMLElement {
  const button = h('button', { class: 'shelfmark-button shelfmark-show', attrs: { type: 'button', 'aria-expanded': 'false' } }, t('listingShow'));
  button.addEventListener('click', () => setRevealed(element, button, !element.classList.contains(REVEALED)));
  return h(
    'div',
    { class: 'shelfmark-placeholder', attrs: { role: 'note' } },
    h('span', { class: 'shelfmark-placeholder-label' }, t('listingHiddenBy')),
    ...reasons.map((reason) => chip(reason)),
    button,
  );
}

function highlightReasons(reasons: MatchReason[]): HTMLElement {
  return h('div', { class: 'shelfmark-reasons' }, ...reasons.map((reason) => chip(reason, 'shelfmark-chip-highlight')));
}

/** Takes back everything a previous pass added to a blurb. */
function undecorate(element: HTMLElement): void {
  element.classList.remove(...OWN_CLASSES);
  element.style.removeProperty('--shelfmark-highlight');
  for (const child of Array.from(element.children)) {
    if (child.classList.contains('shelfmark-placeholder') || child.classList.contains('shelfmark-reasons')) child.remove();
  }
}

/**
 * Decorates a blurb for its verdict; returns whether it added anything.
 * Most blurbs are shown as they are, and touch no DOM here: on a long listing
 * every DOM call counts, since the content script's world pays for a wrapper
 * of each node it touches.
 */
function decorate(element: HTMLElement, result: Classification, style: HiddenWorksStyle): boolean {
  if (result.verdict === 'hide') {
    if (style === 'remove') {
      element.classList.add(REMOVED);
    } else {
      element.classList.add(HIDDEN);
      element.prepend(placeholder(element, result.hiddenBy));
    }
    return true;
  }
  if (result.verdict === 'highlight') {
    element.classList.add(HIGHLIGHTED);
    if (result.color) element.style.setProperty('--shelfmark-highlight', result.color);
    element.prepend(highlightReasons(result.highlightedBy));
    return true;
  }
  return false;
}

export interface FilterOptions extends ClassifyOptions {
  alwaysShow: ReadonlySet<number>;
  hiddenWorks: HiddenWorksStyle;
}

/**
 * The listing's blurbs and what the rules made of each. Blurbs can join one
 * by one while the page is parsed (`add`); `settle` then takes the page's
 * final list and draws the summary, and `classify` runs a whole new pass.
 */
export class ListingFilter {
  private summary: HTMLElement | null = null;
  /** The blurbs a pass decorated: only those need undoing before the next pass. */
  private readonly decorated = new Set<HTMLElement>();
  private blurbs: ListedBlurb[];
  /** Per blurb, in page order. */
  private results: Classification[] = [];

  constructor(blurbs: readonly ListedBlurb[] = []) {
    this.blurbs = [...blurbs];
  }

  records(): ListedBlurb['record'][] {
    return this.blurbs.map((b) => b.record);
  }

  /** Puts a fresh reading of a blurb (e.g. after its hidden tags loaded) in place of the old one. */
  replaceRecord(element: HTMLElement, record: ListedBlurb['record']): void {
    const entry = this.blurbs.find((b) => b.element === element);
    if (entry) entry.record = record;
  }

  /** Classifies and decorates blurbs that follow the ones already here; the summary waits for `settle`. */
  add(blurbs: readonly ListedBlurb[], matcher: Matcher | null, options: FilterOptions): void {
    for (const blurb of blurbs) {
      this.blurbs.push(blurb);
      this.results.push(this.classifyOne(blurb, matcher, options));
    }
  }

  /**
   * The page's final blurbs: those not added yet are classified, and the
   * summary drawn. Should the page have changed under the added ones (a
   * script moved or removed blurbs), every blurb is classified anew.
   */
  settle(blurbs: readonly ListedBlurb[], matcher: Matcher | null, options: FilterOptions): ListingOutcome {
    const known = this.blurbs;
    const unchanged = known.length <= blurbs.length && known.every((b, i) => b.element === blurbs[i]!.element);
    if (!unchanged) {
      for (const element of this.decorated) undecorate(element);
      this.decorated.clear();
      this.blurbs = [...blurbs];
      return this.classify(matcher, options);
    }
    this.blurbs = blurbs.slice(0, known.length);
    this.add(blurbs.slice(known.length), matcher, options);
    return this.finish(options.hiddenWorks);
  }

  /** Classifies every blurb and decorates it; with `matcher` null (paused), takes every decoration back. */
  classify(matcher: Matcher | null, options: FilterOptions): ListingOutcome {
    this.results = this.blurbs.map((blurb) => this.classifyOne(blurb, matcher, options));
    return this.finish(options.hiddenWorks);
  }

  private classifyOne({ element, record }: ListedBlurb, matcher: Matcher | null, options: FilterOptions): Classification {
    if (this.decorated.delete(element)) undecorate(element);
    if (!matcher) return NOT_CLASSIFIED;
    // One odd blurb must not stop the others: its error leaves it shown.
    try {
      const result = matcher.classify(record, options);
      if (decorate(element, result, options.hiddenWorks)) this.decorated.add(element);
      return result;
    } catch {
      undecorate(element);
      return NOT_CLASSIFIED;
    }
  }

  private finish(style: HiddenWorksStyle): ListingOutcome {
    const outcome: ListingOutcome = { total: this.blurbs.length, hidden: 0, highlighted: 0, results: this.results.slice() };
    for (const { verdict } of this.results) {
      if (verdict === 'hide') outcome.hidden++;
      else if (verdict === 'highlight') outcome.highlighted++;
    }
    this.showSummary(outcome, style);
    return outcome;
  }

  /** "5 of 20 works hidden · Show all" above the list, only when something is hidden. */
  private showSummary(outcome: ListingOutcome, style: HiddenWorksStyle): void {
    this.summary?.remove();
    this.summary = null;
    const first = this.blurbs[0]?.element;
    if (outcome.hidden === 0 || !first?.parentElement) return;

    const hiddenElements = [...this.decorated].filter((el) => el.classList.contains(HIDDEN) || el.classList.contains(REMOVED));
    const toggle = h('button', { class: 'shelfmark-button', attrs: { type: 'button', 'aria-pressed': 'false' } }, t('listingShowAll'));
    toggle.addEventListener('click', () => {
      const showing = toggle.getAttribute('aria-pressed') !== 'true';
      for (const el of hiddenElements) {
        if (style === 'remove') el.classList.toggle(REMOVED, !showing);
        const button = el.querySelector<HTMLButtonElement>(':scope > .shelfmark-placeholder > .shelfmark-show');
        if (button) setRevealed(el, button, showing);
      }
      toggle.setAttribute('aria-pressed', String(showing));
      toggle.textContent = t(showing ? 'listingHideAgain' : 'listingShowAll');
    });
    this.summary = h(
      'p',
      { class: 'shelfmark-summary', attrs: { role: 'status' } },
      h('span', {}, tn('listingHiddenSummary', outcome.total, count(outcome.hidden))),
      h('span', { attrs: { 'aria-hidden': 'true' } }, '·'),
      toggle,
    );
    first.parentElement.before(this.summary);
  }
}
