/**
 * Keeps a listing classified: blurb by blurb as the page is parsed, the rest
 * at DOMContentLoaded, then again whenever the rules or settings change (from
 * the popup, the options page or a quick action in another tab) or the reader
 * pauses this page.
 */
import { readBlurb } from '../../../utils/ao3/page';
import type { Matcher } from '../../../utils/rules/compile';
import { needsReaderState, severityOfStyle, type ListingConfig } from '../../../utils/rules/listing-config';
import type { Classification, ReaderStates } from '../../../utils/rules/types';
import { matcherFor } from '../rules-matcher';
import { ListingFilter, type FilterOptions, type ListedBlurb, type ListingOutcome } from './filter-listing';

/** "Pause on this page" lasts for the tab's session on this address, like the archive's own sessionStorage. */
const pauseKey = () => `shelfmark:paused:${location.pathname}${location.search}`;

function readPausedHere(): boolean {
  try {
    return sessionStorage.getItem(pauseKey()) === '1';
  } catch {
    return false;
  }
}

function filterOptions(config: ListingConfig, readerStates: ReaderStates | null): FilterOptions {
  const options: FilterOptions = {
    alwaysShow: new Set(config.alwaysShow),
    hiddenWorks: config.hiddenWorks,
    defaultSeverity: severityOfStyle(config.hiddenWorks),
    placeholderTitles: config.placeholderTitles,
  };
  if (readerStates) options.readerStates = readerStates;
  else if (config.mayHaveState) options.mayHaveState = config.mayHaveState;
  return options;
}

const NOT_YET: ListingOutcome = { total: 0, hidden: 0, dimmed: 0, highlighted: 0, results: [] };

export class ListingRules {
  private readonly filter = new ListingFilter();
  private config: ListingConfig;
  private options: FilterOptions;
  private pausedHere = readPausedHere();
  /** The reader's state of the page's works, once the background answered; reading rules match nothing before. */
  private readerStates: ReaderStates | null = null;
  private onChange: (outcome: ListingOutcome) => void = () => {};
  /** The last pass's outcome; empty until `settle`. */
  outcome: ListingOutcome = NOT_YET;

  constructor(config: ListingConfig) {
    this.config = config;
    this.options = filterOptions(config, null);
  }

  get paused(): boolean {
    return this.pausedHere;
  }

  /** Classifies blurbs as the parser completes them, in page order; returns what the rules made of each. */
  add(blurbs: readonly ListedBlurb[]): Classification[] {
    return this.filter.add(blurbs, this.activeMatcher(), this.options);
  }

  /** Keeps the summary line's place above the list before its first blurb paints, when some rule may hide a work. */
  reserveSummary(list: Element): void {
    if (this.activeMatcher() && this.config.rules.some((rule) => rule.enabled && rule.action === 'hide')) this.filter.reserveSummary(list);
  }

  /** A place kept before the rules were read: the summary's, whatever the rules (taking it back would move the works). */
  keepSummarySpace(space: HTMLElement): void {
    this.filter.keepSummarySpace(space);
  }

  /**
   * The page is parsed: classifies its blurbs not added yet and draws the
   * summary. Every later pass is reported to `onChange`.
   */
  settle(blurbs: readonly ListedBlurb[], onChange: (outcome: ListingOutcome) => void): ListingOutcome {
    this.onChange = onChange;
    this.outcome = this.filter.settle(blurbs, this.activeMatcher(), this.options);
    return this.outcome;
  }

  /** Takes back whatever `add` drew: the page turned out not to be one to classify. */
  withdraw(): void {
    this.filter.classify(null, this.options);
    this.filter.removeSummary();
  }

  setConfig(config: ListingConfig): void {
    this.config = config;
    this.options = filterOptions(config, this.readerStates);
    this.reclassify();
  }

  /** Whether the blurbs' verdicts may change with the reader's state: some enabled reading rule (see `needsReaderState`). */
  get needsReaderState(): boolean {
    return !this.pausedHere && needsReaderState(this.config);
  }

  /**
   * The reader's state of the page's works arrived (or changed, after a
   * History import): kept for every later pass, and the page classified anew
   * when a reading rule reads it.
   */
  setReaderStates(states: ReaderStates): void {
    const first = this.readerStates === null;
    this.readerStates = states;
    this.options = filterOptions(this.config, states);
    if (!this.needsReaderState) return;
    if (!first) return this.reclassify();
    // The first answer: only the blurbs judged to wait for it can change.
    this.outcome = this.filter.classifyHeld(this.activeMatcher(), this.options);
    this.onChange(this.outcome);
  }

  setPausedHere(paused: boolean): void {
    this.pausedHere = paused;
    try {
      if (paused) sessionStorage.setItem(pauseKey(), '1');
      else sessionStorage.removeItem(pauseKey());
    } catch {
      // Storage refused (privacy settings): the pause still holds until the page is left.
    }
    this.reclassify();
  }

  records(): ListedBlurb['record'][] {
    return this.filter.records();
  }

  /** Reads one blurb again (its tags changed) and classifies the page anew. */
  reread(element: HTMLElement): void {
    this.filter.replaceRecord(element, readBlurb(element));
    this.reclassify();
  }

  private activeMatcher(): Matcher | null {
    return this.pausedHere ? null : matcherFor(this.config);
  }

  private reclassify(): void {
    this.outcome = this.filter.classify(this.activeMatcher(), this.options);
    this.onChange(this.outcome);
  }
}
