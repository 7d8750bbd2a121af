/**
 * What a listing asks the background: one odd blurb (an oversized title or
 * tag, a work id of 0 or past 2^53) is cut or left out, the other works are
 * asked about as before, and a page of more works than one request may name
 * asks in as few requests as fit.
 */
import { expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import type { PageRecord, WorkBlurb } from '../../../utils/ao3/types';
import { checkRequest } from '../../../utils/messaging/checks';
import { MAX_STATE_IDS } from '../../../utils/messaging/protocol';
import { idBatches, snapshotsOf, SNAPSHOT_BUDGET, workIdsOf } from '../../../entrypoints/archive.content/work-states';
import { realPage, realPageDocument } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

const FILE = 'listing-tag-sherlock-holmes.html';

describeRealPages('a listing with odd blurbs', () => {
  const read = (): PageRecord => readPage(realPageDocument(FILE), realPage(FILE).url);
  const works = (page: PageRecord) => page.blurbs.filter((b): b is WorkBlurb => b.type === 'work' && b.workId !== null);

  it('asks about every other work, with every other snapshot, in a request the background accepts', () => {
    const page = read();
    const [huge, zero, past, tagged, ...others] = works(page);
    huge!.title = 'T'.repeat(50_000);
    zero!.workId = 0;
    past!.workId = 2 ** 53 + 2;
    tagged!.freeforms = [...tagged!.freeforms, 'x'.repeat(40_000)];
    const workIds = workIdsOf(page);
    const snapshot = snapshotsOf(page);

    expect(workIds).toEqual([huge!.workId, tagged!.workId, ...others.map((b) => b.workId)]);
    expect(snapshot.map((s) => s.workId)).toEqual(workIds);
    expect(snapshot[0]!.title).toHaveLength(10_000);
    expect(checkRequest({ type: 'works/state', workIds, snapshot })).toBeNull();
  });

  it('leaves out snapshots past the size a message carries, never the ids', () => {
    const page = read();
    const [first, second, ...others] = works(page);
    // About 6 million characters each: either fits the budget alone, not both.
    first!.freeforms = Array.from({ length: 3_000 }, (_, i) => `${i} ${'y'.repeat(1_990)}`);
    second!.freeforms = Array.from({ length: 3_000 }, (_, i) => `${i} ${'z'.repeat(1_990)}`);
    expect(3_000 * 1_995 * 2).toBeGreaterThan(SNAPSHOT_BUDGET);
    const snapshot = snapshotsOf(page);
    expect(snapshot.map((s) => s.workId)).toEqual([first!.workId, ...others.map((b) => b.workId)]);
    expect(workIdsOf(page)).toContain(second!.workId);
  });

  it('splits only past what one request may name', () => {
    const ids = Array.from({ length: MAX_STATE_IDS * 2 + 5 }, (_, i) => i + 1);
    expect(idBatches(ids.slice(0, 2_500))).toEqual([ids.slice(0, 2_500)]);
    expect(idBatches(ids).map((batch) => batch.length)).toEqual([MAX_STATE_IDS, MAX_STATE_IDS, 5]);
    expect(checkRequest({ type: 'works/state', workIds: ids.slice(0, MAX_STATE_IDS) })).toBeNull();
  });
});
