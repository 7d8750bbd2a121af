import { type IDBPObjectStore, type IDBPTransaction, type StoreValue, unwrap } from 'idb';
import type { ShelfmarkDb, ShelfmarkSchema, StoreName } from './schema';

export type Tx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<ShelfmarkSchema, S, M>;

/**
 * Runs `body` in one transaction and resolves once it has committed. If the
 * body throws (a failed request, a bad record) the transaction is aborted, so
 * requests it already issued are rolled back instead of committing with the
 * rest missing. The body may await only this transaction's own requests.
 */
export async function inTransaction<S extends StoreName[], M extends IDBTransactionMode, R>(
  db: ShelfmarkDb,
  stores: S,
  mode: M,
  body: (tx: Tx<S, M>) => Promise<R>,
  options?: IDBTransactionOptions,
): Promise<R> {
  const tx = db.transaction(stores, mode, options);
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: `tx.done` carries the outcome.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/**
 * A transaction's requests issued together and awaited at once (awaiting each
 * in turn would leave one request in flight at a time). When one fails and
 * the transaction aborts, the others reject too; those are expected, so they
 * are marked handled here and only the first failure is reported by `done`.
 */
export class RequestGroup {
  private readonly pending: Array<Promise<unknown>> = [];

  add<T>(request: Promise<T>): Promise<T> {
    request.catch(() => undefined);
    this.pending.push(request);
    return request;
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/**
 * Puts many records at once (an import's 100,000 works) as bare requests, without the
 * promise and listeners idb gives each one: for that many, those cost a good part of a
 * second. Nothing is lost by not watching each request: a put that fails aborts the
 * transaction, and `inTransaction` reports the abort when it awaits `tx.done`.
 */
export function putAll<Name extends StoreName>(store: IDBPObjectStore<ShelfmarkSchema, ArrayLike<StoreName>, Name, 'readwrite'>, records: Iterable<StoreValue<ShelfmarkSchema, Name>>): void {
  const bare = unwrap(store);
  for (const record of records) bare.put(record);
}
