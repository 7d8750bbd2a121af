/** What the page model reads from real archive pages is a snapshot the background accepts. */
import { expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import type { WorkPage } from '../../../utils/ao3/types';
import { checkWorkFacts } from '../../../utils/db/record-checks';
import { snapshotFromBlurb, snapshotFromWorkPage } from '../../../utils/db/work-snapshot';
import { realPageDocument, realPages } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

describeRealPages('work snapshots from real pages', () => {
  const pages = realPages().map((page) => ({ ...page, record: readPage(realPageDocument(page.file), page.url) }));

  it('every work page gives a valid snapshot with its chapter list', () => {
    const workPages = pages.filter((p) => p.record.kind === 'work' && p.record.work && 'view' in p.record.work);
    expect(workPages.length).toBeGreaterThan(0);
    for (const page of workPages) {
      const work = page.record.work as WorkPage;
      const snapshot = snapshotFromWorkPage(work);
      expect(snapshot, page.file).not.toBeNull();
      expect(checkWorkFacts(snapshot, page.file)).toBeNull();
      expect(snapshot!.chapters.map((c) => c.id)).toEqual(work.chapterList.map((c) => c.id));
      expect(snapshot!.tags.freeform).toEqual(work.freeforms);
      expect(snapshot!.updatedAt).toBeNull();
    }
  });

  it('every work blurb on every listing gives a valid snapshot without chapter ids', () => {
    let blurbs = 0;
    for (const page of pages) {
      for (const blurb of page.record.blurbs) {
        if (blurb.type !== 'work' || blurb.workId === null) continue;
        const snapshot = snapshotFromBlurb(blurb);
        expect(checkWorkFacts(snapshot, `${page.file} ${blurb.workId}`)).toBeNull();
        expect(snapshot).toMatchObject({ workId: blurb.workId, title: blurb.title, fandoms: blurb.fandoms, chapters: [], updatedAt: blurb.updatedAt });
        blurbs++;
      }
    }
    expect(blurbs).toBeGreaterThan(50);
  });

  it('a blurb without a work id gives no snapshot', () => {
    const blurb = pages.flatMap((p) => p.record.blurbs).find((b) => b.type === 'work');
    expect(blurb && blurb.type === 'work' ? snapshotFromBlurb({ ...blurb, workId: null }) : 'no blurb').toBeNull();
  });
});
