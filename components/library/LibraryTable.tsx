/**
 * The library as an ARIA table with a sticky header, virtualised: rows have
 * one fixed height, and only those in view (plus a few either side) are in
 * the document. The header and body share one scroll container, so the
 * columns stay aligned when the table scrolls sideways. On a phone's width
 * (`cards`) each row is drawn as a card of its own fixed height — title,
 * authors, fandoms, status and chapters read, with its checkbox — and the
 * header as a strip of sort buttons: the same table to assistive technology.
 */
import type { Ref } from 'preact';
import { SAVED_STATUSES, type SavedStatus } from '../../utils/db/types';
import { t, tn, type MessageKey } from '../../utils/i18n';
import { statusLabel } from '../../utils/library/display';
import { isAnonymous, readingLink, type PreparedRow, type SortKey, type SortOrder } from '../../utils/library/model';
import { formatArchiveDate, formatNumber } from '../ui/format';
import { useScrollWindow } from '../ui/scroll-window';

export const ROW_HEIGHT = 38;
/** A row's height when drawn as a card (options.css, `.sm-cards`). */
export const CARD_HEIGHT = 140;
const OVERSCAN = 8;

const COLUMNS: Array<{ key: SortKey; label: MessageKey; numeric?: boolean; firstDescending?: boolean }> = [
  { key: 'title', label: 'columnTitle' },
  { key: 'authors', label: 'columnAuthors' },
  { key: 'fandoms', label: 'columnFandoms' },
  { key: 'status', label: 'columnStatus' },
  { key: 'words', label: 'columnWords', numeric: true, firstDescending: true },
  { key: 'chapters', label: 'columnChapters', numeric: true, firstDescending: true },
  { key: 'lastRead', label: 'columnLastOpened', firstDescending: true },
  { key: 'added', label: 'columnAdded', firstDescending: true },
  { key: 'updated', label: 'columnUpdated', firstDescending: true },
];

export interface LibraryTableProps {
  tableRef: Ref<HTMLDivElement>;
  /** A new filter or sort (a new key) scrolls back to the top; other changes keep the place. */
  scrollKey: string;
  rows: readonly PreparedRow[];
  loading: boolean;
  empty: string;
  sort: SortOrder;
  onSort(order: SortOrder): void;
  selected: ReadonlySet<number>;
  allSelected: boolean;
  onSelect(workId: number, selected: boolean): void;
  onSelectAll(selected: boolean): void;
  onStatus(row: PreparedRow, status: SavedStatus | null): void;
  busy: boolean;
  formatDate(ms: number | null): string;
  /** Rows as cards, for a phone's width. */
  cards?: boolean;
}

function chaptersText(row: PreparedRow): string {
  const posted = row.posted === null ? '?' : formatNumber(row.posted);
  return `${formatNumber(row.read)} / ${posted}`;
}

/** A card's name for a figure the table's column header names (hidden from assistive technology, which has the header). */
function CardLabel({ label }: { label: MessageKey }) {
  return (
    <span class="sm-card-label" aria-hidden="true">
      {t(label)}{' '}
    </span>
  );
}

