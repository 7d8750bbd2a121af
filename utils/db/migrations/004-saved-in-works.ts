import type { Migration } from './migration';

/**
 * Version 4: each work's saved entry moves into its works record (`saved`), as
 * the reading did in version 3, and the saved store goes. A listing's state of
 * 20 works is then 20 reads instead of 40 (each read pays a fixed cost in the
 * browser, which made that message miss its 5 ms budget), and a work's data is
 * one write. A work saved but never seen gets a record of its id and saved
 * entry alone (utils/db/types.ts: UnseenWork). The saved store's indexes follow
 * the entry to the works store, renamed for it (`saved.status` as
 * `savedStatus`…): works not saved are not in them.
 *
 * The backup file keeps its separate `saved` array, so there is no format
 * upgrade and no record transform to share with one.
 */
export const savedInWorks: Migration = {
  version: 4,
  description: "keep each work's saved entry in its works record",
  async upgrade(db, tx) {
    const works = tx.objectStore('works');
    works.createIndex('savedStatus', 'saved.status');
    works.createIndex('savedAdded', 'saved.added');
    works.createIndex('savedChanged', 'saved.changed');
    const saves = (await tx.objectStore('saved').getAll()) as Array<{ workId: number }>;
    const stored = (await Promise.all(saves.map((saved) => works.get(saved.workId)))) as Array<object | undefined>;
    await Promise.all(saves.map((saved, i) => works.put(stored[i] ? { ...stored[i], saved } : { workId: saved.workId, saved })));
    db.deleteObjectStore('saved');
  },
};
