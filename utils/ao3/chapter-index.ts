/**
 * The chapter index, `/works/N/navigate`: "Chapter Index for <work> by
 * <creators>", then one `li` per chapter with "K. Title" and "(YYYY-MM-DD)".
 */
import type { ChapterIndexPage, ChapterRef } from './types';
import { readAuthors } from './byline';
import { idAfter, parseDate, textOf } from './text';

export function readChapterIndex(doc: Document, url?: string | null): ChapterIndexPage {
  const main = doc.getElementById('main') ?? doc;
  const heading = main.querySelector('h2.heading');
  const workLink = heading?.querySelector('a[href*="/works/"]') ?? null;
  const chapterList: ChapterRef[] = [];
  main.querySelectorAll('ol.chapter.index li').forEach((li, index) => {
    const a = li.querySelector('a[href*="/chapters/"]');
    const id = idAfter(a?.getAttribute('href'), 'chapters');
    if (id === null) return;
    const m = /^(\d+)\.\s*(.*)$/.exec(textOf(a));
    chapterList.push({
      id,
      position: m ? Number(m[1]) : index + 1,
      title: m ? m[2]! : textOf(a),
      date: parseDate(textOf(li.querySelector('.datetime'))),
    });
  });
  return {
    workId: idAfter(workLink?.getAttribute('href'), 'works') ?? idAfter(url, 'works'),
    title: textOf(workLink),
    authors: readAuthors(heading ?? null),
    chapterList,
  };
}
