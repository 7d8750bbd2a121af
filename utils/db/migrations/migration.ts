import type { ShelfmarkDb, UpgradeTransaction } from '../schema';

/**
 * One upgrade step. `upgrade` runs inside the version-change transaction and
 * may only await that transaction's own requests. A step that reshapes
 * records must also export the record transform it applies, so the backup
 * format upgrade for files of the older shape can call the same code.
 */
export interface Migration {
  version: number;
  description: string;
  upgrade(db: ShelfmarkDb, tx: UpgradeTransaction): void | Promise<void>;
}