export function LibraryTable(props: LibraryTableProps) {
  const { rows, sort, selected, formatDate } = props;
  const { scroller, scrollTop, viewport, onScroll } = useScrollWindow<HTMLDivElement>(props.scrollKey);
  const rowHeight = props.cards ? CARD_HEIGHT : ROW_HEIGHT;

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const shown = rows.slice(first, last);

  const sortBy = (key: SortKey, firstDescending = false) =>
    props.onSort(sort.key === key ? { key, descending: !sort.descending } : { key, descending: firstDescending });

  // Keeping focus in view: a focused control in a row the reader tabbed to is scrolled into the window.
  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const el = scroller.current;
    if (!row || !el) return;
    const top = Number(row.dataset.index) * rowHeight;
    const headerHeight = el.querySelector('.sm-table-head')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight + headerHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight + headerHeight - el.clientHeight;
  };

  return (
    <div
      class={`sm-table-scroller${props.cards ? ' sm-cards' : ''}`}
      ref={(el) => {
        scroller.current = el;
        if (typeof props.tableRef === 'function') props.tableRef(el);
        else if (props.tableRef) props.tableRef.current = el;
      }}
      onScroll={onScroll}
      onFocusIn={onFocusIn}
      tabIndex={0}
      role="region"
      aria-label={t('tableScroller')}
    >
      <div role="table" class="sm-table" aria-label={t('tableName')} aria-rowcount={rows.length + 1} aria-busy={props.loading || props.busy || undefined}>
        <div role="rowgroup" class="sm-table-head">
          <div role="row" class="sm-table-row sm-table-header" aria-rowindex={1}>
            <div role="columnheader" class="sm-cell sm-cell-select">
              <input
                type="checkbox"
                aria-label={t('tableSelectAll')}
                checked={props.allSelected}
                disabled={rows.length === 0}
                onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
              />
            </div>
            {COLUMNS.map((col) => {
              const active = sort.key === col.key;
              return (
                <div
                  key={col.key}
                  role="columnheader"
                  class={`sm-cell sm-cell-${col.key}${col.numeric ? ' sm-numeric' : ''}`}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" class="sm-sort" onClick={() => sortBy(col.key, col.firstDescending)}>
                    {t(col.label)}
                    <span class="sm-sort-arrow" aria-hidden="true">
                      {active ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" class="sm-table-body" style={{ height: `${Math.max(rows.length, 1) * rowHeight}px` }}>
          {rows.length === 0 && (
            <div role="row" class="sm-table-row sm-table-empty" aria-rowindex={2}>
              <div role="cell" class="sm-cell">
                {props.loading ? t('loadingShort') : props.empty}
              </div>
            </div>
          )}
          {shown.map((row, i) => {
            const index = first + i;
            const isSelected = selected.has(row.workId);
            return (
              <div
                key={row.workId}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                data-index={index}
                data-work-id={row.workId}
                class={`sm-table-row${isSelected ? ' sm-row-selected' : ''}`}
                style={{ transform: `translateY(${index * rowHeight}px)` }}
              >
                <div role="cell" class="sm-cell sm-cell-select">
                  <input type="checkbox" aria-label={t('tableSelectWork', row.label)} checked={isSelected} onChange={(e) => props.onSelect(row.workId, e.currentTarget.checked)} />
                </div>
                <div role="cell" class="sm-cell sm-cell-title">
                  <a
                    href={readingLink(row)}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={row.note ? `${row.label} — ${row.note}` : row.label}
                    aria-label={row.next && row.read > 0 ? t('tableContinueAt', row.label, formatNumber(row.next.position)) : row.label}
                  >
                    {row.label}
                  </a>
                  {row.note && (
                    <span class="sm-note-mark" role="img" title={row.note} aria-label={t('tableNote', row.note)}>
                      ✎
                    </span>
                  )}
                </div>
                <div role="cell" class="sm-cell sm-cell-authors" title={row.authors.join(', ')}>
                  {row.authors.join(', ') || <span class="sm-muted">{isAnonymous(row) ? t('anonymousAuthor') : '—'}</span>}
                </div>
                <div role="cell" class="sm-cell sm-cell-fandoms" title={row.fandoms.join(', ')}>
                  {row.fandoms.join(', ') || <span class="sm-muted">—</span>}
                </div>
                <div role="cell" class="sm-cell sm-cell-status">
                  <select
                    class="sm-inline-select"
                    aria-label={t('tableStatusOf', row.label)}
                    value={row.status ?? ''}
                    disabled={props.busy}
                    onChange={(e) => props.onStatus(row, (e.currentTarget.value || null) as SavedStatus | null)}
                  >
                    <option value="">{row.read > 0 ? t('tableStatusRead') : '—'}</option>
                    {SAVED_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {statusLabel(s)}
                      </option>
                    ))}
                  </select>
                </div>
                <div role="cell" class="sm-cell sm-cell-words sm-numeric">
                  {props.cards && <CardLabel label="columnWords" />}
                  {formatNumber(row.words)}
                </div>
                <div
                  role="cell"
                  class={`sm-cell sm-cell-chapters sm-numeric${row.unread > 0 && row.read > 0 ? ' sm-has-unread' : ''}`}
                  title={`${row.posted === null ? t('tableChaptersUnknownTitle', formatNumber(row.read)) : tn('tableChaptersTitle', row.posted, formatNumber(row.read))}${row.expected !== null ? ` ${t('tableChaptersPlanned', formatNumber(row.expected))}` : ''}`}
                >
                  {props.cards && <CardLabel label="columnChapters" />}
                  {chaptersText(row)}
                </div>
                <div role="cell" class="sm-cell sm-cell-lastRead">
                  {formatDate(row.lastRead)}
                </div>
                <div role="cell" class="sm-cell sm-cell-added">
                  {formatDate(row.added)}
                </div>
                <div role="cell" class="sm-cell sm-cell-updated">
                  {formatArchiveDate(row.updated)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
