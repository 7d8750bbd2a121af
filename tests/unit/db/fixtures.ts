/** Realistic archive-like works and a fresh fake-indexeddb database per test. */
import 'fake-indexeddb/auto';
import { openShelfmarkDb } from '../../../utils/db/open';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import type { SavedRecord, WorkFacts, WorkRecord } from '../../../utils/db/types';

let counter = 0;
export function uniqueDbName(): string {
  return `shelfmark-test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
}

export async function freshDb(version?: number): Promise<ShelfmarkDb> {
  return openShelfmarkDb({ name: uniqueDbName(), ...(version ? { version } : {}) });
}

/** A work's saved entry, which its works record keeps. */
export async function savedOf(db: ShelfmarkDb, workId: number): Promise<SavedRecord | undefined> {
  return (await db.get('works', workId))?.saved;
}

/** Every saved entry, in work id order. */
export async function allSaved(db: ShelfmarkDb): Promise<SavedRecord[]> {
  return (await db.getAll('works')).flatMap((entry) => (entry.saved ? [entry.saved] : []));
}

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

export function work(overrides: Partial<WorkFacts> = {}): WorkFacts {
  return {
    workId: 11_111_111,
    title: 'The Long Way Round',
    authors: [{ login: 'quietfox', pseud: 'quietfox' }],
    fandoms: ['Good Omens (TV)'],
    rating: 'Teen And Up Audiences',
    tags: {
      warning: ['No Archive Warnings Apply'],
      category: ['M/M'],
      relationship: ['Aziraphale/Crowley (Good Omens)'],
      character: ['Aziraphale (Good Omens)', 'Crowley (Good Omens)'],
      freeform: ['Slow Burn', 'Fluff and Angst', 'Bookshop'],
    },
    language: 'English',
    words: 12_345,
    chapterCount: { posted: 3, expected: 5 },
    complete: false,
    chapters: [
      { id: 301, position: 1, title: 'In the Beginning' },
      { id: 302, position: 2, title: 'Eden' },
      { id: 303, position: 3, title: 'Soho' },
    ],
    series: [{ id: 4_242, title: 'Ineffable Things', part: 2 }],
    updated: '2024-03-10',
    updatedAt: 1_710_028_800,
    hiddenTags: { warnings: false, freeforms: false },
    ...overrides,
  };
}

const FANDOMS = ['Good Omens (TV)', 'Harry Potter - J. K. Rowling', 'Star Wars - All Media Types', 'Marvel Cinematic Universe', 'Sherlock (TV)', '僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia'];
const TITLES = ['Under the Same Stars', 'A Cup of Tea at Midnight', 'What the River Knew', 'Échappé', 'Five Times & One', 'The Cartographer’s Daughter'];

/** Many different works, deterministic. */
export function manyWorks(count: number, firstId = 1_000_000): WorkFacts[] {
  return Array.from({ length: count }, (_, i) =>
    work({
      workId: firstId + i * 7,
      title: `${TITLES[i % TITLES.length]} ${i}`,
      authors: [{ login: `writer${i % 97}`, pseud: i % 3 === 0 ? `pen name ${i % 97}` : `writer${i % 97}` }],
      fandoms: [FANDOMS[i % FANDOMS.length]!, ...(i % 5 === 0 ? [FANDOMS[(i + 1) % FANDOMS.length]!] : [])],
      words: 1_000 + i * 37,
      chapterCount: { posted: 1 + (i % 4), expected: i % 2 ? null : 4 },
      chapters: [],
      updated: `2023-0${1 + (i % 9)}-1${i % 10}`,
      updatedAt: null,
    }),
  );
}

export function record(facts: WorkFacts, firstSeen = T0, lastSeen = firstSeen): WorkRecord {
  return { ...facts, firstSeen, lastSeen };
}
