/**
 * Upgrades of backup files written in older format versions. Each step turns
 * a file of version N into version N+1; files go through every step up to the
 * current version before validation. When a database migration reshapes
 * records, its step here calls that migration's record transform, so files
 * and databases are upgraded by the same code.
 */
import { BACKUP_FORMAT_VERSION } from './format';

export type FormatUpgrade = (file: Record<string, unknown>) => Record<string, unknown>;

export interface FormatUpgrades {
  /** The oldest version the steps below can start from. */
  oldest: number;
  /** Keyed by the version a step upgrades from. */
  steps: Record<number, FormatUpgrade>;
}

/** 1 → 2: the tag families (`data.families`) came with database version 5; a file from before has none learned. */
const addFamilies: FormatUpgrade = (file) => {
  const data = file.data;
  // A file whose `data` is not an object is left for the checks to refuse with their message.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return file;
  return { ...file, data: { ...data, families: [] } };
};

export const FORMAT_UPGRADES: FormatUpgrades = { oldest: 1, steps: { 1: addFamilies } };

export function upgradeBackup(file: Record<string, unknown>, from: number, upgrades: FormatUpgrades = FORMAT_UPGRADES): Record<string, unknown> {
  let current = file;
  for (let version = from; version < BACKUP_FORMAT_VERSION; version++) {
    const step = upgrades.steps[version];
    if (!step) throw new Error(`no upgrade from backup format ${version}`);
    current = { ...step(current), formatVersion: version + 1 };
  }
  return current;
}
