/**
 * On the reader's own History and Marked for Later pages (logged in): import
 * them into Shelfmark.
 *
 * - "Import these 20 works": the page already open, in one message.
 * - "Import my whole History": a walk over every page of it (history-walk.ts),
 *   one page at most every 3 seconds, with a progress bar, Pause and Resume;
 *   its progress is kept in storage.local, so it resumes after a reload or a
 *   browser restart, and a 429 or any failure stops it with a message.
 *
 * Once an import ends, the page asks for its works' states again (one
 * message) and redraws their badges and Save controls; the button then offers
 * only the works still to import (none: it says so instead).
 *
 * These are the reader's own History pages: fetching them adds no hits to
 * anyone's works.
 */
import { browser } from 'wxt/browser';
import { readPage } from '../../../utils/ao3/page';
import type { PageRecord } from '../../../utils/ao3/types';
import type { HistoryEntry } from '../../../utils/db/history-entry';
import type { HistoryImportSummary } from '../../../utils/db/history-import';
import type { WorkState } from '../../../utils/db/work-state';
import { t, tn } from '../../../utils/i18n';
import { request } from '../../../utils/messaging/client';
import { entriesToImport, historyEntries, isOwnReadings, readingsViewKey } from '../../../utils/reading/history-entries';
import { freshWalk, HistoryWalk, restoredWalk, type FetchedPage, type WalkState } from '../../../utils/reading/history-walk';
import { h } from '../dom';

const storageKey = (view: string) => `historyImport:${view}`;

async function loadWalk(view: string): Promise<WalkState | null> {
  try {
    const stored = await browser.storage.local.get(storageKey(view));
    const value = stored[storageKey(view)] as WalkState | undefined;
    return value && value.view === view ? value : null;
  } catch {
    return null;
  }
}

async function saveWalk(state: WalkState): Promise<void> {
  try {
    await browser.storage.local.set({ [storageKey(state.view)]: state });
  } catch {
    // Without storage the walk still runs; it just can't resume after a restart.
  }
}

/**
 * Each page waits its turn in the background's one polite queue to the archive, shared with the
 * tag pages it fetches (utils/wrangling/archive-queue.ts): one request every 3 seconds across both,
 * none while the archive asked to wait. A refusal is reported back, so the queue waits too.
 */
async function fetchPage(url: string): Promise<FetchedPage> {
  const turn = await request({ type: 'archive/turn' }).catch(() => null);
  if (turn && !turn.granted) throw new Error(t('archiveAskedToWait', new Date(turn.retryAt).toLocaleTimeString()));
  const response = await fetch(url, { credentials: 'include', headers: { Accept: 'text/html' } });
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 || response.status === 503) void request({ type: 'archive/refused', status: response.status, retryAfter }).catch(() => undefined);
  return { status: response.status, html: response.ok ? await response.text() : '', retryAfter };
}

function parse(html: string, url: string): PageRecord {
  return readPage(new DOMParser().parseFromString(html, 'text/html'), url);
}

const sendEntries = async (entries: HistoryEntry[]): Promise<HistoryImportSummary> =>
  (await request({ type: 'history/import', entries })).summary;

/** Asks for the page's works' states again and redraws what shows them; null when the background didn't answer. */
export type RefreshStates = () => Promise<ReadonlyMap<number, WorkState> | null>;

