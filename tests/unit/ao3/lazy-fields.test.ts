/**
 * Blurb fields no rule reads are getters that read the page on first use
 * (utils/ao3/lazy.ts). A record must still serialise exactly as an eager
 * reading does — same fields, same order, same values — even when its fields
 * are first read after the content script has decorated the blurbs.
 */
import { expect, it } from 'vitest';
import { readPage, readPageWithElements } from '../../../utils/ao3/page';
import { realPageDocument, realPages } from '../../helpers/real-pages';
import { describeRealPages } from '../../helpers/real-pages-suite';

const NOW = new Date('2026-01-20T12:00:00Z');

/** What the content script does to a blurb before anything reads its lazy fields. */
function decorate(li: Element): void {
  const doc = li.ownerDocument;
  li.classList.add('shelfmark-hidden');
  const note = doc.createElement('div');
  note.className = 'shelfmark-placeholder';
  note.textContent = 'Hidden by Shelfmark: Tag: Fluff';
  li.prepend(note);
}

describeRealPages('lazy blurb fields read as an eager reading', () => {
  it.each(realPages().map((p) => [p.file, p] as const))('%s', (_file, page) => {
    // Serialised at once: every getter runs right after the read, as if eager.
    const eager = JSON.stringify(readPage(realPageDocument(page.file), page.url, NOW));

    const { page: record, elements } = readPageWithElements(realPageDocument(page.file), page.url, NOW);
    elements.forEach(decorate);
    const late = JSON.stringify(record);
    expect(late).toBe(eager);

    // Once read, a lazy field is a plain data property, and the record survives a round trip.
    for (const blurb of record.blurbs) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(blurb))) {
        expect({ key, accessor: 'get' in descriptor }).toEqual({ key, accessor: false });
      }
    }
    expect(JSON.parse(late)).toEqual(record);
  });

  it('structured clone and spreads read the getters too', () => {
    const file = realPages().find((p) => p.main.startsWith('works-index'))!;
    const eager = readPage(realPageDocument(file.file), file.url, NOW);
    const expected = JSON.parse(JSON.stringify(eager)) as unknown;
    expect(structuredClone(readPage(realPageDocument(file.file), file.url, NOW))).toEqual(expected);
    expect(readPage(realPageDocument(file.file), file.url, NOW).blurbs.map((b) => ({ ...b }))).toEqual(
      (expected as { blurbs: unknown[] }).blurbs,
    );
  });
});
