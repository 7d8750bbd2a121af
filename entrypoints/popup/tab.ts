/** The tab the popup is about, and asking its content script what it did. */
import { browser } from 'wxt/browser';
import type { TabRequest, TabState } from '../../utils/messaging/tab-protocol';

/** What the popup reads of a tab to tell which one it is about. */
export interface TabSeen {
  id?: number;
  active?: boolean;
  lastAccessed?: number;
  openerTabId?: number;
}

/**
 * When the popup is a tab of its own (Firefox for Android opens it as a page), the tab the reader came
 * from: the one that opened it, else the one of its window they used last before it. Null when there is none.
 */
export function tabCameFrom(own: TabSeen, tabs: readonly TabSeen[]): number | null {
  const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== own.id);
  const opener = others.find((tab) => tab.id === own.openerTabId);
  if (opener) return opener.id!;
  let last: TabSeen | null = null;
  for (const tab of others) if (!last || (tab.lastAccessed ?? 0) > (last.lastAccessed ?? 0)) last = tab;
  return last?.id ?? null;
}

/**
 * `popup.html?tab=<id>` (opened for a tab by name); else, when the popup is a tab of its own, the tab the
 * reader came from (tabCameFrom); else — the toolbar popup — the active tab of this window.
 */
export async function findTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null) {
    const id = Number(fromQuery);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  try {
    const own = await browser.tabs.getCurrent();
    if (own) return tabCameFrom(own, await browser.tabs.query({ windowId: own.windowId }));
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

export function isTabState(value: unknown): value is TabState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<TabState>;
  return typeof v.url === 'string' && Array.isArray(v.blurbs) && Array.isArray(v.results) && typeof v.pausedHere === 'boolean';
}

/**
 * The content script's answer, or null when there is none: not an archive
 * page, a page still loading, or a tab opened before the extension was.
 */
export async function askTab(tabId: number, message: TabRequest): Promise<TabState | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message);
    return isTabState(reply) ? reply : null;
  } catch {
    return null;
  }
}
