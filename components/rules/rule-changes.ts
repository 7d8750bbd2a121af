/**
 * Changes to the rules made from a list (a switch, a move, a delete, an
 * import), saved one after another in the order the reader made them. None
 * is dropped while another is saving: Space pressed twice on a rule's switch
 * turns it off and on again, however slow the background is to answer.
 */
import { useCallback, useRef, useState } from 'preact/hooks';

export type RunChange = (what: string, action: () => Promise<void>) => Promise<void>;

/**
 * `change(what, action)` queues `action`; a failure goes to `onFailure` with `what` (the
 * sentence naming the change), and the queue goes on. `busy` while any change is queued.
 */
export function useRuleChanges(onFailure: (what: string, error: unknown) => Promise<void> | void): { busy: boolean; change: RunChange } {
  const [queued, setQueued] = useState(0);
  const tail = useRef<Promise<void>>(Promise.resolve());
  // The latest handler, so a change queued before a render reports through the current one.
  const failure = useRef(onFailure);
  failure.current = onFailure;
  const change = useCallback<RunChange>((what, action) => {
    setQueued((n) => n + 1);
    const run = tail.current
      .then(action)
      .catch((error: unknown) => failure.current(what, error))
      .finally(() => setQueued((n) => n - 1));
    tail.current = run;
    return run;
  }, []);
  return { busy: queued > 0, change };
}
