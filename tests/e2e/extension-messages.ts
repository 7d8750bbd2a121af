import type { Page } from 'playwright-core';
import type { Reply, RequestOf, RequestType } from '../../utils/messaging/protocol';

/** Sends one protocol request from an extension page, as the popup or options page would. */
export async function sendFromPage<T extends RequestType>(page: Page, request: RequestOf<T>): Promise<Reply<T>> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), request as unknown) as Promise<Reply<T>>;
}

/** Like sendFromPage, throwing on an error reply. */
export async function requestFromPage<T extends RequestType>(page: Page, request: RequestOf<T>): Promise<Extract<Reply<T>, { ok: true }>['value']> {
  const reply = await sendFromPage(page, request);
  if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
  return reply.value;
}
