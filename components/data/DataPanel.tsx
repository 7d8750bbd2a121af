/**
 * Data: export and import of everything (the backup file), with progress;
 * the automatic backups and their restore; the space used; and a reading
 * list from a spreadsheet (CSV of titles and work URLs) saved as "to read";
 * and, set apart, deleting everything (EraseSection).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { request, sendRequest } from '../../utils/messaging/client';
import { exportBackup, importBackupFile } from '../../utils/backup/client';
import type { ImportSummary } from '../../utils/backup/restore';
import type { BackupMeta } from '../../utils/db/types';
import { planCsvImport, type CsvImportPlan } from '../../utils/library/csv';
import { readUtf8 } from '../../utils/utf8';
import { t, tn, type MessageKey } from '../../utils/i18n';
import { statusLabel } from '../../utils/library/display';
import { downloadFile, errorText, formatBytes, formatDateTime, formatNumber } from '../ui/format';
import { FileButton } from '../ui/FileButton';
import { UndoBar } from '../ui/UndoBar';
import { ErrorBanner } from '../ui/ErrorBanner';
import { countsText } from './counts-text';
import { EraseSection } from './EraseSection';
import { ProgressLine, type Progress } from './ProgressLine';

const REASONS: Record<BackupMeta['reason'], MessageKey> = {
  daily: 'backupReasonDaily',
  'before-restore': 'backupReasonBeforeRestore',
  'before-import': 'backupReasonBeforeImport',
};

export interface DataPanelProps {
  /** The data changed (an import, a restore, a deletion): the page reads what it shows again. */
  reloadData(): Promise<void>;
}

