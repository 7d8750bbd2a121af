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
import type { ListedBlurb, ListingOutcome } from './features/filter-listing';
import { ListingRules } from './features/listing-rules';
import { ParsedBlurbs } from './parsed-blurbs';
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

  constructor(doc: Document, configLoading: Promise<ListingConfig>, private readonly release: BlurbRelease) {
    this.watcher = new ParsedBlurbs(doc, (elements) => this.take(doc, elements));
    void configLoading.then((config) =>
      onClock(() => {
        this.config = config;
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
    this.rules ??= new ListingRules(config);
    this.rules.settle(blurbs, onChange);
    return this.rules;
  }

  /** The page gets no rules after all: takes back whatever was drawn. */
  withdraw(): void {
    this.rules?.withdraw();
  }

  private take(doc: Document, elements: Element[]): void {
    this.isListing ??= detectPage(doc, doc.URL).kind === 'listing';
    if (!this.isListing) {
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

  private classifyWaiting(): void {
    if (!this.config || this.waiting.length === 0) return;
    this.rules ??= new ListingRules(this.config);
    const blurbs = this.waiting;
    this.waiting = [];
    const results = this.rules.add(blurbs);
    if (!this.summaryReserved) {
      this.summaryReserved = true;
      this.rules.reserveSummary();
    }
    this.release.release(blurbs, results);
  }
}
