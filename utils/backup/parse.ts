/**
 * Reading a backup file: size, JSON, format version, then every record's
 * shape, refusing the whole file with a message naming what is wrong. Pure:
 * the options page runs it before sending anything, and the background runs
 * it again before writing anything.
 */
import { describe, isPlainObject } from '../db/check';
import { normalizeRule } from '../db/rule-checks';
import { t } from '../i18n';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, checkBackupFile, MAX_BACKUP_BYTES } from './format';
import { FORMAT_UPGRADES, type FormatUpgrades, upgradeBackup } from './upgrades';

export type ParseResult = { ok: true; file: BackupFile; upgradedFrom: number | null } | { ok: false; error: string };

export interface ParseOptions {
  maxBytes?: number;
  upgrades?: FormatUpgrades;
}

const megabytes = (bytes: number): string => (bytes >= 100_000 ? t('sizeMegabytes', (bytes / 1_000_000).toFixed(1)) : t('backupSizeBytes', String(bytes)));

/** Refuses sizes over the limit; takes a byte count so a file is never read just to be refused. */
export function checkBackupSize(bytes: number, maxBytes: number = MAX_BACKUP_BYTES): string | null {
  if (bytes <= maxBytes) return null;
  return t('backupTooBig', megabytes(bytes), megabytes(maxBytes));
}

/** The UTF-8 size of `text`, counted without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A JSON error at the very end of the text means the file stops early rather than being something else. */
function looksTruncated(text: string, error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (JSON input|data)/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}

/** The field that identifies a record in each store whose records are one per key (visits are a log: repeats are allowed). */
const RECORD_KEYS: Readonly<Record<string, string>> = { works: 'workId', reading: 'workId', saved: 'workId', rules: 'id', settings: 'key' };

/**
 * Two records with the same key: an edited or forged file, since exports never
 * hold them. Refused rather than guessing which one the reader meant.
 */
function findDuplicateKey(data: object): string | null {
  for (const [store, records] of Object.entries(data)) {
    const field = Object.hasOwn(RECORD_KEYS, store) ? RECORD_KEYS[store] : undefined;
    if (!field || !Array.isArray(records)) continue;
    const seen = new Map<unknown, number>();
    for (let i = 0; i < records.length; i++) {
      const key = (records[i] as Record<string, unknown>)[field];
      const first = seen.get(key);
      if (first !== undefined) {
        return t('backupDuplicate', store, field, JSON.stringify(key), `backup.data.${store}[${first}]`, `backup.data.${store}[${i}]`);
      }
      seen.set(key, i);
    }
  }
  return null;
}

export function parseBackupText(text: string, options: ParseOptions = {}): ParseResult {
  const { maxBytes = MAX_BACKUP_BYTES, upgrades = FORMAT_UPGRADES } = options;
  // Every character is at least one byte: only texts near the limit need counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes)) {
    return { ok: false, error: checkBackupSize(utf8ByteLength(text), maxBytes)! };
  }
  if (text.trim() === '') return { ok: false, error: t('backupEmpty') };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // Engines give up on deeply nested values differently (V8 a RangeError, SpiderMonkey "too much recursion").
    if (error instanceof RangeError || /recursion|call stack/i.test(detail)) {
      return { ok: false, error: t('backupTooDeep', detail) };
    }
    if (looksTruncated(text, error)) return { ok: false, error: t('backupTruncated', detail) };
    return { ok: false, error: t('backupNotJson', detail) };
  }

  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) {
    return { ok: false, error: t('backupNotShelfmark', BACKUP_FORMAT) };
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, error: t('backupBadVersion', describe(version)) };
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: t('backupTooNew', String(version), String(BACKUP_FORMAT_VERSION)),
    };
  }
  if (version < upgrades.oldest) {
    return { ok: false, error: t('backupTooOld', String(version), String(upgrades.oldest), String(BACKUP_FORMAT_VERSION)) };
  }

  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgradeBackup(raw, version, upgrades);
  } catch (error) {
    return { ok: false, error: t('backupUpgradeFailed', String(version), error instanceof Error ? error.message : String(error)) };
  }
  const problem = checkBackupFile(upgraded, 'backup');
  if (problem) return { ok: false, error: t('backupWrongValue', problem) };
  const file = upgraded as unknown as BackupFile;
  const duplicate = findDuplicateKey(file.data);
  if (duplicate) return { ok: false, error: duplicate };
  // Stored rules are the engine's clean copies, as when a page saves one.
  file.data.rules = file.data.rules.map(normalizeRule);
  return { ok: true, file, upgradedFrom: version === BACKUP_FORMAT_VERSION ? null : version };
}
