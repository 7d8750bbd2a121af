/**
 * A fixed reader's data for the real-browser tests that need a lived-in
 * extension (accessibility checks, keyboard paths, store screenshots): works
 * from one real listing, read and saved at fixed times, a few rules, and the
 * visits log — one backup file, imported through the Data tab as a reader
 * would. Nothing depends on today's date, so screenshots come out the same.
 */
import type { Page } from 'playwright-core';
import { readPage } from '../../utils/ao3/page';
import type { BackupData, ChapterInfo, ReadingRecord, SavedRecord, VisitEntry, WorkRecord } from '../../utils/db/types';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import type { Rule } from '../../utils/rules/types';
import { realPage, realPageDocument } from '../helpers/real-pages';

/** A listing of mostly general-audience works: what the store screenshots show. */
export const SAMPLE_LISTING = 'listing-tag-original-senator-characters.html';

/** 20 January 2026, 18:30 UTC: "now" for every time in the sample. */
export const SAMPLE_NOW = Date.UTC(2026, 0, 20, 18, 30);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The works on the listing the sample reads and saves, by id (titles checked by hand). */
export const SAMPLE_WORKS = {
  rebelSenator: 70274716, // Rebel Senator, 37 chapters: read 12
  separatists: 71346196, // Separatists, 5 posted: read the 3 there were, so "2 new chapters"
  apathy: 76960551, // Apathy's My Best Friend, a one-shot: finished
  ancientEmpire: 74381346, // Ancient Empire Reborn: saved to read
  whatsInAName: 74922836, // What's In A Name: saved, on hold, with a note
  riseOfPalpatine: 65882512, // The Rise of Palpatine: read 2 of 7
} as const;

/** Made-up chapter ids for the chapters a work page would have listed. */
const chapterList = (workId: number, count: number): ChapterInfo[] =>
  Array.from({ length: count }, (_, i) => ({ id: (workId % 1_000_000) * 100 + i + 1, position: i + 1, title: '' }));

function reading(workId: number, chapters: ChapterInfo[], readCount: number, lastVisit: number, visitCount: number): ReadingRecord {
  const read = chapters.slice(0, readCount).map((chapter, i) => ({
    id: chapter.id,
    position: chapter.position,
    readAt: lastVisit - (readCount - 1 - i) * HOUR,
    scroll: 1,
    scrollAt: lastVisit - (readCount - 1 - i) * HOUR,
  }));
  const last = read[read.length - 1];
  return {
    workId,
    chapters: read,
    lastChapter: last ? { id: last.id, position: last.position, at: lastVisit } : null,
    visitCount,
    firstVisit: lastVisit - visitCount * DAY,
    lastVisit,
  };
}

const saved = (workId: number, status: SavedRecord['status'], added: number, note = ''): SavedRecord => ({ workId, status, added, changed: added, note });

export const SAMPLE_RULES: Rule[] = [
  {
    id: 'sample-explicit',
    action: 'hide',
    match: { kind: 'trait', trait: { type: 'rating', rating: 'Explicit' } },
    enabled: true,
    createdAt: SAMPLE_NOW - 30 * DAY,
    updatedAt: SAMPLE_NOW - 30 * DAY,
    order: 0,
  },
  {
    id: 'sample-mature',
    action: 'hide',
    match: { kind: 'trait', trait: { type: 'rating', rating: 'Mature' } },
    enabled: true,
    label: 'Not tonight: Mature',
    createdAt: SAMPLE_NOW - 20 * DAY,
    updatedAt: SAMPLE_NOW - 20 * DAY,
    order: 1,
  },
  {
    id: 'sample-time-travel',
    action: 'highlight',
    color: '#f2c94c',
    match: { kind: 'tag', slot: 'freeform', text: 'Time Travel', mode: 'exact' },
    enabled: true,
    createdAt: SAMPLE_NOW - 10 * DAY,
    updatedAt: SAMPLE_NOW - 10 * DAY,
    order: 2,
  },
  {
    id: 'sample-crack',
    action: 'hide',
    match: { kind: 'tag', slot: 'any', text: 'Crack*', mode: 'wildcard' },
    enabled: false,
    createdAt: SAMPLE_NOW - 5 * DAY,
    updatedAt: SAMPLE_NOW - 5 * DAY,
    order: 3,
  },
];

