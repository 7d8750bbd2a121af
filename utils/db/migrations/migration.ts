import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * The database as an upgrade step sees it: untyped, because the schema type
 * (../schema.ts) describes only the latest version, and a step works on the
 * stores of its own time (version 1 creates the reading store version 3 removes).
 */
export type MigrationDb = IDBPDatabase;
export type MigrationTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * One upgrade step. `upgrade` runs inside the version-change transaction and
 * may only await that transaction's own requests. A step that reshapes
 * records must also export the record transform it applies, so the backup
 * format upgrade for files of the older shape can call the same code.
 */
export interface Migration {
  version: number;
  description: string;
  upgrade(db: MigrationDb, tx: MigrationTransaction): void | Promise<void>;
}
