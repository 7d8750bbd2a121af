import { describe, expect, it } from 'vitest';
import type { TagPage } from '../../../utils/ao3/types';
import { learnTagFamily, type TagPageLoader, type TagPageResult } from '../../../utils/rules/learn-family';

function page(name: string, fields: Partial<TagPage> = {}): TagPage {
  return { name, category: 'freeform', canonical: true, synonymOf: null, synonyms: [], subtags: [], metatags: [], parents: [], ...fields };
}

/** A loader over a fixed set of pages; records what it was asked for. */
function loader(pages: TagPage[], broken: string[] = []): TagPageLoader & { asked: string[] } {
  const byName = new Map(pages.map((p) => [p.name.toLowerCase(), p]));
  const asked: string[] = [];
  const load = async (name: string): Promise<TagPageResult> => {
    asked.push(name);
    if (broken.includes(name)) return { status: 'failed', error: 'HTTP 503' };
    const found = byName.get(name.toLowerCase());
    return found ? { status: 'ok', page: found } : { status: 'missing' };
  };
  return Object.assign(load, { asked });
}

const ANGST = page('Angst', {
  synonyms: ['a shit ton of angst', 'angsty', 'Angst and more angst'],
  subtags: [
    { name: 'Existential Angst', parent: 'Angst' },
    { name: 'Teen Angst', parent: 'Angst' },
    { name: 'Emo Teen Angst', parent: 'Teen Angst' },
  ],
});
const SHIT_TON = page('a shit ton of angst', { canonical: false, synonymOf: 'Angst' });
const EXISTENTIAL = page('Existential Angst', { synonyms: ['existential dread angst'] });
const TEEN = page('Teen Angst', { synonyms: ['teenage angst'], subtags: [{ name: 'Emo Teen Angst', parent: 'Teen Angst' }, { name: 'Goth Teen Angst', parent: 'Teen Angst' }] });
const EMO = page('Emo Teen Angst', { synonyms: ['emo angst'] });
const GOTH = page('Goth Teen Angst', { synonyms: ['goth angst'] });
const ALL = [ANGST, SHIT_TON, EXISTENTIAL, TEEN, EMO, GOTH];
const NOW = () => 1_700_000_000_000;

