/**
 * A listing read and classified while it is parsed (see parsed-blurbs.ts), so
 * that at DOMContentLoaded only the blurbs parsed last are left to do.
 *
 * Each blurb is released for painting (blurb-release.ts) as soon as it is
 * classified and decorated; blurbs parsed before the rules came wait for the
 * rules, not for the page. Before the first one paints, the summary line's
 * place is kept above the list. The DOMContentLoaded pass reads the whole
 * page, reuses the records read here (`recordOf`), and then either settles
 * the classification (the summary and the counts end exact there) or, when
 * the page turns out to be one whose works get no rules, withdraws what was
 * drawn.
 */
import { detectPage, readBlurb } from '../../utils/ao3/page';
import type { Blurb } from '../../utils/ao3/types';
import type { ListingConfig } from '../../utils/rules/listing-config';
import type { BlurbRelease } from './blurb-release';
import { summarySpace, type ListedBlurb, type ListingOutcome } from './features/filter-listing';
import { ListingRules } from './features/listing-rules';
import { ParsedBlurbs } from './parsed-blurbs';
import { matcherFor } from './rules-matcher';
import { onClock } from './work-clock';

export class ParsedListing {
  private readonly watcher: ParsedBlurbs;
  private readonly records = new Map<Element, Blurb>();
  private readonly now = new Date();
  /** Decided at the first blurb, by the page's kind so far. */
  private isListing: boolean | undefined;
  private config: ListingConfig | null = null;
  /** Blurbs read and not classified yet: the rules hadn't arrived. */
  private waiting: ListedBlurb[] = [];
  private rules: ListingRules | null = null;
  private summaryReserved = false;
  /** The list of blurbs, once its first blurb has begun. */
  private list: Element | null = null;
  /** The summary's place, kept before the rules were read. */
  private space: HTMLElement | null = null;

  constructor(doc: Document, configLoading: Promise<ListingConfig>, private readonly release: BlurbRelease) {
    this.watcher = new ParsedBlurbs(doc, (elements) => this.take(doc, elements), (list) => this.found(doc, list));
    void configLoading.then((config) =>
      onClock(() => {
        this.config = config;
        // Compiled now, not at the first blurb: see rules-matcher.ts.
        matcherFor(config);
        this.classifyWaiting();
      }),
    );
  }

  /** A blurb's record: the one read while parsing, else read now. */
  readonly recordOf = (li: Element, now: Date): Blurb => this.records.get(li) ?? readBlurb(li, now);

  /** Stops watching the parser: the page is complete. */
  stop(): void {
    this.watcher.stop();
  }

  /** The page's blurbs, every one of them: those not classified yet are, and the summary is drawn. */
  settle(blurbs: readonly ListedBlurb[], config: ListingConfig, onChange: (outcome: ListingOutcome) => void): ListingRules {
    const rules = (this.rules ??= new ListingRules(config));
    this.handSpaceTo(rules);
    rules.settle(blurbs, onChange);
    return rules;
  }

  /** The page gets no rules after all: takes back whatever was drawn. */
  withdraw(): void {
    this.space?.remove();
    this.space = null;
    this.rules?.withdraw();
  }

  private take(doc: Document, elements: Element[]): void {
    if (!this.isListingPage(doc)) {
      this.watcher.stop();
      return;
    }
    const blurbs = elements.map((element) => {
      const record = readBlurb(element, this.now);
      this.records.set(element, record);
      return { element: element as HTMLElement, record };
    });
    this.waiting.push(...blurbs);
    this.classifyWaiting();
  }

  /**
   * The list's first blurb has begun. The parser may let the page paint before that blurb is
   * complete (a chunk of the page ends inside it), and the list would then move down when the
   * summary's place is kept above it: it is kept now, when the rules are in.
   */
  private found(doc: Document, list: Element): void {
    if (!this.isListingPage(doc)) return;
    this.list = list;
    // The rules not read yet (a busy machine): the place is kept anyway, and stays the summary's.
    if (this.config) this.reserveSummary();
    else this.space = summarySpace(list, 0);
  }

  private isListingPage(doc: Document): boolean {
    this.isListing ??= detectPage(doc, doc.URL).kind === 'listing';
    return this.isListing;
  }

  private reserveSummary(): void {
    if (this.summaryReserved || !this.config || !this.list) return;
    this.summaryReserved = true;
    const rules = (this.rules ??= new ListingRules(this.config));
    if (!this.handSpaceTo(rules)) rules.reserveSummary(this.list);
  }

  /** Gives the place kept before the rules were read to `rules`, as the summary's; false when none was kept. */
  private handSpaceTo(rules: ListingRules): boolean {
    if (!this.space) return false;
    rules.keepSummarySpace(this.space);
    this.space = null;
    return true;
  }

  private classifyWaiting(): void {
    this.reserveSummary();
    if (!this.config || this.waiting.length === 0) return;
    this.rules ??= new ListingRules(this.config);
    const blurbs = this.waiting;
    this.waiting = [];
    const results = this.rules.add(blurbs);
    this.release.release(blurbs, results);
  }
}
