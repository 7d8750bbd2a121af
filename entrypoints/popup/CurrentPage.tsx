/** "This page": what the rules did on the tab's listing, and the pause-on-this-page switch. */
import { useId } from 'preact/hooks';
import { t, tn } from '../../utils/i18n';
import type { TabState } from '../../utils/messaging/tab-protocol';
import { countLabel, summarizePage, worksLabel, type RuleGroup } from './page-summary';
import { ReadProblemNotice } from './ReadProblemNotice';

export type TabLoad = { status: 'loading' } | { status: 'none' } | { status: 'ready'; tabId: number; state: TabState };

export interface CurrentPageProps {
  tab: TabLoad;
  rulesPaused: boolean;
  onPauseHere(paused: boolean): void;
}

export const LISTING_KINDS: ReadonlySet<string> = new Set(['listing', 'adult-interstitial']);

export function CurrentPage({ tab, rulesPaused, onPauseHere }: CurrentPageProps) {
  const headingId = useId();
  return (
    <section class="sm-section sm-page" aria-labelledby={headingId}>
      <h2 id={headingId} class="sm-section-title">{t('pageSection')}</h2>
      <div class="sm-page-body">{body(tab, rulesPaused, onPauseHere)}</div>
    </section>
  );
}

function body(tab: TabLoad, rulesPaused: boolean, onPauseHere: (paused: boolean) => void) {
  if (tab.status === 'loading') {
    return (
      <p class="sm-muted" aria-busy="true">
        {t('pageChecking')}
      </p>
    );
  }
  if (tab.status === 'none') {
    return <p class="sm-muted">{t('pageNotArchive')}</p>;
  }
  const { state } = tab;
  if (!LISTING_KINDS.has(state.kind)) {
    return <p class="sm-muted">{t('pageNoListing')}</p>;
  }
  if (state.readProblem) return <ReadProblemNotice problem={state.readProblem} />;
  const summary = summarizePage(state);
  const pausedHere = state.pausedHere;
  let status: string;
  if (rulesPaused) status = tn('pagePausedEverywhere', summary.total);
  else if (pausedHere) status = tn('pagePausedHere', summary.total);
  else status = tn('pageOfWorks', summary.total);
  const active = !rulesPaused && !pausedHere;

  return (
    <>
      <div class="sm-page-status" role="status">
        {active ? (
          <p class="sm-counts">
            <span class="sm-count sm-count-hidden">{countLabel(summary.hidden, 'hidden')}</span>
            {summary.dimmed > 0 && <span class="sm-count sm-count-dimmed">{countLabel(summary.dimmed, 'dimmed')}</span>}
            <span class="sm-count sm-count-highlighted">{countLabel(summary.highlighted, 'highlighted')}</span>
            <span class="sm-muted">{status}</span>
          </p>
        ) : (
          <p class="sm-muted">{status}</p>
        )}
      </div>
      {active && summary.hiddenBy.length > 0 && <Groups groups={summary.hiddenBy} kind="hidden" />}
      {active && summary.highlightedBy.length > 0 && <Groups groups={summary.highlightedBy} kind="highlighted" />}
      {active && summary.alwaysShown > 0 && (
        <p class="sm-muted sm-small">{tn('pageAlwaysShown', summary.alwaysShown)}</p>
      )}
      {active && (state.tagsHiddenByPreference || summary.incomplete > 0) && (
        <p class="sm-muted sm-small">{t('pageTagsHidden')}</p>
      )}
      <label class="sm-switch">
        <input
          type="checkbox"
          role="switch"
          checked={pausedHere}
          onChange={(event) => onPauseHere(event.currentTarget.checked)}
        />
        <span>{t('pagePauseHere')}</span>
      </label>
    </>
  );
}

function Groups({ groups, kind }: { groups: RuleGroup[]; kind: 'hidden' | 'highlighted' }) {
  return (
    <ul class="sm-groups" aria-label={t(kind === 'hidden' ? 'pageHiddenByRule' : 'pageHighlightedByRule')}>
      {groups.map((group) => (
        <li key={group.ruleId}>
          <details class="sm-group">
            <summary>
              <span class={`sm-dot sm-dot-${kind}`} aria-hidden="true" />
              <span class="sm-group-label">{group.label}</span>
              <span class="sm-group-count">{worksLabel(group.works.length)}</span>
            </summary>
            <ul class="sm-group-works">
              {group.works.map((work, i) => (
                <li key={i}>
                  <span class="sm-work-title">{work.title}</span>
                  {work.look && <span class="sm-muted"> ({t(work.look === 'dimmed' ? 'pageWorkDimmed' : 'pageWorkRemoved')})</span>}
                  {work.filedUnder !== undefined && <span class="sm-muted"> {t('pageWorkTagged', work.detail)}</span>}
                  {work.alsoBy.length > 0 && <span class="sm-muted"> {t('pageAlsoBy', work.alsoBy.join(', '))}</span>}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
