/**
 * The works the reader chose to always see (from a placeholder, a dimmed
 * work or a work page's banner), on the options page's Rules tab: each named
 * where Shelfmark knows it (a work read or saved), linked to the archive,
 * with Remove and Undo. Changes go through the background, which mirrors
 * them to open tabs.
 */
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LISTING_CONFIG_KEY } from '../../utils/rules/listing-config';
import type { AlwaysShownWork } from '../../utils/db/always-show';
import { t } from '../../utils/i18n';
import { request } from '../../utils/messaging/client';
import { errorText } from '../ui/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useFocusLater } from '../ui/focus-later';
import { UndoBar } from '../ui/UndoBar';

const workUrl = (workId: number) => `https://archiveofourown.org/works/${workId}`;
const nameOf = (work: AlwaysShownWork) => work.title ?? t('alwaysShownUnknown', String(work.workId));

export interface AlwaysShownWorksProps {
  /** The setting as the page last read it: the list is read again whenever it changes. */
  alwaysShow: readonly number[] | undefined;
  /** After a change here or in another tab: the page reads the settings again (and so this list). */
  onChanged(): unknown;
}

export function AlwaysShownWorks({ alwaysShow, onChanged }: AlwaysShownWorksProps) {
  const headingId = useId();
  const [works, setWorks] = useState<AlwaysShownWork[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<AlwaysShownWork | null>(null);
  const focusLater = useFocusLater();

  const load = useCallback(async () => {
    try {
      setWorks((await request({ type: 'alwaysShow/list' })).works);
    } catch (e) {
      setWorks((current) => current ?? []);
      setError(t('alwaysShownLoadFailed', errorText(e)));
    }
  }, []);

  const key = alwaysShow?.join(',');
  useEffect(() => {
    void load();
  }, [load, key]);

  // Changed from an archive tab (a placeholder, a work page) while this page is open: read it again.
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LISTING_CONFIG_KEY in changes) onChanged();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [onChanged]);

  const set = async (work: AlwaysShownWork, show: boolean): Promise<boolean> => {
    try {
      await request({ type: 'alwaysShow/set', workId: work.workId, show });
      await load();
      onChanged();
      return true;
    } catch (e) {
      setError(t('alwaysShowFailed', errorText(e)));
      return false;
    }
  };

  // The Remove button that had focus goes with its row: the Undo bar takes focus (autoFocus).
  const remove = async (work: AlwaysShownWork) => {
    if (await set(work, false)) setRemoved(work);
  };

  const undo = async () => {
    const work = removed;
    setRemoved(null);
    if (work && (await set(work, true))) focusLater(() => document.getElementById(`${headingId}-remove-${work.workId}`));
  };

  return (
    <section class="sm-always-shown" aria-labelledby={headingId}>
      <h2 id={headingId} class="sm-section-title">
        {t('alwaysShownTitle')}
      </h2>
      <p class="sm-hint">{t('alwaysShownHint')}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {removed && <UndoBar message={t('alwaysShownRemoved', nameOf(removed))} autoFocus onAction={() => void undo()} onDismiss={() => setRemoved(null)} />}
      {works === null ? (
        <p class="sm-muted" aria-busy="true">
          {t('alwaysShownLoading')}
        </p>
      ) : works.length === 0 ? (
        <p class="sm-muted">{t('alwaysShownEmpty')}</p>
      ) : (
        <ul class="sm-history-list">
          {works.map((work) => (
            <li key={work.workId} class="sm-history-entry">
              <span class="sm-history-work">
                <a href={workUrl(work.workId)} target="_blank" rel="noreferrer">
                  {nameOf(work)}
                </a>
                {work.authors.length > 0 && <span class="sm-muted sm-small">{t('alwaysShownBy', work.authors.join(', '))}</span>}
              </span>
              <button
                type="button"
                class="sm-button"
                id={`${headingId}-remove-${work.workId}`}
                aria-label={t('alwaysShownRemoveLabel', nameOf(work))}
                onClick={() => void remove(work)}
              >
                {t('alwaysShownRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
