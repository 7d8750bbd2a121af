/** The History walk over the real History / Marked for Later pages (parsed with linkedom), with a fake clock. */
import { expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import type { HistoryEntry } from '../../../utils/db/history-entry';
import type { HistoryImportSummary } from '../../../utils/db/history-import';
import { historyEntries, readingsPageUrl, readingsViewKey } from '../../../utils/reading/history-entries';
import { freshWalk, HistoryWalk, restoredWalk, type FetchedPage, type WalkState } from '../../../utils/reading/history-walk';
import { parseArchiveHtml } from '../../../scripts/lib/html';
import { realPage, realPageHtml } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

const MARKED = 'readings-marked-for-later.html';
const HISTORY = 'readings-history.html';

describeRealPages('history entries from the real pages', () => {
  it('History: last visit, visits, and the "(Marked for Later.)" works', () => {
    const { url } = realPage(HISTORY);
    const entries = historyEntries(readPage(parseArchiveHtml(realPageHtml(HISTORY)), url));
    expect(entries).toHaveLength(9);
    expect(entries[0]).toMatchObject({ workId: 18812038, lastVisited: '2026-03-15', visits: 7, markedForLater: true, work: { workId: 18812038, chapterCount: { posted: 1, expected: 1 } } });
    expect(entries.filter((e) => e.markedForLater).map((e) => e.workId)).toEqual([18812038]);
  });

  it('Marked for Later: every work is "to read"', () => {
    const { url } = realPage(MARKED);
    const entries = historyEntries(readPage(parseArchiveHtml(realPageHtml(MARKED)), url));
    expect(entries).toHaveLength(20);
    expect(entries.every((e) => e.markedForLater)).toBe(true);
  });

  it('builds page addresses of the same view', () => {
    const { url } = realPage(MARKED);
    expect(readingsPageUrl(url, 3)).toBe('https://archiveofourown.org/users/coracutiehale/readings?show=to-read&page=3');
    expect(readingsPageUrl('https://archiveofourown.org/users/u/readings?page=2&utf8=x', 5)).toBe('https://archiveofourown.org/users/u/readings?page=5');
    expect(readingsViewKey(url)).toBe('/users/coracutiehale/readings?show=to-read');
  });
});

/** A fake browser: pages by number, a clock that only moves when the walk sleeps. */
function harness(pages: Map<number, FetchedPage | (() => FetchedPage)>, baseUrl: string) {
  const clock = { now: 1_000_000 };
  const fetches: Array<{ url: string; at: number }> = [];
  const imported: HistoryEntry[][] = [];
  const store = new Map<string, WalkState>();
  const deps = {
    async fetchPage(url: string) {
      fetches.push({ url, at: clock.now });
      const n = Number(new URL(url).searchParams.get('page'));
      const page = pages.get(n);
      if (!page) return { status: 404, html: '', retryAfter: null };
      return typeof page === 'function' ? page() : page;
    },
    parse: (html: string, url: string) => readPage(parseArchiveHtml(html), url),
    async importEntries(entries: HistoryEntry[]): Promise<HistoryImportSummary> {
      imported.push(entries);
      return { works: entries.length, readingUpdated: entries.length, savedAdded: entries.filter((e) => e.markedForLater).length };
    },
    load: async (view: string) => store.get(view) ?? null,
    save: async (state: WalkState) => void store.set(state.view, structuredClone(state)),
    now: () => clock.now,
    sleep: async (ms: number) => void (clock.now += ms),
    onChange: () => {},
  };
  return { clock, fetches, imported, store, deps, baseUrl };
}

/** The real Marked for Later page with its pagination cut to `last` pages. */
function markedPage(last: number): string {
  return realPageHtml(MARKED).replace(/<ol class="pagination[\s\S]*?<\/ol>/, `<ol class="pagination actions pagy"><li class="previous"><span class="disabled">Previous</span></li><li><a href="?page=1">1</a></li><li><a href="?page=${last}">${last}</a></li><li class="next"><a href="?page=2">Next</a></li></ol>`);
}

describeRealPages('the History walk', () => {
  it('walks every page, one fetch at most every 3 seconds, using the open page for its own', async () => {
    const { url } = realPage(MARKED);
    const html = markedPage(3);
    const t = harness(new Map([[2, { status: 200, html, retryAfter: null }], [3, { status: 200, html, retryAfter: null }]]), url);
    const current = readPage(parseArchiveHtml(html), url);
    const walk = new HistoryWalk(url, freshWalk(readingsViewKey(url), 3), t.deps, { page: 1, record: current });
    await walk.run();
    expect(walk.state).toMatchObject({ status: 'done', pagesDone: 3, worksImported: 60, savedAdded: 60, nextPage: 4, lastPage: 3 });
    expect(t.fetches.map((f) => new URL(f.url).searchParams.get('page'))).toEqual(['2', '3']);
    expect(t.fetches[1]!.at - t.fetches[0]!.at).toBeGreaterThanOrEqual(3000);
    expect(t.imported).toHaveLength(3);
  });

  it('stops at a 429 with the page to resume from, and resumes there (after a restart)', async () => {
    const { url } = realPage(MARKED);
    const html = markedPage(4);
    let refused = true;
    const pages = new Map<number, FetchedPage | (() => FetchedPage)>([
      [1, { status: 200, html, retryAfter: null }],
      [2, { status: 200, html, retryAfter: null }],
      [3, () => (refused ? { status: 429, html: '', retryAfter: '60' } : { status: 200, html, retryAfter: null })],
      [4, { status: 200, html, retryAfter: null }],
    ]);
    const t = harness(pages, url);
    const view = readingsViewKey(url);
    const walk = new HistoryWalk(url, freshWalk(view, 4), t.deps, null);
    await walk.run();
    expect(walk.state).toMatchObject({ status: 'stopped', nextPage: 3, pagesDone: 2 });
    expect(walk.state.error).toMatch(/429 Too Many Requests\) at page 3 \(it asks to wait 60 seconds\)/);

    // "Restart": a new walk from what was saved.
    refused = false;
    const saved = restoredWalk(await t.deps.load(view));
    expect(saved).toMatchObject({ status: 'stopped', nextPage: 3 });
    const resumed = new HistoryWalk(url, saved!, t.deps, null);
    await resumed.run();
    expect(resumed.state).toMatchObject({ status: 'done', pagesDone: 4, worksImported: 80 });
    const pagesFetched = t.fetches.map((f) => new URL(f.url).searchParams.get('page'));
    expect(pagesFetched).toEqual(['1', '2', '3', '3', '4']);
    for (let i = 1; i < t.fetches.length; i++) expect(t.fetches[i]!.at - t.fetches[i - 1]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('pauses between pages; a walk saved as running comes back paused', async () => {
    const { url } = realPage(MARKED);
    const html = markedPage(5);
    const t = harness(new Map([1, 2, 3, 4, 5].map((n) => [n, { status: 200, html, retryAfter: null }])), url);
    const view = readingsViewKey(url);
    const walk = new HistoryWalk(url, freshWalk(view, 5), t.deps, null);
    const original = t.deps.importEntries;
    t.deps.importEntries = async (entries) => {
      if (t.imported.length === 1) walk.pause();
      return original(entries);
    };
    await walk.run();
    expect(walk.state).toMatchObject({ status: 'paused', nextPage: 3, pagesDone: 2 });
    expect(restoredWalk({ ...walk.state, status: 'running' })?.status).toBe('paused');
    await walk.run();
    expect(walk.state).toMatchObject({ status: 'done', pagesDone: 5 });
  });

  it('stops on an error page or a page that is not the History (logged out)', async () => {
    const { url } = realPage(MARKED);
    const t = harness(new Map([[1, { status: 500, html: '', retryAfter: null }]]), url);
    const walk = new HistoryWalk(url, freshWalk(readingsViewKey(url), 2), t.deps, null);
    await walk.run();
    expect(walk.state).toMatchObject({ status: 'stopped', nextPage: 1 });
    expect(walk.state.error).toMatch(/Page 1 could not be loaded \(HTTP 500\)/);
    const login = realPageHtml('restricted-15461226-login.html');
    const t2 = harness(new Map([[1, { status: 200, html: login, retryAfter: null }]]), url);
    const walk2 = new HistoryWalk(url, freshWalk(readingsViewKey(url), 2), t2.deps, null);
    await walk2.run();
    expect(walk2.state.error).toMatch(/not your History — are you still logged in/);
  });
});
