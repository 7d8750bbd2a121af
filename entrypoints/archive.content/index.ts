/**
 * The content script on every archive page.
 *
 * At document_start it holds the blurbs back from painting (blurb-gate.ts),
 * reads the rules and display settings (one read: page-settings.ts), and
 * reads and classifies a listing's blurbs as the parser completes them
 * (parsed-listing.ts), releasing each for painting as soon as it is
 * classified (blurb-release.ts). At DOMContentLoaded it
 * reads the rest of the page (reusing those blurbs' records), classifies and
 * releases the blurbs not yet classified, asks the background for the
 * reader's state of every work on it (one message), and lets each feature
 * draw from that one reading into places already kept for it (fixed boxes:
 * nothing moves); then the gate opens. Its working time is measured
 * (work-clock.ts). Features live in ./features, one per file, and are wired
 * up only here.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARCHIVE_MATCHES } from '../../utils/hosts';
import { readPageWithElements } from '../../utils/ao3/page';
import { findReadProblem } from '../../utils/ao3/self-check';
import type { Blurb, PageRecord, WorkPage } from '../../utils/ao3/types';
import type { ListingConfig } from '../../utils/rules/listing-config';
import type { TabState } from '../../utils/messaging/tab-protocol';
import { holdBlurbs, type BlurbGate } from './blurb-gate';
import { BlurbRelease } from './blurb-release';
import { whenDomReady } from './dom-ready';
import { refuseUntrustedEvents } from './untrusted-events';
import { loadListingConfig, onListingConfigChange } from './listing-config-source';
import { matcherFor } from './rules-matcher';
import { readPageSettings } from './page-settings';
import { answerTabRequests } from './tab-requests';
import { requestWorkStates, type WorkStates } from './work-states';
import { ParsedListing } from './parsed-listing';
import { offClock, onClock, onClockAsync } from './work-clock';
import { CLASSIFIED_MARK, type ListedBlurb } from './features/filter-listing';
import { showHiddenTagsNotice } from './features/hidden-tags-notice';
import type { ListingRules } from './features/listing-rules';
import { reportPage } from './features/page-report';
import { enableQuickActions } from './features/quick-actions';
import { WorkPageBanner } from './features/work-page-banner';
import { followBadgeStyle } from './features/save-badge-style';
import { drawBlurbSaveControls, drawWorkPageSaveControl, showSavedStates } from './features/save-controls';
import { drawReadingBadges } from './features/reading-badges';
import { drawBlurbNumbers, drawTimeLeftHost, followBlurbNumbers, followNumbersPrefs, numbersLoaded, numbersPrefs } from './features/work-numbers';
import type { NumbersPrefs } from '../../utils/reading/numbers-prefs';
import { offerHistoryImport } from './features/history-import';
import { startReading, showChapterIndexMarks } from './features/reading-page';
import { reserveReadingBar } from './features/reading-controls';
import './style.css';

export default defineContentScript({
  matches: ARCHIVE_MATCHES,
  runAt: 'document_start',
  main() {
    // The address the browser loaded, taken before any script of the page runs: a page script can
    // change `location` (history.pushState) but not this, and it decides which work a work page is.
    const address = location.href;
    refuseUntrustedEvents();
    onClock(() => {
      const gate = holdBlurbs();
      const settings = readPageSettings();
      // The prefs take their part of the reply before the rules do (promise reactions run in the
      // order they were added): a blurb released with the rules finds its numbers' prefs read.
      followBadgeStyle(settings);
      followNumbersPrefs(settings);
      const config = loadListingConfig(settings);
      const release = new BlurbRelease();
      const parsed = new ParsedListing(document, config, release);
      whenDomReady(() => void onClockAsync(() => onPageReady(gate, release, config, parsed, address)));
    });
  },
});

/** What every feature gets: the page read once, its blurbs with their elements, the reader's state of its works. */
export interface PageContext {
  page: PageRecord;
  blurbs: ListedBlurb[];
  /** The work page's record, on a work page. */
  workPage: WorkPage | null;
  states: WorkStates;
  /** The listing's rules, on a listing the rules classify: reading rules judge its works again when their states change. */
  listing: ListingRules | null;
  /** Whether to draw the work numbers, and the reader's speed (features/work-numbers.ts). */
  numbers: NumbersPrefs;
}

function hasBlurbs(page: PageRecord): boolean {
  return page.kind === 'listing' || page.kind === 'adult-interstitial';
}

function workPageOf(page: PageRecord): WorkPage | null {
  return page.kind === 'work' && page.work !== null && 'view' in page.work ? page.work : null;
}

/**
 * On a work page, the places of what is drawn above the work's text, kept before the first wait:
 * the browser may scroll to `#workskin` at any time while the page loads, and nothing may then
 * push the text down.
 */
function reservePlacesAboveText(workPage: WorkPage | null): void {
  if (!workPage) return;
  reserveReadingBar();
  drawTimeLeftHost(workPage);
}

/**
 * What needs no answer from the background, drawn while its answer is on the way: each blurb's Save
 * control (saying "Save" until the states come) and, when the reader's prefs are in, its numbers.
 */
