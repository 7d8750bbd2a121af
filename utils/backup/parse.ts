/**
 * Reading a backup file: size, JSON, format version, then every record's
 * shape, refusing the whole file with a message naming what is wrong. Pure:
 * the options page runs it before sending anything, and the background runs
 * it again before writing anything.
 */
import { describe, isPlainObject } from '../db/check';
import { normalizeRule } from '../db/rule-checks';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, checkBackupFile, MAX_BACKUP_BYTES } from './format';
import { FORMAT_UPGRADES, type FormatUpgrades, upgradeBackup } from './upgrades';

export type ParseResult = { ok: true; file: BackupFile; upgradedFrom: number | null } | { ok: false; error: string };

export interface ParseOptions {
  maxBytes?: number;
  upgrades?: FormatUpgrades;
}

const megabytes = (bytes: number): string => (bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${bytes} bytes`);

/** Refuses sizes over the limit; takes a byte count so a file is never read just to be refused. */
export function checkBackupSize(bytes: number, maxBytes: number = MAX_BACKUP_BYTES): string | null {
  if (bytes <= maxBytes) return null;
  return `This file is ${megabytes(bytes)}; Shelfmark refuses backups over ${megabytes(maxBytes)}.`;
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

export function parseBackupText(text: string, options: ParseOptions = {}): ParseResult {
  const { maxBytes = MAX_BACKUP_BYTES, upgrades = FORMAT_UPGRADES } = options;
  // Every character is at least one byte: only texts near the limit need counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes)) {
    return { ok: false, error: checkBackupSize(utf8ByteLength(text), maxBytes)! };
  }
  if (text.trim() === '') return { ok: false, error: 'This file is empty.' };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (looksTruncated(text, error)) return { ok: false, error: `This file is truncated: it ends before the backup does (${detail}).` };
    return { ok: false, error: `This file is not JSON (${detail}).` };
  }

  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) {
    return { ok: false, error: `This is not a Shelfmark backup: it has no "format": "${BACKUP_FORMAT}" field.` };
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, error: `This backup's formatVersion is ${describe(version)}, not a version number.` };
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: `This backup is format version ${version}, newer than this version of Shelfmark reads (${BACKUP_FORMAT_VERSION}). Update Shelfmark, then import it again.`,
    };
  }
  if (version < upgrades.oldest) {
    return { ok: false, error: `This backup is format version ${version}, older than any Shelfmark can read (${upgrades.oldest} to ${BACKUP_FORMAT_VERSION}).` };
  }

  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgradeBackup(raw, version, upgrades);
  } catch (error) {
    return { ok: false, error: `This backup (format version ${version}) could not be upgraded: ${error instanceof Error ? error.message : String(error)}.` };
  }
  const problem = checkBackupFile(upgraded, 'backup');
  if (problem) return { ok: false, error: `This backup has a wrong value at ${problem}.` };
  const file = upgraded as unknown as BackupFile;
  // Stored rules are the engine's clean copies, as when a page saves one.
  file.data.rules = file.data.rules.map(normalizeRule);
  return { ok: true, file, upgradedFrom: version === BACKUP_FORMAT_VERSION ? null : version };
}
