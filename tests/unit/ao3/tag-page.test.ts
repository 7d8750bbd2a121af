/** The tag page reader on hand-written markup: the cases the real set lacks, and markup it does not know. */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../utils/ao3/page';
import { archiveDoc } from './fixtures';

const A = 'https://archiveofourown.org';
const EMPTY = { name: '', category: null, canonical: false, synonymOf: null, synonyms: [], subtags: [], metatags: [], parents: [] };

describe('readTagPage (through readPage)', () => {
  it('a media tag with metatags drawn as a nested tree', () => {
    const doc = archiveDoc(
      'tags-show',
      `<div class="tag home profile"><div class="primary header module"><h2 class="heading">Fluff  and&nbsp;Angst</h2></div>
       <p>This tag belongs to the Media Category. It's a <a href="/faq/glossary#canonicaldef">canonical tag</a>.</p>
       <div class="meta listbox group"><ul class="tags tree index"><li><a class="tag" href="/tags/Fluff">Fluff</a><ul class="tags tree index"><li><a class="tag" href="/tags/Mood">Mood</a></li></ul></li><li><a class="tag" href="/tags/Angst">Angst</a><ul class="tags tree index"><li><a class="tag" href="/tags/Mood">Mood</a></li></ul></li></ul></div>
       <div class="sub listbox group"><ul class="tags tree index"><li><a class="tag" href="/tags/A">A</a><ul class="tags tree index"><li><a class="tag" href="/tags/B">B</a></li></ul></li><li><a class="tag" href="/tags/C">C</a><ul class="tags tree index"><li><a class="tag" href="/tags/B">B</a></li></ul></li></ul></div></div>`,
    );
    const record = readPage(doc, `${A}/tags/Fluff%20and%20Angst`);
    expect(record.kind).toBe('tag');
    expect(record.tag).toEqual({
      ...EMPTY,
      name: 'Fluff and Angst',
      category: 'media',
      canonical: true,
      metatags: ['Fluff', 'Mood', 'Angst'],
      // B drawn under A and under C: once per parent.
      subtags: [
        { name: 'A', parent: 'Fluff and Angst' },
        { name: 'B', parent: 'A' },
        { name: 'C', parent: 'Fluff and Angst' },
        { name: 'B', parent: 'C' },
      ],
    });
  });

  it('an empty tag link is named by its address; a page without a heading by its URL', () => {
    const doc = archiveDoc(
      'tags-show',
      `<div class="tag home profile"><div class="merger module"><p>x has been made a synonym of <a class="tag" href="/tags/Hurt*s*Comfort"></a>.</p></div></div>`,
    );
    expect(readPage(doc, `${A}/tags/hurt%20comfort`).tag).toEqual({ ...EMPTY, name: 'hurt comfort', synonymOf: 'Hurt/Comfort' });
  });

  it('markup it does not know: empty and unknown, never an exception', () => {
    for (const inner of [
      '',
      '<p>This tag belongs to the Mystery Category.</p>',
      '<div class="tag home profile"><div class="sub listbox group"><ul class="tags tree index"><li>no link</li><li><a class="tag"></a></li></ul></div></div>',
      '<div class="synonym listbox group"><p>nothing listed</p></div>',
    ]) {
      const record = readPage(archiveDoc('tags-show', inner), null);
      expect(record.kind).toBe('tag');
      expect(record.tag).toEqual(EMPTY);
    }
  });

  it('a deeply nested tree is read without overflowing', () => {
    let tree = '';
    for (let i = 200; i > 0; i--) tree = `<ul class="tags tree index"><li><a class="tag" href="/tags/T${i}">T${i}</a>${tree}</li></ul>`;
    const record = readPage(archiveDoc('tags-show', `<div class="tag home profile"><h2 class="heading">Root</h2><div class="sub listbox group">${tree}</div></div>`));
    expect(record.tag?.subtags.length).toBeGreaterThan(10);
    expect(record.tag?.subtags[0]).toEqual({ name: 'T1', parent: 'Root' });
  });
});