export class HistoryImportPanel {
  private readonly view: string;
  private readonly allEntries: HistoryEntry[];
  /** The page's works an import would still change. */
  private entries: HistoryEntry[];
  private readonly panel = h('div', { class: 'shelfmark-notice shelfmark-history-import', attrs: { role: 'region', 'aria-label': t('importRegion') } });
  private readonly message = h('span', { class: 'shelfmark-notice-text', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly progress = h('progress', { class: 'shelfmark-progress', attrs: { max: '1', value: '0' } });
  private readonly importPage = h('button', { class: 'shelfmark-button shelfmark-import-page', attrs: { type: 'button' } });
  private readonly pageDone = h('span', { class: 'shelfmark-import-page-done' }, t('importPageDone'));
  private readonly walkButton = h('button', { class: 'shelfmark-button shelfmark-import-all', attrs: { type: 'button' } });
  private walk: HistoryWalk;

  constructor(
    private readonly page: PageRecord,
    private readonly url: string,
    states: ReadonlyMap<number, WorkState>,
    private readonly refreshStates: RefreshStates,
  ) {
    this.view = readingsViewKey(url);
    this.allEntries = historyEntries(page);
    this.entries = entriesToImport(this.allEntries, states);
    const current = page.pagination?.current ?? 1;
    this.walk = this.newWalk(freshWalk(this.view, page.pagination?.last ?? current));
    this.showPageButton();
    this.importPage.addEventListener('click', () => void this.importThisPage());
    this.walkButton.addEventListener('click', () => this.toggleWalk());
  }

  /** "Import these 3 works": those still to import; once there are none, a line saying so instead. */
  private showPageButton(): void {
    const none = this.entries.length === 0 && this.allEntries.length > 0;
    this.importPage.textContent = tn('importThese', this.entries.length);
    this.importPage.disabled = this.entries.length === 0;
    this.importPage.hidden = none;
    this.pageDone.hidden = !none;
  }

  /** After an import: the states again (badges and Save controls redrawn), and what is left to import. */
  private async afterImport(): Promise<void> {
    const states = await this.refreshStates();
    if (!states) return;
    this.entries = entriesToImport(this.allEntries, states);
    this.showPageButton();
  }

  private get marked(): boolean {
    return this.page.readingsView === 'marked-for-later';
  }

  private newWalk(state: WalkState): HistoryWalk {
    const current = this.page.pagination?.current ?? 1;
    return new HistoryWalk(this.url, state, {
      fetchPage,
      parse,
      importEntries: sendEntries,
      load: loadWalk,
      save: saveWalk,
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onChange: () => this.render(),
    }, { page: current, record: this.page });
  }

  /** Drawn before the blurbs paint, above the list: nothing moves once the page shows. */
  draw(): void {
    const list = document.querySelector('#main ol.reading.work.index') ?? document.querySelector('#main ol.index');
    const anchor = list ?? document.querySelector('#main h2.heading');
    if (!anchor) return;
    this.panel.append(
      h('span', { class: 'shelfmark-reading-label' }, t('shelfmarkLabel')),
      this.importPage,
      this.pageDone,
      this.walkButton,
      this.progress,
      this.message,
    );
    if (list) list.before(this.panel);
    else anchor.after(this.panel);
    this.render();
    void loadWalk(this.view).then((saved) => {
      const restored = restoredWalk(saved);
      if (restored && !this.walk.isRunning) {
        this.walk = this.newWalk(restored);
        this.render();
      }
    });
  }

  private async importThisPage(): Promise<void> {
    this.importPage.disabled = true;
    try {
      const summary = await sendEntries(this.entries);
      const saved = summary.savedAdded > 0 ? ` ${tn('importSavedToRead', summary.savedAdded)}` : '';
      this.message.textContent = `${tn('importedFromPage', summary.works)}${saved}`;
      await this.afterImport();
    } catch (error) {
      this.message.textContent = t('importPageFailed', error instanceof Error ? error.message : String(error));
    } finally {
      this.showPageButton();
    }
  }

  private toggleWalk(): void {
    if (this.walk.isRunning) {
      this.walk.pause();
      this.walkButton.textContent = t('importPausing');
      this.walkButton.disabled = true;
      return;
    }
    void this.walk.run().finally(() => {
      this.render();
      return this.afterImport();
    });
    this.render();
  }

  private render(): void {
    const state = this.walk.state;
    const running = this.walk.isRunning;
    this.walkButton.disabled = false;
    if (running) this.walkButton.textContent = t('importPause');
    else if (state.status === 'paused' || state.status === 'stopped') this.walkButton.textContent = t('importResume', state.nextPage.toLocaleString());
    else this.walkButton.textContent = this.walkLabel(state.status === 'done', state.lastPage);
    this.walkButton.setAttribute('aria-pressed', String(running));

    const total = state.lastPage ?? 0;
    const showProgress = state.status !== 'idle' && total > 0;
    this.progress.hidden = !showProgress;
    this.progress.max = Math.max(1, total);
    this.progress.value = Math.min(state.pagesDone, total);
    this.progress.setAttribute('aria-label', tn('importProgressLabel', total, state.pagesDone.toLocaleString()));

    const done = `${tn('importPagesOf', state.pagesDone, total.toLocaleString())}, ${tn('importWorksImported', state.worksImported)}`;
    const doneAndSaved = state.savedAdded > 0 ? `${done}, ${tn('importSavedAdded', state.savedAdded)}` : done;
    switch (state.status) {
      case 'running':
        this.message.textContent = t('importRunning', state.nextPage.toLocaleString(), total.toLocaleString(), doneAndSaved);
        break;
      case 'paused':
        this.message.textContent = t('importPaused', doneAndSaved);
        break;
      case 'stopped':
        this.message.textContent = t('importStopped', state.error ?? t('importSomethingWrong'), done);
        break;
      case 'done':
        this.message.textContent = t('importFinished', doneAndSaved);
        break;
      default:
        if (!this.message.textContent) this.message.textContent = t(this.marked ? 'importMarkedHint' : 'importHistoryHint');
    }
  }

  /** "Import my whole History (12 pages)", "Import again", … */
  private walkLabel(again: boolean, pages: number | null): string {
    if (pages === null) return t(again ? 'importAgain' : this.marked ? 'importAllMarked' : 'importWholeHistory');
    return tn(again ? 'importAgainPages' : this.marked ? 'importAllMarkedPages' : 'importWholeHistoryPages', pages);
  }
}

/** On the reader's own History or Marked for Later page, the import panel. */
export function offerHistoryImport(
  page: PageRecord,
  url: string,
  states: ReadonlyMap<number, WorkState>,
  refreshStates: RefreshStates,
): HistoryImportPanel | null {
  if (!isOwnReadings(page)) return null;
  const panel = new HistoryImportPanel(page, url, states, refreshStates);
  panel.draw();
  return panel;
}
