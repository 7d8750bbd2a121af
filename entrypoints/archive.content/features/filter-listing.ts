/**
 * Hide and highlight on listings: one pass over the page's blurbs that
 * classifies each with the compiled rules and decorates it — a hidden work is
 * removed, collapsed to a one-line placeholder or dimmed, as its rules' severity
 * says (hidden-works.ts draws each; placeholders in a row fold into one line),
 * highlighted works get the rule's colour and a chip saying why — plus
 * "5 of 20 works hidden · Show all" above the list. Run again whenever the
 * rules change.
 */
import type { Blurb } from '../../../utils/ao3/types';
import type { Matcher } from '../../../utils/rules/compile';
import { countReasons, placeholderRuns, type HiddenLook } from '../../../utils/rules/hidden-runs';
import { severityOfStyle, type HiddenWorksStyle } from '../../../utils/rules/listing-config';
import type { Classification, ClassifyOptions, MatchReason } from '../../../utils/rules/types';
import { t, tn } from '../../../utils/i18n';
import { h } from '../dom';
import { chip, DRAWN_LINES, drawHidden, Fold, HIDDEN_CLASSES, REMOVED, setRevealed, tryFitDimming } from './hidden-works';

export interface ListedBlurb {
  element: HTMLElement;
  record: Blurb;
}

export interface ListingOutcome {
  total: number;
  /** Works the rules hide from view: removed, or collapsed to a placeholder. */
  hidden: number;
  /** Works the rules dim (shown faded, folded to their title line). */
  dimmed: number;
  highlighted: number;
  /** Per blurb, in page order. */
  results: Classification[];
}

/** Performance mark set when a listing's first pass is done; `npm run bench` reads it. */
export const CLASSIFIED_MARK = 'shelfmark:classified';

const HIGHLIGHTED = 'shelfmark-highlighted';
const OWN_CLASSES = [...HIDDEN_CLASSES, HIGHLIGHTED];
const OWN_LINES = [...DRAWN_LINES, 'shelfmark-reasons'];

const NOT_CLASSIFIED: Classification = { verdict: 'show', classified: false, hiddenBy: [], highlightedBy: [], incomplete: false };

const count = (n: number) => n.toLocaleString();

/** The summary's kept place: laid out as the line is, never painted. */
const SUMMARY_SPACE = 'shelfmark-summary-space';

/** How a classified work is drawn: its look when hidden, null when shown. */
export function lookOf(result: Classification, style: HiddenWorksStyle): HiddenLook | null {
  return result.verdict === 'hide' ? (result.severity ?? severityOfStyle(style)) : null;
}

function highlightReasons(reasons: MatchReason[]): HTMLElement {
  return h('div', { class: 'shelfmark-reasons' }, ...reasons.map((reason) => chip(reason, 'shelfmark-chip-highlight')));
}

/** Takes back everything a previous pass added to a blurb. */
function undecorate(element: HTMLElement): void {
  element.classList.remove(...OWN_CLASSES);
  element.style.removeProperty('--shelfmark-highlight');
  for (const child of Array.from(element.children)) {
    if (OWN_LINES.some((name) => child.classList.contains(name))) child.remove();
  }
}

/**
 * Decorates a blurb for its verdict; returns whether it added anything.
 * Most blurbs are shown as they are, and touch no DOM here: on a long listing
 * every DOM call counts, since the content script's world pays for a wrapper
 * of each node it touches.
 */