export function DataPanel({ reloadData }: DataPanelProps) {
  const uid = useId();
  const [exportProgress, setExportProgress] = useState<Progress>(null);
  const [importProgress, setImportProgress] = useState<Progress>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [backups, setBackups] = useState<BackupMeta[] | null>(null);
  const [restoring, setRestoring] = useState<BackupMeta | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null | 'unknown'>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [csv, setCsv] = useState<(CsvImportPlan & { fileName: string }) | null>(null);
  const [csvUndo, setCsvUndo] = useState<{ ids: number[]; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // "Choose a backup file…" waits for the tick; the hint under it says so (a disabled button can't say why by itself).
  const needsTick = mode === 'replace' && !confirmReplace;

  const refresh = async () => {
    request({ type: 'backups/list' }).then(
      ({ backups }) => setBackups(backups),
      (e: unknown) => {
        setBackups([]);
        setError(t('backupsListFailed', errorText(e)));
      },
    );
    try {
      const estimate = await navigator.storage.estimate();
      setUsage({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 });
    } catch {
      setUsage('unknown');
    }
  };
  useEffect(() => void refresh(), []);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(t('failedWithMessage', what, errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  const onExport = () =>
    run(t('exportFailed'), async () => {
      setExportProgress({ label: t('exportWriting'), fraction: null });
      try {
        const { file, fileName } = await exportBackup({ send: sendRequest });
        setExportProgress({ label: t('exportSaving'), fraction: 1 });
        downloadFile(file, fileName);
        setNotice(t('exportDone', fileName, formatBytes(file.size)));
      } finally {
        setExportProgress(null);
      }
    });

  const onImport = (file: File) =>
    run(t('importFailed'), async () => {
      setSummary(null);
      try {
        setImportProgress({ label: t('importReading', file.name), fraction: 0 });
        const result = await importBackupFile(file, mode, {
          send: sendRequest,
          confirmReplace: mode === 'replace' && confirmReplace,
          // Once read, the file is checked whole: no fraction to show for that.
          onProgress: (fraction) =>
            setImportProgress(fraction < 1 ? { label: t('importReading', file.name), fraction } : { label: t('importChecking'), fraction: null }),
        });
        setSummary(result);
        setConfirmReplace(false);
        await reloadData();
        await refresh();
      } finally {
        setImportProgress(null);
      }
    });

  const restore = (backup: BackupMeta, done = t('restoreDone', formatDateTime(backup.createdAt))) =>
    run(t('restoreFailed'), async () => {
      setRestoring(null);
      setImportProgress({ label: t('restoring'), fraction: null });
      try {
        const result = await request({ type: 'backups/restore', id: backup.id, confirm: true });
        setSummary(result.summary);
        setNotice(done);
        await reloadData();
        await refresh();
      } finally {
        setImportProgress(null);
      }
    });

  const onCsv = (file: File) =>
    run(t('csvReadFailed'), async () => {
      setCsvUndo(null);
      setCsv(null);
      setCsv({ ...planCsvImport(await readUtf8(file)), fileName: file.name });
    });

  const saveCsv = () =>
    run(t('csvSaveFailed'), async () => {
      if (!csv) return;
      const items = csv.items.map(({ workId, title }) => ({ workId, title }));
      const result = await request({ type: 'saved/import', items });
      setCsv(null);
      setCsvUndo({
        ids: result.addedIds,
        message: [tn('csvSaved', result.addedIds.length, statusLabel('to-read')), result.alreadySaved ? tn('csvAlreadySaved', result.alreadySaved) : ''].filter(Boolean).join(' '),
      });
      await reloadData();
    });

  const undoCsv = (ids: number[]) =>
    run(t('csvUndoFailed'), async () => {
      setCsvUndo(null);
      await request({ type: 'saved/bulk', workIds: ids, status: null });
      await reloadData();
    });

  return (
    <div class="sm-data">
      <div class="sm-notices-inline">
        {notice && <p class="sm-ok-banner" role="status">{notice}</p>}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>

      <section class="sm-card" aria-labelledby={`${uid}-export`}>
        <h2 id={`${uid}-export`} class="sm-card-title">{t('dataExport')}</h2>
        <p class="sm-hint">{t('dataExportHint')}</p>
        <div class="sm-actions">
          <button type="button" class="sm-button sm-primary" disabled={busy} onClick={() => void onExport()}>
            {t('dataExportEverything')}
          </button>
        </div>
        <ProgressLine progress={exportProgress} />
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-import`}>
        <h2 id={`${uid}-import`} class="sm-card-title">{t('dataImport')}</h2>
        <fieldset class="sm-segmented">
          <legend>{t('dataImportMode')}</legend>
          <label class="sm-segment">
            <input type="radio" name={`${uid}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
            {t('dataMerge')}
          </label>
          <label class="sm-segment">
            <input type="radio" name={`${uid}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
            {t('dataReplace')}
          </label>
        </fieldset>
        {mode === 'replace' && (
          <label class="sm-check sm-confirm-line">
            <input type="checkbox" checked={confirmReplace} onChange={(e) => setConfirmReplace(e.currentTarget.checked)} />
            {t('dataReplaceConfirm')}
          </label>
        )}
        <div class="sm-actions">
          <FileButton
            accept="application/json,.json"
            fileLabel={t('dataBackupFile')}
            disabled={busy || needsTick}
            describedBy={needsTick ? `${uid}-needs-tick` : undefined}
            onFile={(file) => void onImport(file)}
          >
            {t('dataChooseBackup')}
          </FileButton>
        </div>
        {needsTick && (
          <p id={`${uid}-needs-tick`} class="sm-hint">
            {t('dataChooseBackupNeedsTick')}
          </p>
        )}
        <ProgressLine progress={importProgress} />
        {summary && (
          <div class="sm-ok-banner sm-summary" role="status">
            <p>
              {summary.mode === 'replace' ? t('importReplacedSummary', countsText(summary.received)) : tn('importMergedSummary', summary.visitsAdded, countsText(summary.received))}
              {summary.upgradedFrom !== null ? ` ${t('importUpgraded', String(summary.upgradedFrom))}` : ''}
            </p>
            {summary.undoBackupId !== null && (
              <button type="button" class="sm-button" disabled={busy} onClick={() => void restore({ id: summary.undoBackupId!, createdAt: Date.now(), reason: 'before-import', counts: summary.received, chars: 0 }, t('importUndone'))}>
                {t('importUndo')}
              </button>
            )}
          </div>
        )}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-csv`}>
        <h2 id={`${uid}-csv`} class="sm-card-title">{t('dataCsv')}</h2>
        <p class="sm-hint">{t('dataCsvHint')}</p>
        <div class="sm-actions">
          <FileButton accept=".csv,text/csv,text/plain,.tsv,.txt" fileLabel={t('dataCsvFile')} disabled={busy} onFile={(file) => void onCsv(file)}>
            {t('dataChooseCsv')}
          </FileButton>
        </div>
        {csv && (
          <div class={csv.problems.length ? 'sm-confirm' : 'sm-confirm sm-confirm-neutral'} role="group" aria-label={t('csvGroup')}>
            <p>
              {t(
                'csvSummary',
                csv.fileName,
                [
                  tn('csvToSave', csv.items.length),
                  csv.duplicates ? tn('csvSkipped', csv.duplicates) : '',
                  csv.problems.length ? tn('csvWithProblems', csv.problems.length) : '',
                ]
                  .filter(Boolean)
                  .join(', '),
              )}
              {csv.problems.length ? '' : '.'}
            </p>
            {csv.problems.length > 0 && (
              <ul class="sm-problem-list">
                {csv.problems.slice(0, 100).map((p) => (
                  <li key={p.line}>
                    {t('csvLineProblem', formatNumber(p.line), p.message)}
                  </li>
                ))}
                {csv.problems.length > 100 && <li>{tn('csvMoreProblems', csv.problems.length - 100)}</li>}
              </ul>
            )}
            <div class="sm-actions">
              <button type="button" class="sm-button sm-primary" disabled={busy || csv.items.length === 0} onClick={() => void saveCsv()}>
                {csv.problems.length ? tn('csvSaveWithout', csv.items.length) : tn('csvSaveAs', csv.items.length, statusLabel('to-read'))}
              </button>
              <button type="button" class="sm-button" onClick={() => setCsv(null)}>
                {t('buttonCancel')}
              </button>
            </div>
          </div>
        )}
        {csvUndo && <UndoBar message={csvUndo.message} onAction={() => void undoCsv(csvUndo.ids)} onDismiss={() => setCsvUndo(null)} />}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-backups`}>
        <h2 id={`${uid}-backups`} class="sm-card-title">{t('dataBackups')}</h2>
        <p class="sm-hint">{t('dataBackupsHint')}</p>
        {backups === null ? (
          <p class="sm-muted" aria-busy="true">{t('loadingShort')}</p>
        ) : backups.length === 0 ? (
          <p class="sm-muted">{t('dataBackupsNone')}</p>
        ) : (
          <table class="sm-backups">
            <thead>
              <tr>
                <th scope="col">{t('backupTaken')}</th>
                <th scope="col">{t('backupWhy')}</th>
                <th scope="col">{t('backupHolds')}</th>
                <th scope="col">{t('backupSize')}</th>
                <th scope="col">
                  <span class="sm-visually-hidden">{t('backupActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{t(REASONS[b.reason])}</td>
                  <td>{countsText(b.counts)}</td>
                  <td class="sm-numeric">{formatBytes(b.chars)}</td>
                  <td>
                    <button type="button" class="sm-text-button" disabled={busy} aria-label={t('backupRestoreFor', formatDateTime(b.createdAt))} onClick={() => setRestoring(b)}>
                      {t('backupRestoreAsk')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {restoring && (
          <div class="sm-confirm" role="alertdialog" aria-labelledby={`${uid}-restore`}>
            <p id={`${uid}-restore`}>
              {t('backupRestoreConfirm', formatDateTime(restoring.createdAt))}
            </p>
            <div class="sm-actions">
              <button type="button" class="sm-button sm-danger" ref={(el) => el?.focus()} onClick={() => void restore(restoring)}>
                {t('backupRestore')}
              </button>
              <button type="button" class="sm-button" onClick={() => setRestoring(null)}>
                {t('buttonCancel')}
              </button>
            </div>
          </div>
        )}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-space`}>
        <h2 id={`${uid}-space`} class="sm-card-title">{t('dataSpace')}</h2>
        <p class="sm-space">
          {usage === null
            ? t('dataMeasuring')
            : usage === 'unknown'
              ? t('dataSpaceUnknown')
              : usage.quota
                ? t('dataSpaceUsedOfQuota', formatBytes(usage.usage), formatBytes(usage.quota))
                : t('dataSpaceUsed', formatBytes(usage.usage))}
        </p>
      </section>

      <EraseSection
        busy={busy}
        setBusy={setBusy}
        afterChange={async () => {
          await reloadData();
          await refresh();
        }}
      />
    </div>
  );
}
