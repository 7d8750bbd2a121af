/** Sending requests to the background, for content scripts and extension pages. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { Reply, ReplyValue, RequestOf, RequestType } from './protocol';

export type SendRequest = <T extends RequestType>(request: RequestOf<T>) => Promise<Reply<T>>;

export const sendRequest: SendRequest = async (request) => {
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    return { ok: false, error: t('backgroundNoAnswer') };
  }
  return reply as Reply<typeof request.type>;
};

export class RequestFailed extends Error {}

/** The reply's value, or a RequestFailed carrying the background's message. */
export async function request<T extends RequestType>(message: RequestOf<T>, send: SendRequest = sendRequest): Promise<ReplyValue<T>> {
  const reply = await send(message);
  if (!reply.ok) throw new RequestFailed(reply.error);
  return reply.value;
}
