/**
 * The reader's rules in evaluation order: enable/disable, edit, move up or
 * down, delete. Plain buttons throughout, so every action is a Tab and an
 * Enter away; after a move, focus stays on the button that was pressed.
 * Every rule is drawn: for the popup's short list (the options page draws
 * only the rules in view, see RuleWindow).
 */
import { useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Rule } from '../../utils/rules/types';
import { useFocusAfterMove } from './move-focus';
import { RuleRow } from './RuleRow';

export interface RuleListProps {
  rules: readonly Rule[];
  onToggle(rule: Rule, enabled: boolean): void;
  onEdit(rule: Rule): void;
  onDelete(rule: Rule): void;
  onMove(rule: Rule, delta: -1 | 1): void;
  /** While a change is being saved: controls stay in place but do nothing. */
  busy?: boolean;
  /** Shown when there are no rules. */
  emptyMessage?: string;
}

export function RuleList({ rules, onToggle, onEdit, onDelete, onMove, busy = false, emptyMessage }: RuleListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const move = useFocusAfterMove(listRef, busy, onMove);

  if (rules.length === 0) {
    return <p class="sm-empty">{emptyMessage ?? t('ruleListEmpty')}</p>;
  }

  return (
    <ol class="sm-rule-list" ref={listRef} aria-busy={busy || undefined}>
      {rules.map((rule, index) => (
        <RuleRow
          key={rule.id}
          rule={rule}
          first={index === 0}
          last={index === rules.length - 1}
          onToggle={onToggle}
          onEdit={onEdit}
          onDelete={onDelete}
          move={move}
        />
      ))}
    </ol>
  );
}
