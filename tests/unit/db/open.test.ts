import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbConnection } from '../../../utils/db/open';
import { uniqueDbName } from './fixtures';

describe('the background connection', () => {
  it('opens once for a burst of requests', async () => {
    const connection = createDbConnection({ name: uniqueDbName() });
    const opened = await Promise.all(Array.from({ length: 20 }, () => connection.get()));
    expect(new Set(opened).size).toBe(1);
    await connection.close();
  });

  it('closes when it blocks an upgrade, and reopens on the next request', async () => {
    const name = uniqueDbName();
    const connection = createDbConnection({ name });
    const first = await connection.get();
    // A newer version of the extension upgrading the database: it must not be blocked.
    const upgraded = await openDB(name, first.version + 1, { upgrade: (db) => void db.createObjectStore('later') });
    upgraded.close();
    // The old code can no longer open the newer database; the failure is not remembered.
    await expect(connection.get()).rejects.toThrow();
    await expect(connection.get()).rejects.toThrow();
  });

  it('retries after a failed open', async () => {
    const name = uniqueDbName();
    const newer = await openDB(name, 99);
    newer.close();
    const connection = createDbConnection({ name });
    await expect(connection.get()).rejects.toThrow();
    // Fixed by opening at the right version: a new connection object isn't needed, only a new attempt.
    const retry = createDbConnection({ name, version: 99 });
    expect((await retry.get()).version).toBe(99);
    await retry.close();
  });
});
