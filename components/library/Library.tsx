/**
 * The Library: every work the reader saved or read. "Continue reading" on
 * top, then search, filters and a virtualised table (only the rows in view
 * are in the document, so ten thousand works cost what thirty do). Sorting
 * and filtering run in memory: the sort once per order, the filter over the
 * sorted rows on each keystroke.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '../../utils/messaging/client';
import { MARKS } from './load';
import type { LibraryRow } from '../../utils/db/library';
import { SAVED_STATUSES, type SavedRecord, type SavedStatus } from '../../utils/db/types';
import { libraryToCsv, libraryToJson } from '../../utils/library/csv';
import { t, tn } from '../../utils/i18n';
import { statusLabel } from '../../utils/library/display';
import {
  continueReading,
  fandomCounts,
  filterRows,
  NO_FILTERS,
  prepareRow,
  readingLink,
  sortRows,
  type CompleteFilter,
  type LibraryFilters,
  type PreparedRow,
  type SortOrder,
  type StatusFilter,
} from '../../utils/library/model';
import { downloadFile, errorText, formatArchiveDate, formatDate, formatNumber } from '../ui/format';
import { UndoBar } from '../ui/UndoBar';
import { LibraryTable } from './LibraryTable';
import { useNarrow } from '../ui/narrow';
import { ErrorBanner } from '../ui/ErrorBanner';

export interface LibraryProps {
  /** null while loading. */
  rows: LibraryRow[] | null;
  /** Changes the loaded rows in place (after a change the background confirmed), without loading them again. */
  updateRows(update: (rows: LibraryRow[]) => LibraryRow[]): void;
}

interface Undo {
  message: string;
  records: SavedRecord[];
  removeIds: number[];
  /** The rows as they were, to put back. */
  rows: LibraryRow[];
}

/** A work stays in the library without a status when the reader has read some of it. */
const wasRead = (row: LibraryRow): boolean => row.lastRead !== null || row.read > 0;

