import type { Migration } from './migration';

/**
 * Version 3: each work's reading record moves into its works record (`reading`),
 * so writing a work's data — above all a backup import — is one write per work
 * instead of two; the reading store goes. A work read but never seen gets a
 * record of its id and reading alone (utils/db/types.ts: UnseenWork). The
 * last-visit index follows the reading (`reading.lastVisit`: works never read
 * are not in it). The works store's multi-entry fandoms index goes too: nothing
 * queried it, and it added an index entry per fandom to every work written.
 *
 * The backup file keeps its separate `reading` array, so there is no format
 * upgrade and no record transform to share with one.
 */
export const readingInWorks: Migration = {
  version: 3,
  description: "keep each work's reading in its works record",
  async upgrade(db, tx) {
    const works = tx.objectStore('works');
    works.deleteIndex('fandoms');
    works.createIndex('lastVisit', 'reading.lastVisit');
    const readings = (await tx.objectStore('reading').getAll()) as Array<{ workId: number }>;
    const stored = (await Promise.all(readings.map((reading) => works.get(reading.workId)))) as Array<object | undefined>;
    await Promise.all(readings.map((reading, i) => works.put(stored[i] ? { ...stored[i], reading } : { workId: reading.workId, reading })));
    db.deleteObjectStore('reading');
  },
};
