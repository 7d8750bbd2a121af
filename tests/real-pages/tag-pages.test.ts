/**
 * Every tag page of the shared set (`tag-*.html`, `#main.tags-show`, served at
 * `/tags/NAME`): the tag's wrangling as the page model reads it. Expected
 * values were read from the saved markup by hand: the heading, the category
 * sentence, the "Mergers" box, and the `li`s of each list box counted in the
 * source (`div.synonym.listbox`: 301 on the four large pages — the archive
 * says it shows the 300 most used, its template draws one more).
 */
import { expect, it } from 'vitest';
import type { TagPage, TagTreeEntry } from '../../utils/ao3/types';
import { realPages } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { load } from './support';

interface Case {
  file: string;
  name: string;
  category: TagPage['category'];
  canonical: boolean;
  synonymOf: string | null;
  synonymCount: number;
  /** A few synonyms, each on the page. */
  someSynonyms: string[];
  /** The whole tree, or its size and a few entries. */
  subtags: TagTreeEntry[] | { count: number; some: TagTreeEntry[] };
  metatags: string[];
  parentCount: number;
  someParents: string[];
  /** Listing with works (unwrangled or unfilterable tags): how many blurbs. */
  blurbs: number;
}

const root = (names: string[], parent: string): TagTreeEntry[] => names.map((name) => ({ name, parent }));