function drawWhileStatesLoad(blurbs: readonly ListedBlurb[]): void {
  drawBlurbSaveControls(blurbs);
  if (numbersLoaded()) drawBlurbNumbers(blurbs);
}

/** Features drawn from the reader's state, into the hosts kept for them as the blurbs were released: no layout jumps. */
function drawBeforeReveal(context: PageContext): void {
  showSavedStates(context.states);
  drawWorkPageSaveControl(context.workPage);
  drawTimeLeftHost(context.workPage, context.numbers);
  if (hasBlurbs(context.page)) {
    drawBlurbNumbers(context.blurbs, context.numbers);
    drawReadingBadges(context.blurbs, context.states);
  }
  offerHistoryImport(context.page, location.href, context.states, () => redrawStates(context));
}

/** After the reader's data changed under the page (a History import): its works' states again, in one message, redrawn. */
async function redrawStates(context: PageContext): Promise<WorkStates | null> {
  const states = await requestWorkStates(context.page);
  if (states.tracking === null) return null;
  context.listing?.setReaderStates(states);
  showSavedStates(states);
  drawReadingBadges(context.blurbs, states);
  return states;
}

/** Features that add behaviour once the page is shown. */
function startAfterReveal(context: PageContext): void {
  if (context.workPage) startReading(context.workPage, context.states);
  else showChapterIndexMarks(context.page, context.states);
}

async function onPageReady(gate: BlurbGate, release: BlurbRelease, configLoading: Promise<ListingConfig>, parsed: ParsedListing, address: string): Promise<void> {
  let listing: ListingRules | null = null;
  let context: PageContext;
  let reported = false;
  try {
    parsed.stop();
    const { page, elements } = readPageWithElements(document, address, new Date(), parsed.recordOf);
    const blurbs = elements.map((element, i) => ({ element: element as HTMLElement, record: page.blurbs[i]! }));
    // A listing whose works couldn't be read (the archive changed?) gets no rules: nothing is hidden.
    if (hasBlurbs(page) && !findReadProblem(document, page)) {
      // Passes before the page's first report (below, once the gate opens) are not reported: it tells their outcome.
      listing = parsed.settle(blurbs, await offClock(configLoading), (outcome) => reported && reportPage(page, location.href, outcome));
      performance.mark(CLASSIFIED_MARK);
      release.release(blurbs, listing.outcome.results);
    } else {
      parsed.withdraw();
      release.release(blurbs);
    }
    // Asked once the rules have run: building the listing's snapshots would otherwise
    // delay the classification. Only blurbs whose verdict needs it (`release.holding`) wait for it.
    const statesLoading = requestWorkStates(page);
    const workPage = workPageOf(page);
    reservePlacesAboveText(workPage);
    if (workPage) showWorkPageBanner(workPage, await offClock(configLoading));
    drawWhileStatesLoad(blurbs);
    context = { page, blurbs, workPage, states: await offClock(statesLoading), listing, numbers: await offClock(numbersPrefs()) };
    drawBeforeReveal(context);
    // Blurbs held for this answer (`release.holding`: a rule on the reader's own data judged them
    // `needsState`) are judged again with the states in, before the gate opens and they paint; the
    // badges and Save states, drawn first, don't wait on that.
    if (context.states.tracking !== null) listing?.setReaderStates(context.states);
  } finally {
    gate.release();
  }

  const { page, blurbs, workPage } = context;
  reportPage(page, location.href, listing?.outcome ?? null);
  reported = true;
  answerTabRequests(tabRequestHandlers(page, () => listing));
  startAfterReveal(context);

  const records = new Map<Element, Blurb>(blurbs.map((b) => [b.element, b.record]));
  enableQuickActions({ recordFor: (blurb) => records.get(blurb), workPage });

  if (listing) {
    const rules = listing;
    onListingConfigChange((config) => rules.setConfig(config));
    showHiddenTagsNotice(blurbs.map((b) => b.element), (blurb) => rules.reread(blurb));
    followBlurbNumbers(blurbs);
  }
}

/**
 * The banner naming the hide rules a work page's work matches, drawn before the reader's state is
 * asked for (the rules have been read since document_start): like the reading bar, above the text.
 */
function showWorkPageBanner(workPage: WorkPage, config: ListingConfig): void {
  const banner = new WorkPageBanner(workPage);
  banner.update(matcherFor(config), config.alwaysShow);
  onListingConfigChange((changed) => banner.update(matcherFor(changed), changed.alwaysShow));
}

function tabRequestHandlers(page: PageRecord, listing: () => ListingRules | null) {
  const state = (): TabState => ({
    url: location.href,
    kind: page.kind,
    blurbs: listing()?.records() ?? page.blurbs,
    results: listing()?.outcome.results ?? [],
    pausedHere: listing()?.paused ?? false,
    tagsHiddenByPreference: page.tagsHiddenByPreference,
    readProblem: findReadProblem(document, page),
  });
  return {
    state,
    pause(paused: boolean): TabState {
      listing()?.setPausedHere(paused);
      return state();
    },
  };
}
