/**
 * The latest page report per tab, in the browser's session storage so it
 * survives the background worker being stopped, and is gone with the browser session.
 */
import type { PageReport } from './protocol';

/** The slice of `browser.storage.session` this needs. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface PageReports {
  save(tabId: number, report: PageReport): Promise<void>;
  get(tabId: number): Promise<PageReport | null>;
  forget(tabId: number): Promise<void>;
}

const keyFor = (tabId: number): string => `page-report:${tabId}`;

export function createPageReports(area: SessionArea): PageReports {
  return {
    async save(tabId, report) {
      await area.set({ [keyFor(tabId)]: report });
    },
    async get(tabId) {
      const stored = (await area.get(keyFor(tabId)))[keyFor(tabId)];
      return (stored as PageReport | undefined) ?? null;
    },
    async forget(tabId) {
      await area.remove(keyFor(tabId));
    },
  };
}
