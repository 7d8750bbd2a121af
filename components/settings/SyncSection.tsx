/**
 * Settings › Sync: the switch, what browser sync holds (bytes used of its 100 KB, what is
 * synced and what stays on this device, and why), when this device last sent and received,
 * any problem, and removing Shelfmark's copy from browser sync (after a confirmation).
 * On Firefox for Android, which never syncs add-ons' data, it says so instead.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../utils/db/settings';
import { t, tn } from '../../utils/i18n';
import { request } from '../../utils/messaging/client';
import type { SyncStatus } from '../../utils/sync/engine';
import { ErrorBanner } from '../ui/ErrorBanner';
import { errorText, formatBytes, formatDateTime } from '../ui/format';

/** While the section is open its figures follow the engine (another device's change lands within seconds). */
const REFRESH_MS = 5_000;

export interface SyncSectionProps {
  settings: Settings | null;
  onChange(values: Partial<Settings>): void;
}

function problemText(status: SyncStatus): string | null {
  const problem = status.problem;
  if (!problem) return null;
  switch (problem.kind) {
    case 'partial':
      return t('syncProblemPartial');
    case 'corrupt':
      return t('syncProblemCorrupt');
    case 'newer':
      return t('syncProblemNewer');
    case 'write-failed':
      return t('syncProblemWrite', problem.detail ?? '');
    case 'error':
      return t('syncProblemError', problem.detail ?? '');
  }
}

export function SyncSection({ settings, onChange }: SyncSectionProps) {
  const id = useId();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus((await request({ type: 'sync/status' })).status);
      setError(null);
    } catch (e) {
      setError(t('syncStatusFailed', errorText(e)));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, settings?.syncEnabled]);

  useEffect(() => {
    if (asking) cancelButton.current?.focus();
  }, [asking]);

  const remove = async () => {
    setAsking(false);
    try {
      await request({ type: 'sync/remove', confirm: true });
      setNotice(t('syncRemoved'));
      onChange({ syncEnabled: false });
      await refresh();
    } catch (e) {
      setError(t('failedWithMessage', t('syncRemoveYes'), errorText(e)));
    }
    removeButton.current?.focus();
  };

  const enabled = settings?.syncEnabled ?? false;
  const problem = status && problemText(status);
  return (
    <section class="sm-settings-group" aria-labelledby={`${id}-title`} data-testid="sync-settings">
      <h2 id={`${id}-title`} class="sm-section-title">
        {t('settingsSync')}
      </h2>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {status && !status.available ? (
        <p class="sm-hint" data-testid="sync-unavailable">
          {t('syncUnavailable')}
        </p>
      ) : (
        <>
          <div class="sm-setting">
            <label class="sm-switch">
              <input
                type="checkbox"
                role="switch"
                checked={enabled}
                disabled={settings === null || status === null}
                aria-describedby={`${id}-hint`}
                onChange={(e) => onChange({ syncEnabled: e.currentTarget.checked })}
              />
              <span class="sm-setting-title">{t('syncSwitch')}</span>
            </label>
            <p class="sm-hint" id={`${id}-hint`}>
              {t('syncSwitchHint')}
            </p>
          </div>
          {status && (
            <div class="sm-setting" aria-live="polite" data-testid="sync-status">
              {!enabled && <p>{t('syncOff')}</p>}
              {problem && (
                <p class="sm-sync-problem" role="status" data-testid="sync-problem">
                  {problem}
                </p>
              )}
              <p data-testid="sync-usage">{t('syncUsage', formatBytes(status.bytes), formatBytes(status.quotaBytes))}</p>
              <p>{t('syncLastSent', status.lastSent === null ? t('syncNever') : formatDateTime(status.lastSent))}</p>
              <p>{t('syncLastReceived', status.lastReceived === null ? t('syncNever') : formatDateTime(status.lastReceived))}</p>
              {status.pending && <p>{t('syncPending')}</p>}
              <h3 class="sm-setting-title">{t('syncWhatTitle')}</h3>
              <ul data-testid="sync-synced">
                <li>{tn('syncRules', status.synced?.rules ?? 0)}</li>
                <li>{t('syncSettingsSynced')}</li>
                <li>{tn('syncSaved', status.synced?.saved ?? 0)}</li>
                <li>{tn('syncProgress', status.synced?.progress ?? 0)}</li>
              </ul>
              {status.leftOut && (status.leftOut.rules > 0 || status.leftOut.saved > 0 || status.leftOut.progress > 0) && (
                <ul data-testid="sync-left-out">
                  {status.leftOut.rules > 0 && <li>{tn('syncLeftRules', status.leftOut.rules)}</li>}
                  {status.leftOut.saved > 0 && <li>{tn('syncLeftSaved', status.leftOut.saved)}</li>}
                  {status.leftOut.progress > 0 && <li>{tn('syncLeftProgress', status.leftOut.progress)}</li>}
                </ul>
              )}
              <h3 class="sm-setting-title">{t('syncLocalTitle')}</h3>
              <p class="sm-hint">{t('syncLocalList')}</p>
            </div>
          )}
          <div class="sm-setting">
            {notice && <p role="status">{notice}</p>}
            {asking ? (
              <div role="group" aria-labelledby={`${id}-confirm`}>
                <p id={`${id}-confirm`}>{t('syncRemoveConfirm')}</p>
                <button type="button" class="sm-button sm-danger" onClick={() => void remove()}>
                  {t('syncRemoveYes')}
                </button>{' '}
                <button type="button" class="sm-button" ref={cancelButton} onClick={() => { setAsking(false); removeButton.current?.focus(); }}>
                  {t('syncRemoveCancel')}
                </button>
              </div>
            ) : (
              <button type="button" class="sm-button" ref={removeButton} disabled={status === null} onClick={() => { setNotice(null); setAsking(true); }}>
                {t('syncRemove')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
