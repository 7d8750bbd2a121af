/**
 * Focus for an element drawn or enabled only on a later render (an editor
 * closing, an Undo bringing a row back, a question appearing): the target is
 * remembered and focused right after the first render in which it exists and
 * can take focus — before the next key press can land on the page's body.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Returns `focusLater(target)`; `target` is asked after each render until it gives an enabled element. */
export function useFocusLater(): (target: () => HTMLElement | null) => void {
  const pending = useRef<(() => HTMLElement | null) | null>(null);
  useLayoutEffect(() => {
    const element = pending.current?.();
    if (element && !element.matches(':disabled')) {
      element.focus();
      pending.current = null;
    }
  });
  return (target) => {
    pending.current = target;
  };
}
