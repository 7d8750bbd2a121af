/** "This page": what the rules did on the tab's listing, and the pause-on-this-page switch. */
import { useId } from 'preact/hooks';
import type { TabState } from '../../utils/messaging/tab-protocol';
import { countLabel, summarizePage, worksLabel, type RuleGroup } from './page-summary';

export type TabLoad = { status: 'loading' } | { status: 'none' } | { status: 'ready'; tabId: number; state: TabState };

export interface CurrentPageProps {
  tab: TabLoad;
  rulesPaused: boolean;
  pausing: boolean;
  onPauseHere(paused: boolean): void;
}

export const LISTING_KINDS: ReadonlySet<string> = new Set(['listing', 'adult-interstitial']);

export function CurrentPage({ tab, rulesPaused, pausing, onPauseHere }: CurrentPageProps) {
  const headingId = useId();
  return (
    <section class="sm-section sm-page" aria-labelledby={headingId}>
      <h2 id={headingId} class="sm-section-title">This page</h2>
      <div class="sm-page-body">{body(tab, rulesPaused, pausing, onPauseHere)}</div>
    </section>
  );
}

function body(tab: TabLoad, rulesPaused: boolean, pausing: boolean, onPauseHere: (paused: boolean) => void) {
  if (tab.status === 'loading') {
    return (
      <p class="sm-muted" aria-busy="true">
        Checking this page…
      </p>
    );
  }
  if (tab.status === 'none') {
    return <p class="sm-muted">Open a page on the archive to see what Shelfmark did there.</p>;
  }
  const { state } = tab;
  if (!LISTING_KINDS.has(state.kind)) {
    return <p class="sm-muted">Rules hide and highlight works on lists of works: tags, searches, bookmarks, series and more. This page has none.</p>;
  }
  const summary = summarizePage(state);
  const pausedHere = state.pausedHere;
  let status: string;
  if (rulesPaused) status = `Rules are paused everywhere: all ${worksLabel(summary.total)} are shown.`;
  else if (pausedHere) status = `Paused on this page: all ${worksLabel(summary.total)} are shown.`;
  else status = `of ${worksLabel(summary.total)} on this page`;
  const active = !rulesPaused && !pausedHere;

  return (
    <>
      <div class="sm-page-status" role="status">
        {active ? (
          <p class="sm-counts">
            <span class="sm-count sm-count-hidden">{countLabel(summary.hidden, 'hidden')}</span>
            <span class="sm-count sm-count-highlighted">{countLabel(summary.highlighted, 'highlighted')}</span>
            <span class="sm-muted">{status}</span>
          </p>
        ) : (
          <p class="sm-muted">{status}</p>
        )}
      </div>
      {active && summary.hiddenBy.length > 0 && <Groups groups={summary.hiddenBy} verb="Hidden" />}
      {active && summary.highlightedBy.length > 0 && <Groups groups={summary.highlightedBy} verb="Highlighted" />}
      {active && summary.alwaysShown > 0 && (
        <p class="sm-muted sm-small">{worksLabel(summary.alwaysShown)} a rule matches {summary.alwaysShown === 1 ? 'is' : 'are'} shown because you chose to always see {summary.alwaysShown === 1 ? 'it' : 'them'}.</p>
      )}
      {active && (state.tagsHiddenByPreference || summary.incomplete > 0) && (
        <p class="sm-muted sm-small">Your archive settings hide some tags here, so rules about warnings or additional tags may miss works.</p>
      )}
      <label class="sm-switch">
        <input
          type="checkbox"
          role="switch"
          checked={pausedHere}
          disabled={pausing}
          onChange={(event) => onPauseHere(event.currentTarget.checked)}
        />
        <span>Pause rules on this page</span>
      </label>
    </>
  );
}

function Groups({ groups, verb }: { groups: RuleGroup[]; verb: string }) {
  return (
    <ul class="sm-groups" aria-label={`${verb} works by rule`}>
      {groups.map((group) => (
        <li key={group.ruleId}>
          <details class="sm-group">
            <summary>
              <span class={`sm-dot sm-dot-${verb.toLowerCase()}`} aria-hidden="true" />
              <span class="sm-group-label">{group.label}</span>
              <span class="sm-group-count">{worksLabel(group.works.length)}</span>
            </summary>
            <ul class="sm-group-works">
              {group.works.map((work, i) => (
                <li key={i}>
                  <span class="sm-work-title">{work.title}</span>
                  {work.alsoBy.length > 0 && <span class="sm-muted"> (also {work.alsoBy.join(', ')})</span>}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
