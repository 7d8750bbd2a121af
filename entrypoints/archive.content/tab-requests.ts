/** Answers the popup's requests about this tab (tab-protocol.ts); anything else is ignored. */
import { browser } from 'wxt/browser';
import { isTabRequest, type TabRequest, type TabState } from '../../utils/messaging/tab-protocol';

export interface TabRequestHandlers {
  state(): TabState;
  pause(paused: boolean): TabState;
}

export function answerTabRequests(handlers: TabRequestHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's own pages (the popup) ask: never other extensions, never a content script.
    if (sender.id !== browser.runtime.id || sender.tab || !isTabRequest(message)) return undefined;
    const request: TabRequest = message;
    return Promise.resolve(request.type === 'tab/state' ? handlers.state() : handlers.pause(request.paused));
  });
}
