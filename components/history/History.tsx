/**
 * History: the visits log, newest first, a page at a time, grouped by day.
 * Search names works by title or author (from the library rows) and asks
 * the background for their visits only. Single visits and whole days can be
 * deleted and undone; deleting everything asks first and can't be undone.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '../../utils/messaging/client';
import type { LoggedVisit } from '../../utils/db/history-log';
import type { LibraryRow } from '../../utils/db/library';
import { t, tn } from '../../utils/i18n';
import { errorText, formatDay, formatNumber, formatTime } from '../ui/format';
import { UndoBar } from '../ui/UndoBar';
import { ErrorBanner } from '../ui/ErrorBanner';

const PAGE = 300;

export interface HistoryProps {
  rows: LibraryRow[] | null;
}

interface Undo {
  message: string;
  entries: LoggedVisit[];
}

const dayStart = (ms: number): number => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};
const nextDay = (start: number): number => {
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
};

function visitLink(visit: LoggedVisit): string {
  return visit.chapterId !== null
    ? `https://archiveofourown.org/works/${visit.workId}/chapters/${visit.chapterId}`
    : `https://archiveofourown.org/works/${visit.workId}`;
}

export function History({ rows }: HistoryProps) {
  const uid = useId();
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<LoggedVisit[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const generation = useRef(0);

  const byId = useMemo(() => new Map((rows ?? []).map((r) => [r.workId, r])), [rows]);

  /** The works the search names; undefined when there is no search. */
  const workIds = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    return (rows ?? [])
      .filter((r) => {
        const text = [r.title || t('untitledWork', String(r.workId)), ...r.authors].join('\n').toLowerCase();
        return words.every((w) => text.includes(w));
      })
      .map((r) => r.workId);
  }, [rows, query]);

  const load = async (before: number | null, append: boolean) => {
    const mine = ++generation.current;
    try {
      const page = await request({ type: 'visits/list', before, limit: PAGE, ...(workIds ? { workIds } : {}) });
      if (mine !== generation.current) return;
      setEntries((current) => (append && current ? [...current, ...page.entries] : page.entries));
      setNext(page.nextBefore);
    } catch (e) {
      if (mine === generation.current) {
        setEntries((current) => current ?? []);
        setError(t('historyLoadFailed', errorText(e)));
      }
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void load(null, false), query ? 150 : 0);
    return () => clearTimeout(timer);
  }, [workIds]);

  const days = useMemo(() => {
    const groups: Array<{ start: number; visits: LoggedVisit[] }> = [];
    for (const visit of entries ?? []) {
      const start = dayStart(visit.at);
      const last = groups[groups.length - 1];
      if (last && last.start === start) last.visits.push(visit);
      else groups.push({ start, visits: [visit] });
    }
    return groups;
  }, [entries]);

  const titleOf = (workId: number) => {
    const row = byId.get(workId);
    return row?.title || t('untitledWork', String(workId));
  };

  const remove = async (target: Parameters<typeof deleteTarget>[0], message: (count: number) => string) => {
    setError(null);
    try {
      const { removed, count } = await deleteTarget(target);
      setUndo(removed.length > 0 ? { message: message(count), entries: removed } : null);
      await load(null, false);
    } catch (e) {
      setError(t('deleteFailed', errorText(e)));
    }
  };

  const onUndo = async (u: Undo) => {
    setUndo(null);
    try {
      await request({ type: 'visits/restore', entries: u.entries });
      await load(null, false);
    } catch (e) {
      setError(t('undoFailed', errorText(e)));
    }
  };

  const deleteAll = async () => {
    setConfirmAll(false);
    setError(null);
    try {
      const { removed, count } = await request({ type: 'visits/delete', target: { kind: 'all', confirm: true } });
      setUndo(removed.length > 0 ? { message: tn('historyDeletedAll', count), entries: removed } : null);
      setEntries([]);
      setNext(null);
      setError(null);
    } catch (e) {
      setError(t('historyDeleteAllFailed', errorText(e)));
    }
  };
  return (
    <div class="sm-history">
      <div class="sm-history-controls">
        <div class="sm-field sm-search">
          <label for={`${uid}-search`}>{t('historySearch')}</label>
          <input id={`${uid}-search`} type="search" placeholder={t('historySearchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <button type="button" class="sm-button sm-danger-outline" disabled={!entries || entries.length === 0} onClick={() => setConfirmAll(true)}>
          {t('historyDeleteAll')}
        </button>
      </div>
      {confirmAll && (
        <div class="sm-confirm" role="alertdialog" aria-labelledby={`${uid}-confirm`}>
          <p id={`${uid}-confirm`}>
            {t('historyDeleteAllConfirm')}
          </p>
          <div class="sm-actions">
            <button type="button" class="sm-button sm-danger" ref={(el) => el?.focus()} onClick={() => void deleteAll()}>
              {t('historyDeleteEverything')}
            </button>
            <button type="button" class="sm-button" onClick={() => setConfirmAll(false)}>
              {t('buttonCancel')}
            </button>
          </div>
        </div>
      )}
      <div class="sm-notices-inline">
        {undo && <UndoBar message={undo.message} onAction={() => void onUndo(undo)} onDismiss={() => setUndo(null)} />}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>
      {entries === null ? (
        <p class="sm-muted" aria-busy="true">
          {t('historyLoading')}
        </p>
      ) : entries.length === 0 ? (
        <p class="sm-empty">{t(query ? 'historyNoMatch' : 'historyEmpty')}</p>
      ) : (
        days.map((day) => (
          <section key={day.start} class="sm-history-day" aria-labelledby={`${uid}-day-${day.start}`}>
            <div class="sm-history-day-head">
              <h2 id={`${uid}-day-${day.start}`} class="sm-history-day-title">
                {formatDay(day.start)}
              </h2>
              <button
                type="button"
                class="sm-text-button sm-danger-text"
                onClick={() => void remove({ kind: 'range', from: day.start, to: nextDay(day.start) }, (n) => tn('historyDeletedDay', n, formatDay(day.start)))}
              >
                {t('historyDeleteDay')}
              </button>
            </div>
            <ul class="sm-history-list">
              {day.visits.map((visit, i) => (
                <li key={`${visit.seq}-${visit.at}-${i}`} class="sm-history-entry">
                  <time class="sm-muted sm-history-time" dateTime={new Date(visit.at).toISOString()}>
                    {formatTime(visit.at)}
                  </time>
                  <span class="sm-history-work">
                    <a href={visitLink(visit)} target="_blank" rel="noopener noreferrer">
                      {titleOf(visit.workId)}
                    </a>
                    <span class="sm-muted sm-small">
                      {[byId.get(visit.workId)?.authors.join(', ') ?? '', visit.position !== null ? t('historyChapter', formatNumber(visit.position)) : ''].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="sm-icon-button"
                    aria-label={t('historyDeleteVisitFor', titleOf(visit.workId), formatTime(visit.at))}
                    title={t('historyDeleteVisit')}
                    onClick={() => void remove({ kind: 'entries', entries: [visit] }, () => t('historyDeletedVisit', titleOf(visit.workId)))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {next !== null && entries && entries.length > 0 && (
        <button
          type="button"
          class="sm-button sm-load-more"
          disabled={loadingMore}
          onClick={() => {
            setLoadingMore(true);
            void load(next, true).finally(() => setLoadingMore(false));
          }}
        >
          {loadingMore ? t('loadingShort') : t('historyShowOlder')}
        </button>
      )}
    </div>
  );
}

type Deletion = { kind: 'entries'; entries: LoggedVisit[] } | { kind: 'range'; from: number; to: number };

function deleteTarget(target: Deletion) {
  return request({ type: 'visits/delete', target });
}
