/**
 * One rule in a rule list: its on/off switch, what it matches, and buttons to
 * move it up or down, edit it or delete it. Shared by the popup's list and
 * the options page's virtualised one.
 */
import type { CSSProperties } from 'preact';
import { t } from '../../utils/i18n';
import { describeMatch, ruleLabel } from '../../utils/rules/labels';
import type { Rule } from '../../utils/rules/types';
import { severityName } from './form';

export interface RuleActions {
  onToggle(rule: Rule, enabled: boolean): void;
  onEdit(rule: Rule): void;
  onDelete(rule: Rule): void;
  /** Moves the rule one place; the list keeps focus on the pressed button (see useFocusAfterMove). */
  move(rule: Rule, delta: -1 | 1): void;
}

export interface RuleRowProps extends RuleActions {
  rule: Rule;
  first: boolean;
  last: boolean;
  /** Every detail on one line (cut with an ellipsis, whole in its tooltip), for rows of one fixed height. */
  compact?: boolean;
  /** For a virtualised list: where the row is drawn and which of how many it is. */
  style?: CSSProperties;
  position?: { index: number; size: number };
}

/** One line about where the rule applies and what it spares, or null. */
export function ruleConditions(rule: Rule): string | null {
  const parts: string[] = [];
  if (rule.scope?.fandoms.length) parts.push(t('ruleOnlyIn', rule.scope.fandoms.join(', ')));
  if (rule.exceptions?.tags.length) parts.push(t('ruleExcept', rule.exceptions.tags.join(', ')));
  return parts.length ? parts.join('; ') : null;
}

export function RuleRow({ rule, first, last, compact = false, style, position, onToggle, onEdit, onDelete, move }: RuleRowProps) {
  const name = ruleLabel(rule);
  const severity = rule.action === 'hide' && rule.severity ? t('labelAndValue', t('editorSeverity'), t(severityName(rule.severity))) : null;
  const details = [rule.label ? describeMatch(rule.match) : null, ruleConditions(rule), severity, rule.enabled ? null : t('ruleTurnedOff')].filter(
    (detail): detail is string => detail !== null,
  );
  const detailLine = details.join(' · ');
  return (
    <li
      class={rule.enabled ? 'sm-rule' : 'sm-rule sm-rule-disabled'}
      data-rule-id={rule.id}
      style={style}
      aria-posinset={position ? position.index + 1 : undefined}
      aria-setsize={position?.size}
    >
      <input
        type="checkbox"
        class="sm-rule-toggle"
        checked={rule.enabled}
        aria-label={t('ruleEnabledFor', name)}
        title={t(rule.enabled ? 'ruleEnabledTitle' : 'ruleDisabledTitle')}
        onChange={(event) => onToggle(rule, event.currentTarget.checked)}
      />
      <div class="sm-rule-text">
        <span class="sm-rule-name" title={compact ? name : undefined}>
          <span class={`sm-badge sm-badge-${rule.action}`} style={rule.action === 'highlight' && rule.color ? { '--sm-swatch': rule.color } : undefined}>
            {t(rule.action === 'hide' ? 'ruleBadgeHide' : 'ruleBadgeHighlight')}
          </span>{' '}
          {name}
        </span>
        {compact
          ? details.length > 0 && (
              <span class="sm-rule-detail" title={detailLine}>
                {detailLine}
              </span>
            )
          : details.map((detail) => (
              <span key={detail} class="sm-rule-detail">
                {detail}
              </span>
            ))}
      </div>
      <div class="sm-rule-actions">
        <button type="button" class="sm-icon-button" data-control="up" aria-label={t('ruleMoveUpFor', name)} title={t('ruleMoveUp')} disabled={first} onClick={() => move(rule, -1)}>
          ↑
        </button>
        <button type="button" class="sm-icon-button" data-control="down" aria-label={t('ruleMoveDownFor', name)} title={t('ruleMoveDown')} disabled={last} onClick={() => move(rule, 1)}>
          ↓
        </button>
        <button type="button" class="sm-text-button" aria-label={t('ruleEditFor', name)} onClick={() => onEdit(rule)}>
          {t('buttonEdit')}
        </button>
        <button type="button" class="sm-text-button sm-danger-text" aria-label={t('ruleDeleteFor', name)} onClick={() => onDelete(rule)}>
          {t('buttonDelete')}
        </button>
      </div>
    </li>
  );
}
