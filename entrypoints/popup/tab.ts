/** The tab the popup is about, and asking its content script what it did. */
import { browser } from 'wxt/browser';
import type { TabRequest, TabState } from '../../utils/messaging/tab-protocol';

/** `popup.html?tab=<id>` (the popup opened in a tab of its own), else the active tab of this window. */
export async function findTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null) {
    const id = Number(fromQuery);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  try {
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
