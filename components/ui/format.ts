/** Numbers, dates and sizes in the reader's own locale (the browser's). */
import { t, tn } from '../../utils/i18n';

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const utcDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

export const formatNumber = (n: number | null): string => (n === null ? '—' : numberFormat.format(n));
export const formatDate = (ms: number | null): string => (ms === null ? '—' : dateFormat.format(ms));
export const formatTime = (ms: number): string => timeFormat.format(ms);
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);
export const formatDay = (ms: number): string => dayFormat.format(ms);

/** An archive date (`YYYY-MM-DD`, a calendar date) without shifting it by the reader's time zone. */
export function formatArchiveDate(date: string | null): string {
  if (!date) return '—';
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : utcDateFormat.format(ms);
}

const SIZE_UNITS = [
  (size: string) => t('sizeKilobytes', size),
  (size: string) => t('sizeMegabytes', size),
  (size: string) => t('sizeGigabytes', size),
  (size: string) => t('sizeTerabytes', size),
];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return tn('sizeBytes', bytes);
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return SIZE_UNITS[unit]!(new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value));
}

export function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
