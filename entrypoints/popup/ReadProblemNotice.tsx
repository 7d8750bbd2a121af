/**
 * Shown instead of the page's results when Shelfmark could not read the
 * works on a listing (utils/ao3/self-check.ts): says so plainly, that
 * nothing is hidden there, and offers the diagnostic to copy into a report.
 */
import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { diagnosticText, type ReadProblem } from '../../utils/ao3/self-check';
import { t } from '../../utils/i18n';

/** The browser's name and major version from its user agent ("Firefox 140", "Chrome 131"); no more of it. */
export function browserLabel(userAgent: string): string {
  const known: Array<[string, RegExp]> = [
    ['Firefox', /Firefox\/(\d+)/],
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari\//],
  ];
  for (const [name, pattern] of known) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return 'unknown';
}

type CopyState = 'idle' | 'copied' | 'failed';

export function ReadProblemNotice({ problem }: { problem: ReadProblem }) {
  const detailsId = useId();
  const [copy, setCopy] = useState<CopyState>('idle');
  const text = diagnosticText(problem, { extensionVersion: browser.runtime.getManifest().version, browser: browserLabel(navigator.userAgent) });

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // The text stays selectable in the box below.
      setCopy('failed');
    }
  };

  return (
    <div class="sm-read-problem" role="alert">
      <p class="sm-read-problem-title">{t('readProblemTitle')}</p>
      <p class="sm-muted sm-small">{t('readProblemHint')}</p>
      <label class="sm-small" for={detailsId}>
        {t('readProblemDetails')}
      </label>
      <textarea id={detailsId} class="sm-read-problem-details" readOnly rows={9} value={text} onFocus={(event) => event.currentTarget.select()} />
      <p class="sm-read-problem-actions">
        <button type="button" class="sm-button" onClick={() => void copyText()}>
          {t('readProblemCopy')}
        </button>
        <span class="sm-muted sm-small" aria-live="polite">
          {copy === 'copied' ? t('readProblemCopied') : copy === 'failed' ? t('readProblemCopyFailed') : ''}
        </span>
      </p>
    </div>
  );
}
