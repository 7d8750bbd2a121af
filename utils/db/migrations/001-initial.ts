import type { Migration } from './migration';

/** Version 1: every store, with the indexes the first screens sort and filter by. */
export const initial: Migration = {
  version: 1,
  description: 'create the stores',
  upgrade(db) {
    const works = db.createObjectStore('works', { keyPath: 'workId' });
    works.createIndex('fandoms', 'fandoms', { multiEntry: true });

    const reading = db.createObjectStore('reading', { keyPath: 'workId' });
    reading.createIndex('lastVisit', 'lastVisit');

    db.createObjectStore('visits', { keyPath: 'seq' });

    const saved = db.createObjectStore('saved', { keyPath: 'workId' });
    saved.createIndex('status', 'status');
    saved.createIndex('added', 'added');

    const rules = db.createObjectStore('rules', { keyPath: 'id' });
    rules.createIndex('order', 'order');

    db.createObjectStore('settings', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('backups', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('backupFiles');
  },
};
