/**
 * Keeps a listing classified: the first pass at DOMContentLoaded, then again
 * whenever the rules or settings change (from the popup, the options page or
 * a quick action in another tab) or the reader pauses this page.
 */
import { readBlurb } from '../../../utils/ao3/page';
import type { ListingConfig } from '../../../utils/rules/listing-config';
import { RulesMatcher } from '../rules-matcher';
import { ListingFilter, type ListedBlurb, type ListingOutcome } from './filter-listing';

/** "Pause on this page" lasts for the tab's session on this address, like the archive's own sessionStorage. */
const pauseKey = () => `shelfmark:paused:${location.pathname}${location.search}`;

function readPausedHere(): boolean {
  try {
    return sessionStorage.getItem(pauseKey()) === '1';
  } catch {
    return false;
  }
}

export class ListingRules {
  private readonly filter: ListingFilter;
  private readonly matcher = new RulesMatcher();
  private config: ListingConfig;
  private pausedHere = readPausedHere();
  outcome: ListingOutcome;

  constructor(
    blurbs: ListedBlurb[],
    config: ListingConfig,
    private readonly onChange: (outcome: ListingOutcome) => void = () => {},
  ) {
    this.filter = new ListingFilter(blurbs);
    this.config = config;
    this.outcome = this.classify();
  }

  get paused(): boolean {
    return this.pausedHere;
  }

  setConfig(config: ListingConfig): void {
    this.config = config;
    this.outcome = this.classify();
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
    this.outcome = this.classify();
    this.onChange(this.outcome);
  }

  records(): ListedBlurb['record'][] {
    return this.filter.records();
  }

  /** Reads one blurb again (its tags changed) and classifies the page anew. */
  reread(element: HTMLElement): void {
    this.filter.replaceRecord(element, readBlurb(element));
    this.outcome = this.classify();
    this.onChange(this.outcome);
  }

  private classify(): ListingOutcome {
    return this.filter.classify(this.pausedHere ? null : this.matcher.for(this.config), {
      alwaysShow: new Set(this.config.alwaysShow),
      hiddenWorks: this.config.hiddenWorks,
    });
  }
}
