import type { PageReport } from '../../utils/messaging/protocol';
import type { ExtensionSession } from './harness';

/**
 * Waits until the background holds the content script's report for the page
 * at `url` (reports are kept per tab in the session storage area).
 */
export async function waitForPageReport(session: ExtensionSession, url: string, timeoutMs = 10_000): Promise<PageReport> {
  const deadline = Date.now() + timeoutMs;
  const wanted = new URL(url).href;
  while (Date.now() < deadline) {
    const worker = await session.serviceWorker();
    const reports = (await worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.values(all);
    })) as PageReport[];
    const report = reports.find((r) => r && typeof r.url === 'string' && new URL(r.url).href === wanted);
    if (report) return report;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no page report for ${url} within ${timeoutMs} ms`);
}