/** The listing's works as a listing snapshot would store them, plus the chapter lists of works "opened". */
function sampleWorks(): WorkRecord[] {
  const { url } = realPage(SAMPLE_LISTING);
  const page = readPage(realPageDocument(SAMPLE_LISTING), url, new Date(SAMPLE_NOW));
  const wanted = new Set<number>(Object.values(SAMPLE_WORKS));
  const works: WorkRecord[] = [];
  for (const blurb of page.blurbs) {
    if (blurb.type !== 'work' || blurb.workId === null || !wanted.has(blurb.workId)) continue;
    const facts = snapshotFromBlurb(blurb);
    if (facts) works.push({ ...facts, firstSeen: SAMPLE_NOW - 40 * DAY, lastSeen: SAMPLE_NOW - DAY });
  }
  if (works.length !== wanted.size) throw new Error(`the sample listing has ${works.length} of the ${wanted.size} sample works`);
  const opened: Record<number, number> = {
    [SAMPLE_WORKS.rebelSenator]: 37,
    [SAMPLE_WORKS.separatists]: 3,
    [SAMPLE_WORKS.riseOfPalpatine]: 7,
  };
  return works.map((work) => (opened[work.workId] ? { ...work, chapters: chapterList(work.workId, opened[work.workId]!) } : work));
}

export function sampleData(): BackupData {
  const works = sampleWorks();
  const chaptersOf = (workId: number) => works.find((w) => w.workId === workId)?.chapters ?? [];
  const readings = [
    reading(SAMPLE_WORKS.rebelSenator, chaptersOf(SAMPLE_WORKS.rebelSenator), 12, SAMPLE_NOW - 2 * HOUR, 9),
    reading(SAMPLE_WORKS.separatists, chaptersOf(SAMPLE_WORKS.separatists), 3, SAMPLE_NOW - 6 * DAY, 3),
    reading(SAMPLE_WORKS.riseOfPalpatine, chaptersOf(SAMPLE_WORKS.riseOfPalpatine), 2, SAMPLE_NOW - DAY - 3 * HOUR, 2),
    // A one-shot: its only chapter has no id.
    {
      ...reading(SAMPLE_WORKS.apathy, [], 0, SAMPLE_NOW - DAY - 5 * HOUR, 1),
      chapters: [{ id: null, position: 1, readAt: SAMPLE_NOW - DAY - 5 * HOUR, scroll: 1, scrollAt: SAMPLE_NOW - DAY - 5 * HOUR }],
    },
  ];
  const visits: VisitEntry[] = readings
    .flatMap((r) => r.chapters.map((c) => ({ workId: r.workId, chapterId: c.id, position: c.id === null ? null : c.position, at: c.readAt! })))
    .sort((a, b) => a.at - b.at);
  return {
    works,
    reading: readings,
    visits,
    saved: [
      saved(SAMPLE_WORKS.rebelSenator, 'reading', SAMPLE_NOW - 30 * DAY),
      saved(SAMPLE_WORKS.separatists, 'reading', SAMPLE_NOW - 25 * DAY),
      saved(SAMPLE_WORKS.apathy, 'finished', SAMPLE_NOW - 2 * DAY),
      saved(SAMPLE_WORKS.ancientEmpire, 'to-read', SAMPLE_NOW - 4 * DAY),
      saved(SAMPLE_WORKS.whatsInAName, 'on-hold', SAMPLE_NOW - 12 * DAY, 'waiting for it to finish'),
    ],
    rules: SAMPLE_RULES,
    settings: [],
    families: [],
  };
}

export function sampleBackupFile(): string {
  return JSON.stringify({
    format: 'shelfmark-backup',
    formatVersion: 1,
    exportedAt: SAMPLE_NOW,
    schemaVersion: 2,
    extensionVersion: 'sample',
    data: sampleData(),
  });
}

/** Imports the sample through the options page's Data tab (merging), as a reader restoring a backup would. */
export async function importSample(options: Page): Promise<void> {
  await options.getByRole('tab', { name: 'Data' }).click();
  const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByRole('button', { name: 'Choose a backup file…' }).click()]);
  await chooser.setFiles({ name: 'sample.json', mimeType: 'application/json', buffer: Buffer.from(sampleBackupFile()) });
  const outcome = options.locator('.sm-summary, [role="alert"]').first();
  await outcome.waitFor({ timeout: 30_000 });
  if (!(await outcome.evaluate((el) => el.classList.contains('sm-summary')))) throw new Error(`the sample import failed: ${await outcome.textContent()}`);
}