const CASES: Case[] = [
  {
    file: 'tag-sherlock-holmes.html',
    name: 'Sherlock Holmes',
    category: 'character',
    canonical: true,
    synonymOf: null,
    synonymCount: 301,
    someSynonyms: ['"William Holmes"', '#Sherlock Holmes', '马二蛋'],
    subtags: root(
      [
        'Sherlock Holmes (Shall We Date?: Guard Me Sherlock!+)',
        'Sherlock Holmes (Yuukoku no Moriarty)',
        'Sherlock Holmes | Herlock Sholmes (Dai Gyakuten Saiban)',
        'Sherry Vernet | Rache (A Study in Emerald)',
        'Wax Sherlock Holmes',
      ],
      'Sherlock Holmes',
    ),
    metatags: [],
    parentCount: 44,
    someParents: ['221B Baker Towers', 'Elementary (TV)', 'Holmes & Watson (2018)'],
    blurbs: 0,
  },
  {
    file: 'tag-dysphoria.html',
    name: 'Dysphoria',
    category: 'freeform',
    canonical: true,
    synonymOf: null,
    synonymCount: 301,
    someSynonyms: ['#dysphoria', '// dysphoria (?)', 'A bit of dysphoria (or a lot I can’t tell)', 'a lot of disphoria'],
    subtags: [
      { name: 'Body Dysphoria', parent: 'Dysphoria' },
      { name: 'Nott | Veth Brenatto Has Body Dysphoria', parent: 'Body Dysphoria' },
      { name: 'Gender Dysphoria', parent: 'Dysphoria' },
      { name: 'TommyInnit Has Gender Dysphoria (Video Blogging RPF)', parent: 'Gender Dysphoria' },
    ],
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 0,
  },
  {
    file: 'tag-eventual-romance.html',
    name: 'Eventual Romance',
    category: 'freeform',
    canonical: true,
    synonymOf: null,
    synonymCount: 301,
    someSynonyms: ['"romance" comes much much much much later tho', "(but it's not really romantic yet)", '...eventual romance', 'amor eventual'],
    subtags: [],
    metatags: ['Romance'],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 0,
  },
  {
    file: 'tag-worldbuilding.html',
    name: 'Worldbuilding',
    category: 'freeform',
    canonical: true,
    synonymOf: null,
    synonymCount: 301,
    someSynonyms: ['#Worldbuilding', '(Expansion on pre-existing) World Building'],
    // 34 `li`s in the tree; two tags are drawn under two parents each, so 34 pairs and 32 names.
    subtags: {
      count: 34,
      some: [
        { name: 'Dixing Worldbuilding (Guardian)', parent: 'Worldbuilding' },
        { name: 'Geofiction', parent: 'Worldbuilding' },
        { name: 'Halovian Biology (Honkai: Star Rail)', parent: 'Halovian Lore and Worldbuilding (Honkai: Star Rail)' },
        { name: 'Clan Lore (Naruto)', parent: 'Naruto Worldbuilding' },
        { name: 'Hyuuga Clan Politics (Naruto)', parent: 'Hyuuga Clan Lore (Naruto)' },
        { name: 'Hyuuga Clan Politics (Naruto)', parent: 'Clan Politics (Naruto)' },
        { name: 'Uchiha Clan Politics (Naruto)', parent: 'Konohagakure | Hidden Leaf Village Politics' },
        { name: 'Luminary Wardance Ceremony (Honkai: Star Rail)', parent: 'Xianzhou Lore and Worldbuilding (Honkai: Star Rail)' },
      ],
    },
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 0,
  },
  {
    file: 'tag-mind-palace.html',
    name: 'Mind Palace',
    category: 'freeform',
    canonical: true,
    synonymOf: null,
    synonymCount: 19,
    someSynonyms: ['"Mind Palace"', "Hannibal's Mind Palace", 'Pałac Umysłu', 'undergroundmindpalace'],
    subtags: [
      { name: "Sherlock Holmes's Mind Palace", parent: 'Mind Palace' },
      { name: "John Watson in Sherlock Holmes' Mind Palace", parent: "Sherlock Holmes's Mind Palace" },
    ],
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 0,
  },
  {
    file: 'tag-castiel-supernatural-and-misha-collins.html',
    name: 'Castiel (Supernatural) & Misha Collins',
    category: 'relationship',
    canonical: true,
    synonymOf: null,
    synonymCount: 2,
    someSynonyms: ['Castiel & Misha Collins', 'Meta!Misha & Castiel'],
    subtags: [],
    metatags: [],
    parentCount: 5,
    someParents: ['Actor RPF', 'Castiel (Supernatural)', 'Misha Collins', 'Supernatural (TV 2005)', 'Supernatural (TV 2005) RPF'],
    blurbs: 0,
  },
  {
    file: 'tag-charlie-magne-morningstar.html',
    name: 'Charlie Magne | Morningstar',
    category: 'character',
    canonical: true,
    synonymOf: null,
    synonymCount: 115,
    someSynonyms: ['(Charlie just mentioned)', '2P Charlie Magne', 'cahrlie', 'Charlie (Hazbin Hotel)'],
    subtags: [],
    metatags: ['Charlie'],
    parentCount: 1,
    someParents: ['Hazbin Hotel (Cartoon)'],
    blurbs: 0,
  },
  {
    file: 'tag-komaeda-nagitoxsans-undertale.html',
    name: 'Komaeda Nagito/Sans (Undertale)',
    category: 'relationship',
    canonical: true,
    synonymOf: null,
    synonymCount: 18,
    someSynonyms: ['koimaegda/sans', 'nagito x sans', 'past Komaeda Nagito/Sans (Undertale)'],
    subtags: [],
    metatags: [],
    parentCount: 6,
    someParents: ['Komaeda Nagito', 'Sans (Undertale)', 'Undertale (Video Game)'],
    blurbs: 0,
  },
  {
    file: 'tag-original-senator-characters.html',
    name: 'Original Senator Characters',
    category: 'character',
    canonical: false,
    synonymOf: 'Galactic Senate Members (Star Wars)',
    synonymCount: 0,
    someSynonyms: [],
    subtags: [],
    metatags: [],
    parentCount: 3,
    someParents: ['Star Wars - All Media Types', 'Star Wars Legends - All Media Types', 'Star Wars Prequel Trilogy'],
    blurbs: 0,
  },
  {
    file: 'tag-the-lorax-2012.html',
    name: 'The Lorax (2012)',
    category: 'fandom',
    canonical: true,
    synonymOf: null,
    synonymCount: 28,
    someSynonyms: ['Ask Blog - Fandom', 'Hall Pa$$', 'Once-ler (The Lorax)'],
    // A fandom's "Child tags" (its characters, relationships, freeforms) are not subtags.
    subtags: [],
    metatags: [],
    parentCount: 1,
    someParents: ['Movies'],
    blurbs: 0,
  },
  {
    file: 'tag-a-shit-ton-of-angst.html',
    name: 'a shit ton of angst',
    category: 'freeform',
    canonical: false,
    synonymOf: 'Angst',
    synonymCount: 0,
    someSynonyms: [],
    subtags: [],
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 0,
  },
  {
    // An archive warning: canonical, no parents, no synonyms, no subtags.
    file: 'tag-choose-not-to-use-archive-warnings.html',
    name: 'Choose Not To Use Archive Warnings',
    category: 'warning',
    canonical: true,
    synonymOf: null,
    synonymCount: 0,
    someSynonyms: [],
    subtags: [],
    metatags: [],
    parentCount: 0,
    someParents: [],
    blurbs: 0,
  },
  {
    file: 'tag-court-lady-go-mr-queen.html',
    name: 'Court Lady Go (Mr. Queen)',
    category: 'character',
    canonical: true,
    synonymOf: null,
    synonymCount: 1,
    someSynonyms: ['Court Lady Go'],
    subtags: [],
    metatags: [],
    parentCount: 1,
    someParents: ['철인왕후 | Mr. Queen (TV)'],
    blurbs: 0,
  },
  {
    // Unwrangled: neither canonical nor a synonym; its page lists the one work that uses it.
    file: 'tag-i-already-feel-like-im-pushing-it-lollll.html',
    name: 'i already feel like im pushing it lollll',
    category: 'freeform',
    canonical: false,
    synonymOf: null,
    synonymCount: 0,
    someSynonyms: [],
    subtags: [],
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 1,
  },
  {
    // Unfilterable ("has not been marked common"): lists 20 of its works (tag-show.test.ts reads them).
    file: 'tag-show-unfilterable-no-fandom-freeform.html',
    name: 'No Fandom - Freeform',
    category: 'freeform',
    canonical: false,
    synonymOf: null,
    synonymCount: 0,
    someSynonyms: [],
    subtags: [],
    metatags: [],
    parentCount: 1,
    someParents: ['No Fandom'],
    blurbs: 20,
  },
];