describe('learnTagFamily', () => {
  it('a canonical tag: its synonyms, its subtags with theirs, the tree the pages draw', async () => {
    const load = loader(ALL);
    const result = await learnTagFamily('Angst', load, { now: NOW });
    expect(result).toEqual({
      ok: true,
      family: {
        name: 'Angst',
        canonical: 'Angst',
        synonyms: ['a shit ton of angst', 'angsty', 'Angst and more angst'],
        subtags: [
          { name: 'Existential Angst', parent: 'Angst', synonyms: ['existential dread angst'] },
          { name: 'Teen Angst', parent: 'Angst', synonyms: ['teenage angst'] },
          { name: 'Emo Teen Angst', parent: 'Teen Angst', synonyms: ['emo angst'] },
          // Not in the canonical's tree: found on Teen Angst's own page.
          { name: 'Goth Teen Angst', parent: 'Teen Angst', synonyms: ['goth angst'] },
        ],
        learnedAt: NOW(),
        pages: 5,
        complete: true,
      },
    });
    expect(load.asked).toEqual(['Angst', 'Existential Angst', 'Teen Angst', 'Emo Teen Angst', 'Goth Teen Angst']);
  });

  it('a synonym: follows once to its canonical tag, and is among the synonyms', async () => {
    const load = loader(ALL);
    const result = await learnTagFamily('a shit ton of angst', load, { now: NOW, maxDepth: 0 });
    if (!result.ok) throw new Error('not learned');
    expect(load.asked).toEqual(['a shit ton of angst', 'Angst']);
    expect(result.family).toMatchObject({ name: 'a shit ton of angst', canonical: 'Angst', pages: 2 });
    expect(result.family.synonyms[0]).toBe('a shit ton of angst');
    expect(result.family.synonyms).toHaveLength(3);
    // maxDepth 0: the subtags are named (from the canonical's tree) but their pages are not read.
    expect(result.family.subtags.map((s) => s.name)).toEqual(['Existential Angst', 'Teen Angst', 'Emo Teen Angst']);
    expect(result.family.complete).toBe(false);
  });

  it('a synonym whose canonical names it elsewhere still gets no second hop', async () => {
    const loop = [page('A', { canonical: false, synonymOf: 'B' }), page('B', { canonical: false, synonymOf: 'C' })];
    const load = loader(loop);
    const result = await learnTagFamily('A', load);
    expect(load.asked).toEqual(['A', 'B']);
    expect(result.ok && result.family.canonical).toBe('B');
  });

  it('the page limit cuts the walk short: complete false, never more pages than the limit', async () => {
    const load = loader(ALL);
    const result = await learnTagFamily('Angst', load, { maxPages: 3 });
    expect(load.asked).toHaveLength(3);
    expect(result.ok && result.family).toMatchObject({ pages: 3, complete: false });
    // Unread subtags keep their names from the tree.
    expect(result.ok && result.family.subtags.map((s) => [s.name, s.synonyms.length])).toEqual([
      ['Existential Angst', 1],
      ['Teen Angst', 1],
      ['Emo Teen Angst', 0],
      ['Goth Teen Angst', 0],
    ]);
  });

  it('a subtag page that fails or is missing: the rest is learned, complete false', async () => {
    for (const [pages, broken] of [[ALL.filter((p) => p !== EXISTENTIAL), []], [ALL, ['Existential Angst']]] as const) {
      const result = await learnTagFamily('Angst', loader([...pages], [...broken]));
      if (!result.ok) throw new Error('not learned');
      expect(result.family.complete).toBe(false);
      expect(result.family.subtags.find((s) => s.name === 'Teen Angst')?.synonyms).toEqual(['teenage angst']);
      expect(result.family.subtags.find((s) => s.name === 'Existential Angst')?.synonyms).toEqual([]);
    }
  });

  it("the tag's own page missing or failing: nothing learned, and which", async () => {
    expect(await learnTagFamily('Nope', loader(ALL))).toEqual({ ok: false, status: 'missing' });
    expect(await learnTagFamily('Angst', loader(ALL, ['Angst']))).toEqual({ ok: false, status: 'failed', error: 'HTTP 503' });
    const throwing: TagPageLoader = () => Promise.reject(new Error('offline'));
    expect(await learnTagFamily('Angst', throwing)).toEqual({ ok: false, status: 'failed', error: 'offline' });
  });

  it("a synonym whose canonical's page cannot be read: the canonical's name is still learned", async () => {
    const result = await learnTagFamily('a shit ton of angst', loader([SHIT_TON]));
    expect(result.ok && result.family).toMatchObject({ canonical: 'Angst', synonyms: ['a shit ton of angst'], subtags: [], complete: false, pages: 2 });
  });

  it('an unwrangled tag: a family of one, complete', async () => {
    const result = await learnTagFamily('lollll', loader([page('lollll', { canonical: false })]));
    expect(result.ok && result.family).toMatchObject({ name: 'lollll', canonical: 'lollll', synonyms: [], subtags: [], complete: true, pages: 1 });
  });

  it('reports progress after every page: done of a total that never falls below done', async () => {
    const seen: Array<[number, number]> = [];
    await learnTagFamily('Angst', loader(ALL), { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen[0]).toEqual([1, 1]);
    expect(seen.at(-1)).toEqual([5, 5]);
    expect(seen.every(([done, total]) => done <= total && total <= 25)).toBe(true);
    expect(seen.some(([, total]) => total === 4)).toBe(true);
  });

  it('a tree that loops back to a tag already seen is walked once', async () => {
    const cyclic = [
      page('X', { subtags: [{ name: 'Y', parent: 'X' }] }),
      page('Y', { subtags: [{ name: 'X', parent: 'Y' }, { name: 'Z', parent: 'Y' }] }),
      page('Z', { subtags: [{ name: 'Y', parent: 'Z' }] }),
    ];
    const load = loader(cyclic);
    const result = await learnTagFamily('X', load);
    expect(load.asked).toEqual(['X', 'Y', 'Z']);
    expect(result.ok && result.family.subtags.map((s) => `${s.parent}>${s.name}`)).toEqual(['X>Y', 'Y>Z', 'Z>Y']);
  });
});
