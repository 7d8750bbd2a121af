/**
 * What makes a stopped worker harmless. The browser may stop the background at
 * any moment, also between a write to the database and the writes outside it
 * that follow (the rules mirror in storage.local, the wipe's clearing of
 * storage.local and the transfer area). Each such sequence is written so that
 * running `recoverAtStart` at the next start, which every start does, finishes it.
 */
import { clearTransfers, type TransferArea } from '../backup/transfer-area';
import type { ShelfmarkDb } from '../db/schema';
import { isWipeUnfinished, markWipeFinished } from '../db/wipe';
import type { ListingMirror } from './listing-mirror';
import type { StateFilterMirror } from './state-filter-mirror';

export interface RecoveryDeps {
  getDb: () => Promise<ShelfmarkDb>;
  listingMirror: ListingMirror;
  transfers: TransferArea;
  /** Built when missing: a first start, or a stop in the middle of a write of many works. */
  stateFilter?: StateFilterMirror;
}

/**
 * The steps of "Delete all my data" after the database's wipe (which marked the wipe
 * unfinished): storage.local emptied and the (now empty) mirror written, the transfer
 * area emptied, and only then the mark cleared.
 */
export async function finishWipe(deps: RecoveryDeps): Promise<void> {
  await deps.listingMirror.clearAndRefresh();
  await clearTransfers(deps.transfers);
  await markWipeFinished(await deps.getDb());
}

/**
 * At every start of the background: finishes a wipe a stop cut short, else rebuilds the mirror from
 * the database; then builds the state filter if it is missing.
 */
export async function recoverAtStart(deps: RecoveryDeps): Promise<void> {
  if (await isWipeUnfinished(await deps.getDb())) await finishWipe(deps);
  else await deps.listingMirror.refresh();
  await deps.stateFilter?.ensure();
}