describeRealPages('tag pages (real pages)', () => {
  it('covers every tag page of the set', () => {
    const tagPages = realPages()
      .filter((p) => p.main.split(/\s+/).includes('tags-show'))
      .map((p) => p.file)
      .sort();
    expect(CASES.map((c) => c.file).sort()).toEqual(tagPages);
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.name}`, () => {
      const record = load(c.file);
      expect(record.kind).toBe(c.blurbs > 0 ? 'listing' : 'tag');
      expect(record.listingKind).toBe(c.blurbs > 0 ? 'tag' : null);
      expect(record.blurbs).toHaveLength(c.blurbs);
      const tag = record.tag!;
      expect(tag).not.toBeNull();
      expect([tag.name, tag.category, tag.canonical, tag.synonymOf]).toEqual([c.name, c.category, c.canonical, c.synonymOf]);
      expect(tag.synonyms).toHaveLength(c.synonymCount);
      expect(new Set(tag.synonyms).size).toBe(c.synonymCount);
      for (const synonym of c.someSynonyms) expect(tag.synonyms).toContain(synonym);
      if (Array.isArray(c.subtags)) expect(tag.subtags).toEqual(c.subtags);
      else {
        expect(tag.subtags).toHaveLength(c.subtags.count);
        for (const entry of c.subtags.some) expect(tag.subtags).toContainEqual(entry);
      }
      expect(tag.metatags).toEqual(c.metatags);
      expect(tag.parents).toHaveLength(c.parentCount);
      for (const parent of c.someParents) expect(tag.parents).toContain(parent);
      // A tag is never its own synonym or subtag.
      expect(tag.synonyms).not.toContain(tag.name);
      expect(tag.subtags.map((s) => s.name)).not.toContain(tag.name);
    });
  }

  it('other pages carry no tag record', () => {
    for (const file of ['listing-tag-sherlock-holmes.html', 'work-323217-oneshot.html', 'series-1728802.html']) expect(load(file).tag).toBeNull();
  });
});
