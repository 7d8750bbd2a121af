/**
 * "Delete all my data", the Data tab's danger section: what goes, a
 * confirmation that names the reader's own counts (with a way to export a
 * backup first), then the wipe. Undo puts everything back from the copy taken
 * in memory right before the wipe, for as long as the page stays open.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { exportBackup } from '../../utils/backup/client';
import { copyAllData, eraseAllData, putDataBack, type DataCopy } from '../../utils/backup/erase';
import type { StoreCounts } from '../../utils/db/types';
import { t, tn } from '../../utils/i18n';
import { request, sendRequest } from '../../utils/messaging/client';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useFocusLater } from '../ui/focus-later';
import { downloadFile, errorText, formatBytes } from '../ui/format';
import { UndoBar } from '../ui/UndoBar';
import { countsText } from './counts-text';
import { ProgressLine, type Progress } from './ProgressLine';

/**
 * The copy for Undo lives outside the component: switching to another tab of
 * the options page unmounts this one, and Undo must still be there on return.
 */
let undoCopy: DataCopy | null = null;

interface Asking {
  counts: StoreCounts;
  backups: number;
}

export interface EraseSectionProps {
  /** The Data panel is busy (here or in another section): actions wait. */
  busy: boolean;
  setBusy(busy: boolean): void;
  /** The data changed: the page shows it again. */
  afterChange(): Promise<void>;
}

export function EraseSection({ busy, setBusy, afterChange }: EraseSectionProps) {
  const uid = useId();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [copy, setCopy] = useState<DataCopy | null>(undoCopy);
  // Focus goes to Undo only right after deleting, not when the reader comes back to this tab later.
  const [justErased, setJustErased] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const exportFirstButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  const keepCopy = (next: DataCopy | null) => {
    undoCopy = next;
    setCopy(next);
  };

  /** Runs `action` with the panel busy and `label` as progress; a failure shows as "what: why". */
  const act = async (what: string, label: string, action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setProgress({ label, fraction: null });
    try {
      await action();
    } catch (e) {
      setError(t('failedWithMessage', what, errorText(e)));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };

  const ask = () =>
    act(t('eraseFailed'), t('eraseCounting'), async () => {
      const [{ counts }, { backups }] = await Promise.all([copyAllData({ send: sendRequest }), request({ type: 'backups/list' })]);
      setAsking({ counts, backups: backups.length });
      // The least destructive choice: Enter pressed twice by mistake deletes nothing.
      focusLater(() => cancelButton.current);
    });

  const closeQuestion = () => {
    setAsking(null);
    focusLater(() => opener.current);
  };

  const exportFirst = () => {
    focusLater(() => exportFirstButton.current);
    return act(t('exportFailed'), t('exportWriting'), async () => {
      const { file, fileName } = await exportBackup({ send: sendRequest });
      downloadFile(file, fileName);
      setNotice(t('exportDone', fileName, formatBytes(file.size)));
    });
  };

  const erase = () =>
    act(t('eraseFailed'), t('eraseDeleting'), async () => {
      setAsking(null);
      try {
        keepCopy(await eraseAllData({ send: sendRequest }));
      } catch (e) {
        focusLater(() => opener.current);
        throw e;
      }
      setJustErased(true);
      await afterChange();
    });

  const undo = (kept: DataCopy) =>
    act(t('eraseUndoFailed'), t('eraseUndoing'), async () => {
      await putDataBack(kept, { send: sendRequest });
      keepCopy(null);
      setNotice(t('eraseUndone'));
      focusLater(() => opener.current);
      await afterChange();
    });

  const dismissUndo = () => {
    keepCopy(null);
    focusLater(() => opener.current);
  };

  return (
    <section class="sm-card sm-danger-zone" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} class="sm-card-title">
        {t('eraseTitle')}
      </h2>
      <p class="sm-hint">{t('eraseHint')}</p>
      <div class="sm-actions">
        <button type="button" ref={opener} class="sm-button sm-danger-outline" disabled={busy || asking !== null} onClick={() => void ask()}>
          {t('eraseAsk')}
        </button>
      </div>
      <ProgressLine progress={progress} />
      {asking && (
        <div
          class="sm-confirm"
          role="alertdialog"
          aria-labelledby={`${uid}-question`}
          aria-describedby={`${uid}-what`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeQuestion();
          }}
        >
          <p id={`${uid}-question`}>
            <strong>{t('eraseQuestion')}</strong>
          </p>
          <p id={`${uid}-what`}>{t('eraseConfirm', countsText(asking.counts), tn('eraseBackupsCount', asking.backups))}</p>
          <div class="sm-actions">
            <button type="button" class="sm-button sm-danger" disabled={busy} onClick={() => void erase()}>
              {t('eraseEverything')}
            </button>
            <button type="button" ref={exportFirstButton} class="sm-button" disabled={busy} onClick={() => void exportFirst()}>
              {t('eraseExportFirst')}
            </button>
            <button type="button" ref={cancelButton} class="sm-button" onClick={closeQuestion}>
              {t('buttonCancel')}
            </button>
          </div>
        </div>
      )}
      <div class="sm-notices-inline">
        {copy && (
          <UndoBar
            message={t('erasedUndo')}
            autoFocus={justErased}
            onAction={() => {
              if (!busy) void undo(copy);
            }}
            onDismiss={dismissUndo}
          />
        )}
        {notice && (
          <p class="sm-ok-banner" role="status">
            {notice}
          </p>
        )}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>
    </section>
  );
}
