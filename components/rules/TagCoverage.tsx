/**
 * Under an exact tag rule in the editor: the "also its subtags" switch, and
 * what the rule covers as learned from the archive — "Angst — and 300 tags
 * the archive files under it, 12 subtags (learned 3 days ago)", the tags
 * themselves (expandable, searchable), progress while they are learned, what
 * happened when learning failed, and "Refresh from the archive".
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { t, tn } from '../../utils/i18n';
import { request } from '../../utils/messaging/client';
import { normalizeTagText } from '../../utils/rules/normalize';
import type { TagFamily } from '../../utils/rules/tag-family';
import { relativeTime } from '../../utils/reading/badge';
import type { FamilyStatus } from '../../utils/wrangling/family-service';

export interface FamilyApi {
  status(name: string): Promise<{ enabled: boolean; status: FamilyStatus | null }>;
  refresh(name: string): Promise<FamilyStatus>;
}

const backgroundApi: FamilyApi = {
  async status(name) {
    const reply = await request({ type: 'families/status', names: [name] });
    return { enabled: reply.enabled, status: reply.families[0] ?? null };
  },
  async refresh(name) {
    return (await request({ type: 'families/refresh', name })).status;
  },
};

/** How often the editor asks again while the tag is being learned. */
const POLL_MS = 1000;
/** The list shows at most this many names at once; the search narrows it. */
const LIST_LIMIT = 500;

interface Covered {
  name: string;
  parent: string | null;
}

/** Every name the family covers besides the rule's own tag, synonyms first, then subtags with theirs. */
export function coveredNames(family: TagFamily, ruleName: string): Covered[] {
  const own = normalizeTagText(ruleName);
  const seen = new Set([own]);
  const out: Covered[] = [];
  const add = (name: string, parent: string | null) => {
    const key = normalizeTagText(name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, parent });
  };
  add(family.canonical, null);
  for (const synonym of family.synonyms) add(synonym, null);
  for (const subtag of family.subtags) {
    add(subtag.name, subtag.parent);
    for (const synonym of subtag.synonyms) add(synonym, subtag.name);
  }
  return out;
}

export interface TagCoverageProps {
  name: string;
  subtags: boolean;
  onSubtags(on: boolean): void;
  api?: FamilyApi;
  now?: () => number;
}

export function TagCoverage({ name, subtags, onSubtags, api = backgroundApi, now = Date.now }: TagCoverageProps) {
  const id = useId();
  const tag = name.trim();
  const [state, setState] = useState<{ tag: string; enabled: boolean; status: FamilyStatus | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [tick, setTick] = useState(0);

  const current = state && state.tag === tag ? state : null;
  const busy = Boolean(current?.status?.learning || current?.status?.queued);

  useEffect(() => {
    if (!tag) return undefined;
    let live = true;
    const timer = setTimeout(
      () => {
        api
          .status(tag)
          .then((reply) => live && setState({ tag, ...reply }))
          .catch((error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)));
      },
      // Asked at once for the rule opened; while typing, once the text rests.
      state === null || busy ? (busy ? POLL_MS : 0) : 400,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `tick` asks again after a refresh. While learning, every answer is a new status and asks again:
    // progress can stand still for a while (a 429's Retry-After), and the editor must still see it end.
  }, [tag, tick, busy, busy ? current?.status : null]);

  const refresh = () => {
    setProblem(null);
    api
      .refresh(tag)
      .then((status) => {
        setState({ tag, enabled: true, status });
        setTick((n) => n + 1);
      })
      .catch((error: unknown) => setProblem(t('coverageRefreshFailed', error instanceof Error ? error.message : String(error))));
  };

  const family = current?.status?.family ?? null;
  const names = useMemo(() => (family ? coveredNames(family, tag) : []), [family, tag]);
  const shown = useMemo(() => {
    const query = normalizeTagText(search);
    const matching = query ? names.filter((n) => normalizeTagText(n.name).includes(query)) : names;
    return matching.slice(0, LIST_LIMIT);
  }, [names, search]);

  const status = current?.status ?? null;
  const learnedWhen = family ? t('coverageLearned', relativeTime(family.learnedAt, now())) : '';
  let summary: string | null = null;
  if (family) {
    const subtagCount = new Set(family.subtags.map((s) => normalizeTagText(s.name))).size;
    summary =
      names.length === 0
        ? t('coverageNothingUnder', family.canonical, learnedWhen)
        : t('coverageSummary', family.canonical, tn('coverageTags', names.length), tn('coverageSubtags', subtagCount), learnedWhen);
  }
  const failedWhen = status?.failedAt ? relativeTime(status.failedAt, now()) : '';
  const failedAfter = status?.error && status.failedAt !== null && (!family || status.failedAt > family.learnedAt);

  return (
    <div class="sm-coverage">
      <label class="sm-check">
        <input type="checkbox" checked={subtags} aria-describedby={`${id}-subtags`} onChange={(event) => onSubtags(event.currentTarget.checked)} />
        {t('ruleSubtags')}
      </label>
      <p class="sm-hint" id={`${id}-subtags`}>
        {t('ruleSubtagsHint')}
      </p>
      {tag && current && (
        <div class="sm-coverage-state">
          <p class="sm-coverage-line" role="status" aria-live="polite">
            {!current.enabled
              ? t('coverageOff')
              : status?.learning
                ? t('coverageLearning', family?.canonical ?? tag, status.learning.done.toLocaleString(), status.learning.total.toLocaleString())
                : status?.queued
                  ? t('coverageQueued', family?.canonical ?? tag)
                  : (summary ?? (failedAfter ? '' : t('coverageNotYet')))}
          </p>
          {current.enabled && status?.learning && <progress class="sm-progress" max={Math.max(1, status.learning.total)} value={status.learning.done} />}
          {current.enabled && summary && (status?.learning || status?.queued) && <p class="sm-coverage-line">{summary}</p>}
          {family && normalizeTagText(family.canonical) !== normalizeTagText(tag) && <p class="sm-hint">{t('coverageFiledUnder', tag, family.canonical)}</p>}
          {family && !family.complete && <p class="sm-hint">{t('coverageIncomplete')}</p>}
          {current.enabled && failedAfter && (
            <p class="sm-coverage-error">{family ? t('coverageFailedKept', failedWhen, status!.error!) : t('coverageFailedNone', failedWhen, status!.error!)}</p>
          )}
          {problem && <p class="sm-coverage-error">{problem}</p>}
          {names.length > 0 && (
            <details class="sm-coverage-list">
              <summary>{t('coverageShowTags')}</summary>
              <label class="sm-coverage-search">
                <span>{t('coverageSearch')}</span>
                <input type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
              </label>
              {shown.length === 0 ? (
                <p class="sm-hint">{t('coverageNoMatch')}</p>
              ) : (
                <ul>
                  {shown.map((n) => (
                    <li key={`${n.parent ?? ''}\u0000${n.name}`}>{n.parent ? t('coverageSubtagOf', n.name, n.parent) : n.name}</li>
                  ))}
                </ul>
              )}
            </details>
          )}
          {current.enabled && (
            <button type="button" class="sm-button" disabled={busy} onClick={refresh}>
              {t('coverageRefresh')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
