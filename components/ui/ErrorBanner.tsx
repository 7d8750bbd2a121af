/** A dismissible error message ("Couldn't save the rule: … ×"); renders nothing without an error. */
import { t } from '../../utils/i18n';

export interface ErrorBannerProps {
  error: string | null;
  onDismiss(): void;
  /** An extra class for where the banner sits. */
  class?: string;
}

export function ErrorBanner({ error, onDismiss, class: extra }: ErrorBannerProps) {
  if (!error) return null;
  return (
    <div class={extra ? `sm-error-banner ${extra}` : 'sm-error-banner'} role="alert">
      <span>{error}</span>
      <button type="button" class="sm-icon-button" aria-label={t('buttonDismiss')} title={t('buttonDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
