/**
 * Where focus goes after the rule editor closes or an Undo brings a rule back:
 * the element is drawn only on a later render, so the target is remembered by
 * selector and focused once it exists.
 */
import { useRef } from 'preact/hooks';
import { useFocusLater } from '../ui/focus-later';

/** The selector of a rule's on/off switch in a RuleList. */
export function ruleToggleSelector(ruleId: string): string {
  return `[data-rule-id="${CSS.escape(ruleId)}"] .sm-rule-toggle`;
}

/**
 * Returns `focusLater(selector)`: the element is focused after the first
 * render in which `listShown` is true and it is there.
 */
export function useReturnFocus(listShown: boolean): (selector: string) => void {
  const shown = useRef(listShown);
  shown.current = listShown;
  const focusLater = useFocusLater();
  return (selector) => focusLater(() => (shown.current ? document.querySelector<HTMLElement>(selector) : null));
}
