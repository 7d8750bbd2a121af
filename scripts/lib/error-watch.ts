/**
 * What DevTools would show as JavaScript errors in a target: `console.error`
 * and `console.assert` calls and uncaught exceptions, counted only in the
 * execution contexts the caller claims (on an archive page, the extension's
 * content script world, not the page's own scripts).
 */

/** The part of a DevTools session this needs: a Playwright CDPSession or a TargetSession. */
export interface RuntimeEvents {
  send(method: 'Runtime.enable'): Promise<unknown>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
}

export interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
}

interface RemoteValue {
  type?: string;
  value?: unknown;
  description?: string;
}

function describe(args: unknown): string {
  if (!Array.isArray(args)) return '';
  return (args as RemoteValue[]).map((arg) => (arg.value !== undefined ? String(arg.value) : (arg.description ?? arg.type ?? ''))).join(' ');
}

/**
 * Starts collecting into `found`, each entry prefixed with `where`. `ours`
 * picks the contexts to count; by default every context of the target.
 */
export async function watchErrors(
  target: RuntimeEvents,
  where: string,
  found: string[],
  ours: (context: ExecutionContext) => boolean = () => true,
): Promise<void> {
  const counted = new Set<number>();
  target.on('Runtime.executionContextCreated', (params) => {
    const context = params.context as ExecutionContext;
    if (ours(context)) counted.add(context.id);
  });
  target.on('Runtime.consoleAPICalled', (params) => {
    const type = params.type as string;
    if ((type === 'error' || type === 'assert') && counted.has(params.executionContextId as number)) {
      found.push(`${where}: console.${type}: ${describe(params.args)}`);
    }
  });
  target.on('Runtime.exceptionThrown', (params) => {
    const details = params.exceptionDetails as { text: string; executionContextId?: number; exception?: RemoteValue };
    if (details.executionContextId !== undefined && counted.has(details.executionContextId)) {
      found.push(`${where}: ${details.exception?.description ?? details.text}`);
    }
  });
  await target.send('Runtime.enable');
}
