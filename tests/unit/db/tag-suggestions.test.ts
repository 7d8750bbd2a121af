import { describe, expect, it } from 'vitest';
import { recordVisit, storeWorkSnapshots } from '../../../utils/db/tracking';
import { SCANNED_WORKS, suggestTags } from '../../../utils/db/tag-suggestions';
import { DAY, T0, freshDb, work } from './fixtures';

describe('tag suggestions from the works store', () => {
  it('offers the tags of visited works that contain the typed text, prefix matches and frequent tags first', async () => {
    const db = await freshDb();
    await recordVisit(db, work({ workId: 1 }), null, T0);
    await recordVisit(db, work({ workId: 2, tags: { ...work().tags, freeform: ['Fluff', 'Slow Burn'] } }), null, T0 + DAY);
    await recordVisit(db, work({ workId: 3, tags: { ...work().tags, freeform: ['Angst with a Happy Ending', 'Fluff'] } }), null, T0 + 2 * DAY);

    const tags = await suggestTags(db, { prefix: 'fl', slot: 'any' });
    expect(tags).toEqual([
      { name: 'Fluff', type: 'freeform', count: 2 },
      { name: 'Fluff and Angst', type: 'freeform', count: 1 },
    ]);
    expect(await suggestTags(db, { prefix: 'BURN' })).toEqual([{ name: 'Slow Burn', type: 'freeform', count: 2 }]);
    expect(await suggestTags(db, { prefix: 'good omens', slot: 'fandom' })).toEqual([{ name: 'Good Omens (TV)', type: 'fandom', count: 3 }]);
    expect(await suggestTags(db, { prefix: 'good omens', slot: 'relationship' })).toEqual([
      { name: 'Aziraphale/Crowley (Good Omens)', type: 'relationship', count: 3 },
    ]);
    expect(await suggestTags(db, { prefix: 'fl', limit: 1 })).toHaveLength(1);
    // Compared as rules compare tags: width, case and invisible characters aside.
    expect(await suggestTags(db, { prefix: 'Ｓｌｏｗ\u200b ' })).toEqual([{ name: 'Slow Burn', type: 'freeform', count: 2 }]);
  });

  it('only looks at works the reader visited, most recent first, a bounded number of them', async () => {
    const db = await freshDb();
    // Seen on a listing but never visited: not the reader's own reading.
    await storeWorkSnapshots(db, [work({ workId: 9, tags: { ...work().tags, freeform: ['Listing Only'] } })], T0);
    expect(await suggestTags(db, { prefix: 'listing' })).toEqual([]);

    for (let i = 0; i <= SCANNED_WORKS; i++) {
      const freeform = i === 0 ? ['Oldest Visit'] : ['Recent'];
      await recordVisit(db, work({ workId: 100 + i, tags: { ...work().tags, freeform } }), null, T0 + i * DAY);
    }
    expect(await suggestTags(db, { prefix: 'oldest' })).toEqual([]);
    expect(await suggestTags(db, { prefix: 'recent' })).toEqual([{ name: 'Recent', type: 'freeform', count: SCANNED_WORKS }]);
  });
});
