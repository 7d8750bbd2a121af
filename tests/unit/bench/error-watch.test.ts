import { describe, expect, it } from 'vitest';
import { watchErrors, type RuntimeEvents } from '../../../scripts/lib/error-watch';

/** A DevTools session stand-in: records the listeners, lets the test emit events. */
function fakeTarget() {
  const listeners = new Map<string, Array<(params: Record<string, unknown>) => void>>();
  const target: RuntimeEvents = {
    send: async () => ({}),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
  };
  const emit = (event: string, params: Record<string, unknown>) => listeners.get(event)?.forEach((listener) => listener(params));
  return { target, emit };
}

describe('the soak\'s error watch', () => {
  it('counts console errors and uncaught exceptions in the contexts claimed, and nothing else', async () => {
    const { target, emit } = fakeTarget();
    const found: string[] = [];
    await watchErrors(target, 'archive page', found, (context) => context.origin === 'chrome-extension://abc');
    emit('Runtime.executionContextCreated', { context: { id: 1, origin: 'https://archiveofourown.org', name: '' } });
    emit('Runtime.executionContextCreated', { context: { id: 2, origin: 'chrome-extension://abc', name: 'Shelfmark' } });

    emit('Runtime.exceptionThrown', { exceptionDetails: { text: 'Uncaught', executionContextId: 1, exception: { description: 'ReferenceError: $j is not defined' } } });
    emit('Runtime.consoleAPICalled', { type: 'error', executionContextId: 1, args: [{ type: 'string', value: 'the page itself' }] });
    emit('Runtime.consoleAPICalled', { type: 'log', executionContextId: 2, args: [{ type: 'string', value: 'just a log' }] });
    expect(found).toEqual([]);

    emit('Runtime.consoleAPICalled', { type: 'error', executionContextId: 2, args: [{ type: 'string', value: 'Shelfmark:' }, { type: 'object', description: 'Error: boom' }] });
    emit('Runtime.exceptionThrown', { exceptionDetails: { text: 'Uncaught', executionContextId: 2, exception: { description: 'TypeError: x is undefined' } } });
    emit('Runtime.consoleAPICalled', { type: 'assert', executionContextId: 2, args: [] });
    expect(found).toEqual([
      'archive page: console.error: Shelfmark: Error: boom',
      'archive page: TypeError: x is undefined',
      'archive page: console.assert: ',
    ]);
  });
});
