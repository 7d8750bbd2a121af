/**
 * The content script on every archive page.
 *
 * At document_start it holds the blurbs back from painting (blurb-gate.ts)
 * and starts reading the rules; at DOMContentLoaded it reads the page once
 * and hands that one reading to each feature. Features live in ./features,
 * one per file, and are wired up only here.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARCHIVE_MATCHES } from '../../utils/hosts';
import { readPageWithElements } from '../../utils/ao3/page';
import type { Blurb, PageRecord, WorkPage } from '../../utils/ao3/types';
import type { ListingConfig } from '../../utils/rules/listing-config';
import type { TabState } from '../../utils/messaging/tab-protocol';
import { holdBlurbs, type BlurbGate } from './blurb-gate';
import { CLASSIFIED_MARK } from './features/filter-listing';
import { whenDomReady } from './dom-ready';
import { loadListingConfig, onListingConfigChange } from './listing-config-source';
import { RulesMatcher } from './rules-matcher';
import { answerTabRequests } from './tab-requests';
import { showHiddenTagsNotice } from './features/hidden-tags-notice';
import { ListingRules } from './features/listing-rules';
import { reportPage } from './features/page-report';
import { enableQuickActions } from './features/quick-actions';
import { WorkPageBanner } from './features/work-page-banner';
import './style.css';

export default defineContentScript({
  matches: ARCHIVE_MATCHES,
  runAt: 'document_start',
  main() {
    const gate = holdBlurbs();
    const config = loadListingConfig();
    whenDomReady(() => void onPageReady(gate, config));
  },
});

function hasBlurbs(page: PageRecord): boolean {
  return page.kind === 'listing' || page.kind === 'adult-interstitial';
}

function isWorkPage(page: PageRecord): page is PageRecord & { work: WorkPage } {
  return page.kind === 'work' && page.work !== null && 'view' in page.work;
}

async function onPageReady(gate: BlurbGate, configLoading: Promise<ListingConfig>): Promise<void> {
  let listing: ListingRules | null = null;
  let page: PageRecord;
  let elements: HTMLElement[];
  try {
    const reading = readPageWithElements(document, location.href);
    page = reading.page;
    elements = reading.elements as HTMLElement[];
    if (hasBlurbs(page)) {
      const blurbs = elements.map((element, i) => ({ element, record: page.blurbs[i]! }));
      listing = new ListingRules(blurbs, await configLoading, (outcome) => reportPage(page, location.href, outcome));
      performance.mark(CLASSIFIED_MARK);
    }
  } finally {
    gate.release();
  }

  reportPage(page, location.href, listing?.outcome ?? null);
  answerTabRequests(tabRequestHandlers(page, () => listing));

  const records = new Map<Element, Blurb>(elements.map((element, i) => [element, page.blurbs[i]!]));
  const workPage = isWorkPage(page) ? page.work : null;
  enableQuickActions({ recordFor: (blurb) => records.get(blurb), workPage });

  if (listing) {
    const rules = listing;
    onListingConfigChange((config) => rules.setConfig(config));
    showHiddenTagsNotice(elements, (blurb) => rules.reread(blurb));
  } else if (workPage) {
    const banner = new WorkPageBanner(workPage);
    const matcher = new RulesMatcher();
    banner.update(matcher.for(await configLoading));
    onListingConfigChange((config) => banner.update(matcher.for(config)));
  }
}

function tabRequestHandlers(page: PageRecord, listing: () => ListingRules | null) {
  const state = (): TabState => ({
    url: location.href,
    kind: page.kind,
    blurbs: page.blurbs,
    results: listing()?.outcome.results ?? [],
    pausedHere: listing()?.paused ?? false,
    tagsHiddenByPreference: page.tagsHiddenByPreference,
  });
  return {
    state,
    pause(paused: boolean): TabState {
      listing()?.setPausedHere(paused);
      return state();
    },
  };
}
