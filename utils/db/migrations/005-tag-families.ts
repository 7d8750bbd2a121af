import type { Migration } from './migration';

/**
 * Version 5: a store for tag families (utils/rules/tag-family.ts), what the
 * archive files under a tag as learned from its tag pages, keyed by the
 * tag's normalised name (`normalizeTagText`). Nothing existing changes shape.
 */
export const tagFamilies: Migration = {
  version: 5,
  description: 'a store for the tag families learned from the archive',
  upgrade(db) {
    db.createObjectStore('tagFamilies', { keyPath: 'key' });
  },
};
