/** The database's typed schema (idb's DBSchema), as of the latest migration. */
import type { SyncStoreRecord } from './sync-state';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  BackupMeta,
  MetaRecord,
  RuleRecord,
  SavedStatus,
  SettingRecord,
  StoredWork,
  VisitBucket,
} from './types';
import type { TagFamilyRecord } from './tag-families';

export const DB_NAME = 'shelfmark';

export interface ShelfmarkSchema extends DBSchema {
  /**
   * Works by id, each with the reader's reading and saved entry inside. `lastVisit` indexes
   * `reading.lastVisit`, so it holds only works read with a known last visit; `savedStatus`,
   * `savedAdded` and `savedChanged` index `saved.status`, `saved.added` and `saved.changed`,
   * so they hold only saved works.
   */
  works: { key: number; value: StoredWork; indexes: { lastVisit: number; savedStatus: SavedStatus; savedAdded: number; savedChanged: number } };
  visits: { key: number; value: VisitBucket };
  rules: { key: string; value: RuleRecord; indexes: { order: number } };
  settings: { key: string; value: SettingRecord };
  meta: { key: string; value: MetaRecord };
  backups: { key: number; value: BackupMeta };
  /** The text of each automatic backup, apart from `backups` so listing them never loads the texts. */
  backupFiles: { key: number; value: string };
  /** The browser-sync engine's bookkeeping (sync-state.ts), by record name. */
  sync: { key: string; value: SyncStoreRecord };
  /** What the archive files under each tag a rule names, by the tag's normalised name (tag-families.ts). */
  tagFamilies: { key: string; value: TagFamilyRecord };
}

export type StoreName = StoreNames<ShelfmarkSchema>;
export type ShelfmarkDb = IDBPDatabase<ShelfmarkSchema>;
export type UpgradeTransaction = IDBPTransaction<ShelfmarkSchema, StoreName[], 'versionchange'>;

/** The stores a backup covers: the reader's data, not bookkeeping. */
export const DATA_STORES = ['works', 'visits', 'rules', 'settings', 'tagFamilies'] as const satisfies readonly StoreName[];