function decorate({ element, record }: ListedBlurb, result: Classification, options: FilterOptions): boolean {
  const look = lookOf(result, options.hiddenWorks);
  if (look) {
    drawHidden(element, record, result.hiddenBy, look, options);
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
  /** Placeholders name the work (title and creators). */
  placeholderTitles: boolean;
}

/**
 * The listing's blurbs and what the rules made of each. Blurbs can join one
 * by one while the page is parsed (`add`); `settle` then takes the page's
 * final list and draws the summary, and `classify` runs a whole new pass.
 */
export class ListingFilter {
  private summary: HTMLElement | null = null;
  /** The summary's place, kept while the page was parsed (`reserveSummary`). */
  private reserved: HTMLElement | null = null;
  /** The blurbs a pass decorated: only those need undoing before the next pass. */
  private readonly decorated = new Set<HTMLElement>();
  private blurbs: ListedBlurb[];
  /** Per blurb, in page order. */
  private results: Classification[] = [];
  /** The runs of placeholders folded into one line by the last pass. */
  private folds: Fold[] = [];

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

  /** Classifies and decorates blurbs that follow the ones already here; the summary waits for `settle`. Returns their results. */
  add(blurbs: readonly ListedBlurb[], matcher: Matcher | null, options: FilterOptions): Classification[] {
    const results = blurbs.map((blurb) => this.classifyOne(blurb, matcher, options));
    this.blurbs.push(...blurbs);
    this.results.push(...results);
    // Placeholders in a row fold as they come: a work joining a run is folded before it paints, so
    // the run never shows as separate lines that fold (and move the works below) later.
    if (results.some((result) => result.verdict === 'hide')) this.fold(this.results.map((result) => lookOf(result, options.hiddenWorks)));
    // The dimmed works' fading fits the page's colours before the first of them paints, not once the page is done.
    const dimmed = results.findIndex((result) => lookOf(result, options.hiddenWorks) === 'dim');
    if (dimmed >= 0) tryFitDimming(blurbs[dimmed]!.element);
    return results;
  }

  /**
   * Keeps the summary's place above the list, empty and unseen, before the
   * first blurb paints: drawn into it at `settle`, the line then moves no
   * work down. Should nothing be hidden, the place stays empty (taking it
   * back would move every work below it) until a later pass needs the line.
   */
  reserveSummary(list: Element): void {
    if (this.summary || this.reserved) return;
    this.reserved = summarySpace(list, this.blurbs.length);
  }

  /** Takes a place kept before the rules were read (`summarySpace`) as the summary's. */
  keepSummarySpace(space: HTMLElement): void {
    if (this.summary || this.reserved) space.remove();
    else this.reserved = space;
  }

  /** Takes back the summary and its kept place (the page gets no rules after all). */
  removeSummary(): void {
    this.summary?.remove();
    this.reserved?.remove();
    this.summary = this.reserved = null;
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
      for (const fold of this.folds) fold.remove();
      this.folds = [];
      for (const element of this.decorated) undecorate(element);
      this.decorated.clear();
      this.blurbs = [...blurbs];
      return this.classify(matcher, options);
    }
    this.blurbs = blurbs.slice(0, known.length);
    this.add(blurbs.slice(known.length), matcher, options);
    // `add` folded every run as it grew, and works that follow a run leave it as it is.
    return this.finish(options.hiddenWorks, false);
  }

  /** Classifies every blurb and decorates it; with `matcher` null (paused), takes every decoration back. */
  classify(matcher: Matcher | null, options: FilterOptions): ListingOutcome {
    this.results = this.blurbs.map((blurb) => this.classifyOne(blurb, matcher, options));
    return this.finish(options.hiddenWorks);
  }

  /**
   * Judges again only the blurbs that waited for the reader's state (`needsState`), now that it is
   * in `options`: the others' verdicts were final without it.
   */
  classifyHeld(matcher: Matcher | null, options: FilterOptions): ListingOutcome {
    this.results = this.results.map((result, i) => (result.needsState ? this.classifyOne(this.blurbs[i]!, matcher, options) : result));
    return this.finish(options.hiddenWorks);
  }

  private classifyOne(blurb: ListedBlurb, matcher: Matcher | null, options: FilterOptions): Classification {
    const { element, record } = blurb;
    if (this.decorated.delete(element)) undecorate(element);
    if (!matcher) return NOT_CLASSIFIED;
    // One odd blurb must not stop the others: its error leaves it shown.
    try {
      const result = matcher.classify(record, options);
      if (decorate(blurb, result, options)) this.decorated.add(element);
      return result;
    } catch {
      undecorate(element);
      return NOT_CLASSIFIED;
    }
  }

  /** Counts the outcome and draws the summary; `refold` false when the runs of placeholders are already folded. */
  private finish(style: HiddenWorksStyle, refold = true): ListingOutcome {
    const outcome: ListingOutcome = { total: this.blurbs.length, hidden: 0, dimmed: 0, highlighted: 0, results: this.results.slice() };
    const looks = this.results.map((result) => lookOf(result, style));
    looks.forEach((look, i) => {
      if (look === 'dim') outcome.dimmed++;
      else if (look) outcome.hidden++;
      else if (this.results[i]!.verdict === 'highlight') outcome.highlighted++;
    });
    if (refold) this.fold(looks);
    const dimmed = looks.indexOf('dim');
    if (dimmed >= 0) tryFitDimming(this.blurbs[dimmed]!.element);
    this.showSummary(outcome, looks);
    return outcome;
  }

  /**
   * Folds each run of placeholders into one line. A run drawn unfolded by the
   * reader stays so when the page is drawn again (a rule changed, a work is
   * now always shown) if any of its works were in the unfolded one.
   */
  private fold(looks: ReadonlyArray<HiddenLook | null>): void {
    const unfolded = new Set(this.folds.filter((fold) => fold.unfolded).flatMap((fold) => fold.members));
    const runs = placeholderRuns(looks).map(({ members }) => ({
      elements: members.map((i) => this.blurbs[i]!.element),
      reasons: countReasons(members.map((i) => this.results[i]!.hiddenBy)),
    }));
    // A fold that already draws its run stays (as the page is parsed, only the last run grows); the
    // others go before the new ones are drawn, since a grown run shares its members with the old one.
    const kept = runs.map(({ elements, reasons }) => this.folds.find((fold) => fold.draws(elements, reasons)) ?? null);
    for (const fold of this.folds) if (!kept.includes(fold)) fold.remove();
    this.folds = runs.map(({ elements, reasons }, i) => kept[i] ?? new Fold(elements, reasons, elements.some((element) => unfolded.has(element))));
  }

  /** "5 of 20 works hidden · Show all" above the list, only when something is hidden or dimmed. */
  private showSummary(outcome: ListingOutcome, looks: ReadonlyArray<HiddenLook | null>): void {
    this.summary?.remove();
    this.summary = null;
    const first = this.blurbs[0]?.element;
    if (outcome.hidden + outcome.dimmed === 0 || !first?.parentElement) return;

    const hidden = this.blurbs.flatMap(({ element }, i) => (looks[i] ? [{ element, look: looks[i] }] : []));
    const folds = this.folds;
    const toggle = h('button', { class: 'shelfmark-button', attrs: { type: 'button', 'aria-pressed': 'false' } }, t('listingShowAll'));
    toggle.addEventListener('click', () => {
      const showing = toggle.getAttribute('aria-pressed') !== 'true';
      for (const { element, look } of hidden) {
        if (look === 'remove') element.classList.toggle(REMOVED, !showing);
        else setRevealed(element, showing);
      }
      for (const fold of folds) fold.setUnfolded(showing);
      toggle.setAttribute('aria-pressed', String(showing));
      toggle.textContent = t(showing ? 'listingHideAgain' : 'listingShowAll');
    });
    let text: string;
    if (outcome.dimmed === 0) text = tn('listingHiddenSummary', outcome.total, count(outcome.hidden));
    else if (outcome.hidden === 0) text = tn('listingDimmedSummary', outcome.total, count(outcome.dimmed));
    else text = tn('listingHiddenDimmedSummary', outcome.total, count(outcome.hidden), count(outcome.dimmed));
    this.summary = summaryLine(text, toggle);
    if (this.reserved) this.reserved.replaceWith(this.summary);
    else first.parentElement.before(this.summary);
    this.reserved = null;
  }

}

function summaryLine(text: string, toggle: HTMLElement): HTMLElement {
  return h(
    'p',
    { class: 'shelfmark-summary', attrs: { role: 'status' } },
    h('span', {}, text),
    h('span', { attrs: { 'aria-hidden': 'true' } }, '·'),
    toggle,
  );
}

/**
 * The summary line's place above `list`, kept empty and unseen before the first blurb paints (see
 * `reserveSummary`). Its text only gives the line its size: the blurbs may not be counted yet (a
 * listing page shows 20).
 */
export function summarySpace(list: Element, blurbs: number): HTMLElement {
  const space = summaryLine(tn('listingHiddenSummary', Math.max(blurbs, 20), count(0)), h('button', { class: 'shelfmark-button', attrs: { type: 'button', tabindex: '-1' } }, t('listingShowAll')));
  space.className = SUMMARY_SPACE;
  space.removeAttribute('role');
  space.setAttribute('aria-hidden', 'true');
  list.before(space);
  return space;
}
