/**
 * "Rule deleted. Undo" — stays until the reader acts on it, dismisses it or
 * another message replaces it (a timed toast would vanish from under
 * keyboard and screen reader users).
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';

export interface UndoBarProps {
  message: string;
  actionLabel?: string;
  onAction(): void;
  onDismiss(): void;
  /** Move focus to the action when the bar appears (after the focused control went away). */
  autoFocus?: boolean;
}

export function UndoBar({ message, actionLabel = t('buttonUndo'), onAction, onDismiss, autoFocus = false }: UndoBarProps) {
  const actionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) actionRef.current?.focus();
  }, [autoFocus, message]);
  return (
    <div class="sm-undo" role="status">
      <span class="sm-undo-message">{message}</span>
      <button type="button" ref={actionRef} class="sm-button sm-undo-action" onClick={onAction}>
        {actionLabel}
      </button>
      <button type="button" class="sm-icon-button" aria-label={t('buttonDismiss')} title={t('buttonDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
