/**
 * A DevTools session on a target Playwright has no CDP handle for (an
 * extension's service worker), reached through a page's session: attached
 * without flattening, commands and events travel as messages to and from
 * the target.
 */
import type { CDPSession } from 'playwright-core';

export interface TargetSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

interface TargetMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
  method?: string;
  params?: Record<string, unknown>;
}

/** Attaches to the first target `matches` accepts, or throws when there is none. */
export async function attachToTarget(via: CDPSession, matches: (target: { type: string; url: string }) => boolean): Promise<TargetSession> {
  const { targetInfos } = await via.send('Target.getTargets');
  const target = targetInfos.find(matches);
  if (!target) throw new Error('no such target');
  const { sessionId } = await via.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });

  let lastId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Array<(params: Record<string, unknown>) => void>>();
  via.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as TargetMessage;
    if (message.id !== undefined) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
    }
  });

  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = ++lastId;
      const reply = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
      via.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: Error) => {
        pending.get(id)?.reject(error);
        pending.delete(id);
      });
      return reply;
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    async detach() {
      await via.send('Target.detachFromTarget', { sessionId });
    },
  };
}