export function Library({ rows, updateRows }: LibraryProps) {
  const uid = useId();
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortOrder>({ key: 'added', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<SavedStatus>('to-read');
  const [undo, setUndo] = useState<Undo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const filterPending = useRef(false);
  const rendered = useRef(false);
  const tableRef = useRef<HTMLDivElement>(null);
  // At a phone's width: rows as cards, and the filters folded behind one button.
  const narrow = useNarrow();
  const [filtersOpen, setFiltersOpen] = useState(false);

  const prepared = useMemo(() => (rows ?? []).map(prepareRow), [rows]);
  const sorted = useMemo(() => sortRows(prepared, sort), [prepared, sort]);
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters]);
  const inProgress = useMemo(() => continueReading(prepared), [prepared]);
  const fandoms = useMemo(() => fandomCounts(prepared).slice(0, 500), [prepared]);

  // Marks for the bench: data in → table laid out, and keystroke → filtered table laid out.
  useLayoutEffect(() => {
    if (rows === null) return;
    void tableRef.current?.offsetHeight;
    if (!rendered.current) {
      rendered.current = true;
      performance.mark(MARKS.rendered);
      try {
        performance.measure(MARKS.render, MARKS.data, MARKS.rendered);
      } catch {
        // No data mark (rows came from elsewhere): nothing to measure.
      }
    }
    if (filterPending.current) {
      filterPending.current = false;
      performance.measure(MARKS.filter, MARKS.filterStart);
    }
  }, [rows, visible]);

  // Selection only ever holds works still in the library.
  useEffect(() => {
    if (!rows) return;
    const ids = new Set(rows.map((r) => r.workId));
    setSelected((current) => (([...current].every((id) => ids.has(id)) ? current : new Set([...current].filter((id) => ids.has(id))))));
  }, [rows]);

  const updateFilters = (patch: Partial<LibraryFilters>) => {
    performance.clearMarks(MARKS.filterStart);
    performance.mark(MARKS.filterStart);
    filterPending.current = true;
    setFilters((current) => ({ ...current, ...patch }));
  };

  const changeSaved = async (workIds: number[], status: SavedStatus | null, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const { previous } = await request({ type: 'saved/bulk', workIds, status });
      const had = new Set(previous.map((r) => r.workId));
      const ids = new Set(workIds);
      const before = (rows ?? []).filter((r) => ids.has(r.workId));
      setUndo({ message, records: previous, removeIds: status === null ? [] : workIds.filter((id) => !had.has(id)), rows: before });
      const now = Date.now();
      updateRows((current) =>
        current.flatMap((row) => {
          if (!ids.has(row.workId)) return [row];
          if (status !== null) return [{ ...row, status, added: row.status === null ? now : row.added }];
          return wasRead(row) ? [{ ...row, status: null, note: '' }] : [];
        }),
      );
    } catch (e) {
      setError(t('librarySaveFailed', errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  const onUndo = async (u: Undo) => {
    setUndo(null);
    setBusy(true);
    try {
      await request({ type: 'saved/restore', records: u.records, removeIds: u.removeIds });
      const back = new Map(u.rows.map((r) => [r.workId, r]));
      updateRows((current) => [...current.filter((r) => !back.has(r.workId)), ...back.values()]);
    } catch (e) {
      setError(t('undoFailed', errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  const selectedIds = [...selected];
  const allShownSelected = visible.length > 0 && visible.every((r) => selected.has(r.workId));

  const exportAs = (kind: 'csv' | 'json') => {
    const stamp = new Date().toISOString().slice(0, 10);
    const file =
      kind === 'csv'
        ? new Blob([libraryToCsv(visible)], { type: 'text/csv;charset=utf-8' })
        : new Blob([libraryToJson(visible, Date.now())], { type: 'application/json' });
    downloadFile(file, `shelfmark-library-${stamp}.${kind}`);
  };

  const loading = rows === null;
  const filtersOn = [filters.status !== 'any', filters.fandom !== '', filters.complete !== 'any', filters.unreadOnly].filter(Boolean).length;
  const filtersShown = !narrow || filtersOpen;

  return (
    <div class="sm-library">
      <section class="sm-continue" aria-labelledby={`${uid}-continue`}>
        <h2 id={`${uid}-continue`} class="sm-section-title">
          {t('libraryContinue')}
        </h2>
        {loading ? (
          <p class="sm-muted sm-continue-empty" aria-busy="true">
            {t('loadingShort')}
          </p>
        ) : inProgress.length === 0 ? (
          <p class="sm-muted sm-continue-empty">{t('libraryContinueEmpty')}</p>
        ) : (
          <ul class="sm-continue-list">
            {inProgress.map((row) => (
              <li key={row.workId} class="sm-continue-card">
                <a href={readingLink(row)} target="_blank" rel="noopener noreferrer" class="sm-continue-title">
                  {row.label}
                </a>
                <span class="sm-muted sm-small">
                  {t('libraryContinueChapter', row.authors.join(', ') || t('anonymousAuthor'), formatNumber(row.next?.position ?? row.read + 1), formatNumber(row.posted))}
                  {row.updated ? ` · ${t('libraryContinueUpdated', formatArchiveDate(row.updated))}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="sm-library-controls" aria-label={t('librarySearchFilters')}>
        <div class="sm-field sm-search">
          <label for={`${uid}-search`}>{t('searchField')}</label>
          <input
            id={`${uid}-search`}
            type="search"
            placeholder={t('librarySearchPlaceholder')}
            value={filters.query}
            onInput={(e) => updateFilters({ query: e.currentTarget.value })}
          />
        </div>
        {narrow && (
          <button
            type="button"
            class="sm-button sm-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls={`${uid}-filters`}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {filtersOn > 0 ? tn('libraryFiltersOn', filtersOn) : t('libraryFiltersToggle')}
          </button>
        )}
        <div id={`${uid}-filters`} class="sm-library-filters" hidden={!filtersShown}>
          <div class="sm-field">
            <label for={`${uid}-status`}>{t('libraryStatus')}</label>
            <select id={`${uid}-status`} value={filters.status} onChange={(e) => updateFilters({ status: e.currentTarget.value as StatusFilter })}>
              <option value="any">{t('filterAny')}</option>
              <option value="saved">{t('filterSaved')}</option>
              <option value="unsaved">{t('filterUnsaved')}</option>
              {SAVED_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div class="sm-field">
            <label for={`${uid}-fandom`}>{t('libraryFandom')}</label>
            <input
              id={`${uid}-fandom`}
              type="text"
              list={`${uid}-fandoms`}
              placeholder={t('libraryAnyFandom')}
              value={filters.fandom}
              onInput={(e) => updateFilters({ fandom: e.currentTarget.value })}
            />
            <datalist id={`${uid}-fandoms`}>
              {fandoms.map((f) => (
                <option key={f.name} value={f.name} />
              ))}
            </datalist>
          </div>
          <div class="sm-field">
            <label for={`${uid}-complete`}>{t('libraryComplete')}</label>
            <select id={`${uid}-complete`} value={filters.complete} onChange={(e) => updateFilters({ complete: e.currentTarget.value as CompleteFilter })}>
              <option value="any">{t('filterAny')}</option>
              <option value="complete">{t('libraryComplete')}</option>
              <option value="in-progress">{t('libraryInProgress')}</option>
            </select>
          </div>
          <label class="sm-check sm-unread-filter">
            <input type="checkbox" checked={filters.unreadOnly} onChange={(e) => updateFilters({ unreadOnly: e.currentTarget.checked })} />
            {t('libraryUnreadOnly')}
          </label>
        </div>
      </section>

      <div class="sm-library-bar">
        <p class="sm-library-count" role="status" aria-live="polite">
          {loading ? t('libraryLoading') : visible.length === prepared.length ? tn('libraryCount', prepared.length) : tn('libraryShownCount', prepared.length, formatNumber(visible.length))}
        </p>
        <div class="sm-bulk" role="group" aria-label={t('librarySelectedActions')}>
          <span class="sm-muted">{tn('librarySelected', selected.size)}</span>
          <label class="sm-visually-hidden" for={`${uid}-bulk-status`}>
            {t('libraryBulkStatus')}
          </label>
          <select id={`${uid}-bulk-status`} class="sm-inline-select" value={bulkStatus} onChange={(e) => setBulkStatus(e.currentTarget.value as SavedStatus)}>
            {SAVED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="sm-button"
            disabled={selected.size === 0 || busy}
            onClick={() => void changeSaved(selectedIds, bulkStatus, tn('libraryBulkSet', selected.size, statusLabel(bulkStatus)))}
          >
            {t('librarySetStatus')}
          </button>
          <button
            type="button"
            class="sm-button"
            disabled={selected.size === 0 || busy}
            onClick={() => void changeSaved(selectedIds, null, tn('libraryBulkRemoved', selected.size))}
          >
            {t('libraryRemoveFromSaved')}
          </button>
          <button type="button" class="sm-text-button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
            {t('libraryClearSelection')}
          </button>
        </div>
        <div class="sm-actions sm-export">
          <button type="button" class="sm-button" disabled={loading || visible.length === 0} onClick={() => exportAs('csv')}>
            {t('libraryExportCsv')}
          </button>
          <button type="button" class="sm-button" disabled={loading || visible.length === 0} onClick={() => exportAs('json')}>
            {t('libraryExportJson')}
          </button>
        </div>
      </div>

      <div class="sm-notices-inline">
        {undo && <UndoBar message={undo.message} onAction={() => void onUndo(undo)} onDismiss={() => setUndo(null)} />}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>

      <LibraryTable
        tableRef={tableRef}
        scrollKey={JSON.stringify([filters, sort])}
        rows={visible}
        loading={loading}
        empty={t(prepared.length === 0 ? 'libraryEmpty' : 'libraryNoMatch')}
        sort={sort}
        onSort={setSort}
        selected={selected}
        allSelected={allShownSelected}
        onSelect={(id, on) =>
          setSelected((current) => {
            const next = new Set(current);
            if (on) next.add(id);
            else next.delete(id);
            return next;
          })
        }
        onSelectAll={(on) => setSelected(on ? new Set(visible.map((r) => r.workId)) : new Set())}
        onStatus={(row: PreparedRow, status: SavedStatus | null) =>
          void changeSaved([row.workId], status, status ? t('libraryStatusChanged', row.label, statusLabel(status)) : t('libraryRemoved', row.label))
        }
        busy={busy}
        formatDate={formatDate}
        cards={narrow}
      />
    </div>
  );
}
