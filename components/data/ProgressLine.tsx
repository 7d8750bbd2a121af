/** "Writing your backup file… ▬▬▬▭▭": a label and its progress bar (indeterminate when the fraction is unknown). */
export type Progress = { label: string; fraction: number | null } | null;

export function ProgressLine({ progress }: { progress: Progress }) {
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
