/**
 * The reader's rules in evaluation order: enable/disable, edit, move up or
 * down, delete. Plain buttons throughout, so every action is a Tab and an
 * Enter away; after a move, focus stays on the button that was pressed.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { describeMatch, ruleLabel } from '../../utils/rules/labels';
import type { Rule } from '../../utils/rules/types';

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

type Control = 'up' | 'down';

/** One line about where the rule applies and what it spares, or null. */
export function ruleConditions(rule: Rule): string | null {
  const parts: string[] = [];
  if (rule.scope?.fandoms.length) parts.push(t('ruleOnlyIn', rule.scope.fandoms.join(', ')));
  if (rule.exceptions?.tags.length) parts.push(t('ruleExcept', rule.exceptions.tags.join(', ')));
  return parts.length ? parts.join('; ') : null;
}

export function RuleList({ rules, onToggle, onEdit, onDelete, onMove, busy = false, emptyMessage }: RuleListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; control: Control } | null>(null);

  // After a move the row is re-rendered elsewhere: put focus back on its button
  // (or on the other one, when the rule reached the top or the bottom).
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !listRef.current) return;
    const row = listRef.current.querySelector(`[data-rule-id="${CSS.escape(pending.id)}"]`);
    if (!row) return;
    const wanted = row.querySelector<HTMLButtonElement>(`[data-control="${pending.control}"]`);
    const other = row.querySelector<HTMLButtonElement>(`[data-control="${pending.control === 'up' ? 'down' : 'up'}"]`);
    const target = wanted && !wanted.disabled ? wanted : other;
    if (target && document.activeElement !== target) target.focus();
    if (!busy) pendingFocus.current = null;
  }, [rules, busy]);

  if (rules.length === 0) {
    return <p class="sm-empty">{emptyMessage ?? t('ruleListEmpty')}</p>;
  }

  const move = (rule: Rule, delta: -1 | 1) => {
    if (busy) return;
    pendingFocus.current = { id: rule.id, control: delta < 0 ? 'up' : 'down' };
    onMove(rule, delta);
  };

  return (
    <ol class="sm-rule-list" ref={listRef} aria-busy={busy || undefined}>
      {rules.map((rule, index) => {
        const name = ruleLabel(rule);
        const detail = rule.label ? describeMatch(rule.match) : null;
        const conditions = ruleConditions(rule);
        return (
          <li key={rule.id} class={rule.enabled ? 'sm-rule' : 'sm-rule sm-rule-disabled'} data-rule-id={rule.id}>
            <input
              type="checkbox"
              class="sm-rule-toggle"
              checked={rule.enabled}
              aria-label={t('ruleEnabledFor', name)}
              title={t(rule.enabled ? 'ruleEnabledTitle' : 'ruleDisabledTitle')}
              onChange={(event) => {
                if (busy) {
                  event.currentTarget.checked = rule.enabled;
                  return;
                }
                onToggle(rule, event.currentTarget.checked);
              }}
            />
            <div class="sm-rule-text">
              <span class="sm-rule-name">
                <span class={`sm-badge sm-badge-${rule.action}`} style={rule.action === 'highlight' && rule.color ? { '--sm-swatch': rule.color } : undefined}>
                  {t(rule.action === 'hide' ? 'ruleBadgeHide' : 'ruleBadgeHighlight')}
                </span>{' '}
                {name}
              </span>
              {detail && <span class="sm-rule-detail">{detail}</span>}
              {conditions && <span class="sm-rule-detail">{conditions}</span>}
              {!rule.enabled && <span class="sm-rule-detail">{t('ruleTurnedOff')}</span>}
            </div>
            <div class="sm-rule-actions">
              <button
                type="button"
                class="sm-icon-button"
                data-control="up"
                aria-label={t('ruleMoveUpFor', name)}
                title={t('ruleMoveUp')}
                disabled={index === 0}
                onClick={() => move(rule, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="sm-icon-button"
                data-control="down"
                aria-label={t('ruleMoveDownFor', name)}
                title={t('ruleMoveDown')}
                disabled={index === rules.length - 1}
                onClick={() => move(rule, 1)}
              >
                ↓
              </button>
              <button type="button" class="sm-text-button" aria-label={t('ruleEditFor', name)} onClick={() => !busy && onEdit(rule)}>
                {t('buttonEdit')}
              </button>
              <button type="button" class="sm-text-button sm-danger-text" aria-label={t('ruleDeleteFor', name)} onClick={() => !busy && onDelete(rule)}>
                {t('buttonDelete')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
