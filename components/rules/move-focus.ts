/**
 * Focus after moving a rule: its row is drawn again elsewhere in the list
 * (and the browser drops focus from a moved element), so the button that was
 * pressed gets focus back — or the other arrow, once the rule has reached the
 * top or the bottom.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Rule } from '../../utils/rules/types';

type Control = 'up' | 'down';

/**
 * Returns `move(rule, delta)`, which calls `onMove` and remembers where
 * focus belongs; it is put back after each render of the list in `listRef`
 * until the changes are saved (`busy` is over).
 */
export function useFocusAfterMove(
  listRef: RefObject<HTMLElement | null>,
  busy: boolean,
  onMove: (rule: Rule, delta: -1 | 1) => void,
): (rule: Rule, delta: -1 | 1) => void {
  const pending = useRef<{ id: string; control: Control } | null>(null);
  useLayoutEffect(() => {
    const wanted = pending.current;
    if (!wanted || !listRef.current) return;
    const row = listRef.current.querySelector(`[data-rule-id="${CSS.escape(wanted.id)}"]`);
    if (!row) return;
    const pressed = row.querySelector<HTMLButtonElement>(`[data-control="${wanted.control}"]`);
    const other = row.querySelector<HTMLButtonElement>(`[data-control="${wanted.control === 'up' ? 'down' : 'up'}"]`);
    const target = pressed && !pressed.disabled ? pressed : other;
    if (target && document.activeElement !== target) target.focus();
    if (!busy) pending.current = null;
  });
  return (rule, delta) => {
    pending.current = { id: rule.id, control: delta < 0 ? 'up' : 'down' };
    onMove(rule, delta);
  };
}
