/**
 * Families learned from the shared tag pages, exactly as the extension learns
 * them from the archive: the set holds each listing's tag page but not the
 * pages of their subtags or of the canonical tags some of them are synonyms
 * of, so those loads come back "missing" and the families are incomplete.
 */
import { expect, it } from 'vitest';
import { learnTagFamily } from '../../utils/rules/learn-family';
import { savedTagPages } from '../../scripts/lib/tag-pages';
import { realPagesDir } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';

describeRealPages('learning families from the shared tag pages', () => {
  const pages = () => savedTagPages(realPagesDir()!);

  it('Mind Palace: 19 synonyms, two subtags (one under the other), their pages asked for', async () => {
    const saved = pages();
    const result = await learnTagFamily('Mind Palace', saved.load, { now: () => 0 });
    expect(saved.requested).toEqual(['Mind Palace', "Sherlock Holmes's Mind Palace", "John Watson in Sherlock Holmes' Mind Palace"]);
    if (!result.ok) throw new Error('not learned');
    expect(result.family).toMatchObject({ name: 'Mind Palace', canonical: 'Mind Palace', pages: 3, complete: false });
    expect(result.family.synonyms).toHaveLength(19);
    expect(result.family.subtags).toEqual([
      { name: "Sherlock Holmes's Mind Palace", parent: 'Mind Palace', synonyms: [] },
      { name: "John Watson in Sherlock Holmes' Mind Palace", parent: "Sherlock Holmes's Mind Palace", synonyms: [] },
    ]);
  });

  it('a shit ton of angst: a synonym of Angst, whose page is not in the set', async () => {
    const saved = pages();
    const result = await learnTagFamily('a shit ton of angst', saved.load);
    expect(saved.requested).toEqual(['a shit ton of angst', 'Angst']);
    expect(result.ok && result.family).toMatchObject({ canonical: 'Angst', synonyms: ['a shit ton of angst'], subtags: [], complete: false, pages: 2 });
  });

  it('Worldbuilding: 32 subtags named, at most 25 pages read, depth-limited', async () => {
    const saved = pages();
    const seen: number[] = [];
    const result = await learnTagFamily('Worldbuilding', saved.load, { onProgress: (done) => seen.push(done) });
    if (!result.ok) throw new Error('not learned');
    expect(new Set(result.family.subtags.map((s) => s.name)).size).toBe(32);
    expect(result.family.synonyms).toHaveLength(301);
    expect(saved.requested.length).toBeLessThanOrEqual(25);
    expect(result.family.pages).toBe(saved.requested.length);
    expect(Math.max(...seen)).toBe(saved.requested.length);
    expect(result.family.complete).toBe(false);
  });

  it('Choose Not To Use Archive Warnings (a warning): a family of one, one page, complete', async () => {
    const result = await learnTagFamily('Choose Not To Use Archive Warnings', pages().load);
    expect(result.ok && result.family).toMatchObject({ canonical: 'Choose Not To Use Archive Warnings', synonyms: [], subtags: [], pages: 1, complete: true });
  });

  it('a tag without a page in the set: missing', async () => {
    expect(await learnTagFamily('Fluff', pages().load)).toEqual({ ok: false, status: 'missing' });
  });
});
