/**
 * Data: export and import of everything (the backup file), with progress;
 * the automatic backups and their restore; the space used; and a reading
 * list from a spreadsheet (CSV of titles and work URLs) saved as "to read".
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { request, sendRequest } from '../../utils/messaging/client';
import { exportBackup, importBackupFile } from '../../utils/backup/client';
import type { ImportSummary } from '../../utils/backup/restore';
import type { BackupMeta, StoreCounts } from '../../utils/db/types';
import { planCsvImport, type CsvImportPlan } from '../../utils/library/csv';
import { downloadFile, errorText, formatBytes, formatDateTime, formatNumber, plural } from '../ui/format';
import { FileButton } from '../ui/FileButton';
import { UndoBar } from '../ui/UndoBar';

type Progress = { label: string; fraction: number | null } | null;

const REASONS: Record<BackupMeta['reason'], string> = {
  daily: 'Daily',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
};

function countsText(counts: StoreCounts): string {
  return `${plural(counts.works, 'work')}, ${plural(counts.reading, 'work read', 'works read')}, ${plural(counts.visits, 'visit')}, ${plural(counts.saved, 'saved work')}, ${plural(counts.rules, 'rule')}`;
}

/** The file's text, reporting how much has been read (large backups take a moment). */
async function readWithProgress(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(file.size ? read / file.size : 1);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function ProgressLine({ progress }: { progress: Progress }) {
  if (!progress) return null;
  return (
    <div class="sm-progress" role="status">
      <span>{progress.label}</span>
      {progress.fraction === null ? (
        <progress aria-label={progress.label} />
      ) : (
        <progress aria-label={progress.label} max={1} value={progress.fraction} />
      )}
    </div>
  );
}

export function DataPanel({ reloadLibrary }: { reloadLibrary(): Promise<void> }) {
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

  const refresh = async () => {
    request({ type: 'backups/list' }).then(
      ({ backups }) => setBackups(backups),
      (e: unknown) => {
        setBackups([]);
        setError(`The automatic backups couldn’t be listed: ${errorText(e)}.`);
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
      setError(`${what}: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const onExport = () =>
    run('The export failed', async () => {
      setExportProgress({ label: 'Writing your backup file…', fraction: null });
      try {
        const { file, fileName } = await exportBackup({ send: sendRequest });
        setExportProgress({ label: 'Saving the file…', fraction: 1 });
        downloadFile(file, fileName);
        setNotice(`Exported ${fileName} (${formatBytes(file.size)}).`);
      } finally {
        setExportProgress(null);
      }
    });

  const onImport = (file: File) =>
    run('The import failed; nothing was changed', async () => {
      setSummary(null);
      try {
        setImportProgress({ label: `Reading ${file.name}…`, fraction: 0 });
        const text = await readWithProgress(file, (fraction) => setImportProgress({ label: `Reading ${file.name}…`, fraction }));
        setImportProgress({ label: 'Checking and importing…', fraction: null });
        const result = await importBackupFile(new Blob([text], { type: 'application/json' }), mode, {
          send: sendRequest,
          confirmReplace: mode === 'replace' && confirmReplace,
        });
        setSummary(result);
        setConfirmReplace(false);
        await reloadLibrary();
        await refresh();
      } finally {
        setImportProgress(null);
      }
    });

  const restore = (backup: BackupMeta, done = `Restored the backup of ${formatDateTime(backup.createdAt)}.`) =>
    run('The restore failed; nothing was changed', async () => {
      setRestoring(null);
      setImportProgress({ label: 'Restoring…', fraction: null });
      try {
        const result = await request({ type: 'backups/restore', id: backup.id, confirm: true });
        setSummary(result.summary);
        setNotice(done);
        await reloadLibrary();
        await refresh();
      } finally {
        setImportProgress(null);
      }
    });

  const onCsv = async (file: File) => {
    setCsvUndo(null);
    setCsv({ ...planCsvImport(await file.text()), fileName: file.name });
  };

  const saveCsv = () =>
    run('The reading list couldn’t be saved', async () => {
      if (!csv) return;
      const items = csv.items.map(({ workId, title }) => ({ workId, title }));
      const result = await request({ type: 'saved/import', items });
      setCsv(null);
      setCsvUndo({
        ids: result.addedIds,
        message: `Saved ${plural(result.addedIds.length, 'work')} as “To read”${result.alreadySaved ? `; ${plural(result.alreadySaved, 'work was', 'works were')} already saved and kept ${result.alreadySaved === 1 ? 'its' : 'their'} status` : ''}.`,
      });
      await reloadLibrary();
    });

  const undoCsv = (ids: number[]) =>
    run('The import couldn’t be undone', async () => {
      setCsvUndo(null);
      await request({ type: 'saved/bulk', workIds: ids, status: null });
      await reloadLibrary();
    });

  return (
    <div class="sm-data">
      <div class="sm-notices-inline">
        {notice && <p class="sm-ok-banner" role="status">{notice}</p>}
        {error && (
          <div class="sm-error-banner" role="alert">
            <span>{error}</span>
            <button type="button" class="sm-icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        )}
      </div>

      <section class="sm-card" aria-labelledby={`${uid}-export`}>
        <h2 id={`${uid}-export`} class="sm-card-title">Export</h2>
        <p class="sm-hint">One file with everything: works, reading, history, saved works, rules and settings.</p>
        <div class="sm-actions">
          <button type="button" class="sm-button sm-primary" disabled={busy} onClick={() => void onExport()}>
            Export everything
          </button>
        </div>
        <ProgressLine progress={exportProgress} />
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-import`}>
        <h2 id={`${uid}-import`} class="sm-card-title">Import a backup</h2>
        <fieldset class="sm-segmented">
          <legend>When the file and this browser both know something</legend>
          <label class="sm-segment">
            <input type="radio" name={`${uid}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge with what’s here
          </label>
          <label class="sm-segment">
            <input type="radio" name={`${uid}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
            Replace everything here
          </label>
        </fieldset>
        {mode === 'replace' && (
          <label class="sm-check sm-confirm-line">
            <input type="checkbox" checked={confirmReplace} onChange={(e) => setConfirmReplace(e.currentTarget.checked)} />
            Replace all my data with the file’s (an automatic backup is taken first, so it can be undone)
          </label>
        )}
        <div class="sm-actions">
          <FileButton
            accept="application/json,.json"
            fileLabel="Backup file to import"
            disabled={busy || (mode === 'replace' && !confirmReplace)}
            onFile={(file) => void onImport(file)}
          >
            Choose a backup file…
          </FileButton>
        </div>
        <ProgressLine progress={importProgress} />
        {summary && (
          <div class="sm-ok-banner sm-summary" role="status">
            <p>
              {summary.mode === 'replace' ? 'Replaced your data with' : 'Merged'} {countsText(summary.received)}
              {summary.mode === 'merge' ? ` (${plural(summary.visitsAdded, 'new visit')})` : ''}.
              {summary.upgradedFrom !== null ? ` The file was from an older version (format ${summary.upgradedFrom}) and was upgraded.` : ''}
            </p>
            {summary.undoBackupId !== null && (
              <button type="button" class="sm-button" disabled={busy} onClick={() => void restore({ id: summary.undoBackupId!, createdAt: Date.now(), reason: 'before-import', counts: summary.received, chars: 0 }, 'Undone: your data is back as it was before.')}>
                Undo this
              </button>
            )}
          </div>
        )}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-csv`}>
        <h2 id={`${uid}-csv`} class="sm-card-title">Import a reading list (CSV)</h2>
        <p class="sm-hint">From a spreadsheet: one work per line, its title and its archive URL (any column order; a header line is fine). Works are saved as “To read” with the titles given; nothing is fetched from the archive.</p>
        <div class="sm-actions">
          <FileButton accept=".csv,text/csv,text/plain,.tsv,.txt" fileLabel="Reading list (CSV) to import" disabled={busy} onFile={(file) => void onCsv(file)}>
            Choose a CSV file…
          </FileButton>
        </div>
        {csv && (
          <div class={csv.problems.length ? 'sm-confirm' : 'sm-confirm sm-confirm-neutral'} role="group" aria-label="Reading list to import">
            <p>
              {csv.fileName}: {plural(csv.items.length, 'work')} to save
              {csv.duplicates ? `, ${plural(csv.duplicates, 'repeated line')} skipped` : ''}
              {csv.problems.length ? `, ${plural(csv.problems.length, 'line')} with problems:` : '.'}
            </p>
            {csv.problems.length > 0 && (
              <ul class="sm-problem-list">
                {csv.problems.slice(0, 100).map((p) => (
                  <li key={p.line}>
                    Line {formatNumber(p.line)}: {p.message}
                  </li>
                ))}
                {csv.problems.length > 100 && <li>…and {plural(csv.problems.length - 100, 'more')}</li>}
              </ul>
            )}
            <div class="sm-actions">
              <button type="button" class="sm-button sm-primary" disabled={busy || csv.items.length === 0} onClick={() => void saveCsv()}>
                {csv.problems.length ? `Save the ${plural(csv.items.length, 'work')} without those lines` : `Save ${plural(csv.items.length, 'work')} as “To read”`}
              </button>
              <button type="button" class="sm-button" onClick={() => setCsv(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {csvUndo && <UndoBar message={csvUndo.message} onAction={() => void undoCsv(csvUndo.ids)} onDismiss={() => setCsvUndo(null)} />}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-backups`}>
        <h2 id={`${uid}-backups`} class="sm-card-title">Automatic backups</h2>
        <p class="sm-hint">Taken once a day, and before every import or restore.</p>
        {backups === null ? (
          <p class="sm-muted" aria-busy="true">Loading…</p>
        ) : backups.length === 0 ? (
          <p class="sm-muted">None yet.</p>
        ) : (
          <table class="sm-backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col">Holds</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span class="sm-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{REASONS[b.reason]}</td>
                  <td>{countsText(b.counts)}</td>
                  <td class="sm-numeric">{formatBytes(b.chars)}</td>
                  <td>
                    <button type="button" class="sm-text-button" disabled={busy} aria-label={`Restore the backup of ${formatDateTime(b.createdAt)}`} onClick={() => setRestoring(b)}>
                      Restore…
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
              Replace all your data with the backup of {formatDateTime(restoring.createdAt)}? A backup of your data as it is now is taken first, so this can be undone.
            </p>
            <div class="sm-actions">
              <button type="button" class="sm-button sm-danger" ref={(el) => el?.focus()} onClick={() => void restore(restoring)}>
                Restore
              </button>
              <button type="button" class="sm-button" onClick={() => setRestoring(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </section>

      <section class="sm-card" aria-labelledby={`${uid}-space`}>
        <h2 id={`${uid}-space`} class="sm-card-title">Space used</h2>
        <p class="sm-space">
          {usage === null
            ? 'Measuring…'
            : usage === 'unknown'
              ? 'This browser doesn’t say.'
              : `${formatBytes(usage.usage)} used by Shelfmark (its database, backups and files in transit)${usage.quota ? ` of ${formatBytes(usage.quota)} the browser allows` : ''}.`}
        </p>
      </section>
    </div>
  );
}
