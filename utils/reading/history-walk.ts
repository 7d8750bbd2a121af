/**
 * "Import my whole History": a walk over the reader's own History (or Marked
 * for Later) pages, one page at a time, at most one fetch every 3 seconds.
 * Its progress is saved after every page, so it can be paused and resumed —
 * later, or after a browser restart. A 429 or any other failure stops it with
 * a message and the page to resume from. Everything the browser does (fetch,
 * parse, send, store, wait) comes in as dependencies, so this is testable.
 */
import type { PageRecord } from '../ao3/types';
import type { HistoryEntry } from '../db/history-entry';
import type { HistoryImportSummary } from '../db/history-import';
import { t } from '../i18n';
import { historyEntries, readingsPageUrl } from './history-entries';

export const WALK_INTERVAL_MS = 3000;

export type WalkStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'done';

export interface WalkState {
  /** The readings view walked (readingsViewKey). */
  view: string;
  status: WalkStatus;
  /** The next page to fetch. */
  nextPage: number;
  /** The last page, as the pagination said; null until known. */
  lastPage: number | null;
  pagesDone: number;
  worksImported: number;
  savedAdded: number;
  /** Why the walk stopped (status `stopped`). */
  error: string | null;
  /** When the last page was fetched: the 3-second spacing holds across pauses and reloads. */
  lastFetchAt: number | null;
}

export interface FetchedPage {
  status: number;
  html: string;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
}

export interface WalkDeps {
  fetchPage(url: string): Promise<FetchedPage>;
  parse(html: string, url: string): PageRecord;
  importEntries(entries: HistoryEntry[]): Promise<HistoryImportSummary>;
  load(view: string): Promise<WalkState | null>;
  save(state: WalkState): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
  onChange(state: WalkState): void;
  intervalMs?: number;
}

export function freshWalk(view: string, lastPage: number | null): WalkState {
  return { view, status: 'idle', nextPage: 1, lastPage, pagesDone: 0, worksImported: 0, savedAdded: 0, error: null, lastFetchAt: null };
}

/** A walk saved as running was cut short (the tab closed, the browser quit): it is paused. */
export function restoredWalk(saved: WalkState | null): WalkState | null {
  if (!saved) return null;
  return saved.status === 'running' ? { ...saved, status: 'paused' } : saved;
}

export class HistoryWalk {
  private pauseRequested = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly pageUrl: string,
    public state: WalkState,
    private readonly deps: WalkDeps,
    /** The page already open, used instead of fetching it again. */
    private readonly current: { page: number; record: PageRecord } | null = null,
  ) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts or resumes; resolves when the walk stops (done, paused or failed). */
  run(): Promise<void> {
    if (this.running) return this.running;
    this.pauseRequested = false;
    if (this.state.status === 'done' || this.state.status === 'idle') {
      this.state = { ...freshWalk(this.state.view, this.state.lastPage), lastFetchAt: this.state.lastFetchAt };
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  pause(): void {
    this.pauseRequested = true;
  }

  private async update(patch: Partial<WalkState>): Promise<void> {
    this.state = { ...this.state, ...patch };
    this.deps.onChange(this.state);
    await this.deps.save(this.state);
  }

  private async waitForTurn(): Promise<void> {
    const interval = this.deps.intervalMs ?? WALK_INTERVAL_MS;
    for (;;) {
      if (this.pauseRequested) return;
      const last = this.state.lastFetchAt;
      const wait = last === null ? 0 : last + interval - this.deps.now();
      if (wait <= 0) return;
      // Short naps, so Pause answers at once.
      await this.deps.sleep(Math.min(wait, 250));
    }
  }

  private async loop(): Promise<void> {
    await this.update({ status: 'running', error: null });
    for (;;) {
      const n = this.state.nextPage;
      if (this.state.lastPage !== null && n > this.state.lastPage) {
        await this.update({ status: 'done' });
        return;
      }
      let record: PageRecord;
      if (this.current && this.current.page === n) {
        record = this.current.record;
      } else {
        await this.waitForTurn();
        if (this.pauseRequested) {
          await this.update({ status: 'paused' });
          return;
        }
        const url = readingsPageUrl(this.pageUrl, n);
        let fetched: FetchedPage;
        try {
          fetched = await this.deps.fetchPage(url);
        } catch (error) {
          await this.update({ status: 'stopped', lastFetchAt: this.deps.now(), error: t('walkLoadError', String(n), error instanceof Error ? error.message : String(error)) });
          return;
        }
        const lastFetchAt = this.deps.now();
        if (fetched.status === 429) {
          const error = fetched.retryAfter ? t('walkTooManyRequestsWait', String(n), fetched.retryAfter) : t('walkTooManyRequests', String(n));
          await this.update({ status: 'stopped', lastFetchAt, error });
          return;
        }
        if (fetched.status < 200 || fetched.status >= 300) {
          await this.update({ status: 'stopped', lastFetchAt, error: t('walkHttpError', String(n), String(fetched.status)) });
          return;
        }
        record = this.deps.parse(fetched.html, url);
        this.state = { ...this.state, lastFetchAt };
        if (record.kind !== 'listing' || record.listingKind !== 'readings' || !record.loggedIn) {
          await this.update({ status: 'stopped', error: t('walkNotHistory', String(n)) });
          return;
        }
      }
      const entries = historyEntries(record);
      let summary: HistoryImportSummary;
      try {
        summary = await this.deps.importEntries(entries);
      } catch (error) {
        await this.update({ status: 'stopped', error: t('walkSaveError', String(n), error instanceof Error ? error.message : String(error)) });
        return;
      }
      const lastPage = record.pagination?.last ?? this.state.lastPage ?? n;
      const finished = n >= lastPage || record.blurbs.length === 0;
      await this.update({
        nextPage: n + 1,
        lastPage: Math.max(lastPage, n),
        pagesDone: this.state.pagesDone + 1,
        worksImported: this.state.worksImported + summary.works,
        savedAdded: this.state.savedAdded + summary.savedAdded,
        status: finished ? 'done' : 'running',
      });
      if (finished) return;
      if (this.pauseRequested) {
        await this.update({ status: 'paused' });
        return;
      }
    }
  }
}
