/**
 * Where focus goes after the rule editor closes or an Undo brings a rule back:
 * the element is drawn only on a later render, so the target is remembered by
 * selector and focused once it exists.
 */
import { useEffect, useRef } from 'preact/hooks';

/** The selector of a rule's on/off switch in a RuleList. */
export function ruleToggleSelector(ruleId: string): string {
  return `[data-rule-id="${CSS.escape(ruleId)}"] .sm-rule-toggle`;
}

/**
 * Returns `focusLater(selector)`. After each render in which `listShown` is
 * true and `changed` differs, the remembered element is focused if it is there.
 */
export function useReturnFocus(listShown: boolean, changed: unknown): (selector: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!listShown || !pending.current) return;
    const target = document.querySelector<HTMLElement>(pending.current);
    if (target) {
      target.focus();
      pending.current = null;
    }
  }, [listShown, changed]);
  return (selector) => {
    pending.current = selector;
  };
}
