/**
 * Browser sync (utils/sync): what a 10,000-work library with 500 rules takes
 * in the sync area and how long a pass takes to encode it. Under Node, with
 * the worker's own code: the local data becomes a sync document (localDoc,
 * as each pass builds it from the database) and is fitted into the budget by
 * priority and encoded (fitDoc: JSON, deflate-raw, base64, chunks). The
 * database reads around it are the storage section's business.
 * `sync_kb` is the items' size as the browser counts it (at most 100 KB by
 * construction: the figure says how full the area is); `sync_encode_ms` the
 * median of three encodings.
 */
import { localDoc, type LocalData } from '../../utils/db/sync-local';
import type { ReadingRecord, RuleRecord, StoredWork } from '../../utils/db/types';
import { emptyDoc } from '../../utils/sync/doc';
import { fitDoc, type Fitted } from '../../utils/sync/fit';
import { expire } from '../../utils/sync/merge';
import { benchRules } from '../lib/bench-rules';
import { median, round } from '../lib/stats';
import type { BenchSection } from './types';

const WORKS = 10_000;
const RUNS = 3;

/** A reader's library: every work read (1–30 chapters, the last read up to two years ago), every third saved, some with notes. */
function library(now: number): LocalData {
  const rules: RuleRecord[] = benchRules().map((rule, order) => ({ ...rule, order, createdAt: now - order * 60_000, updatedAt: now - order * 60_000 }));
  const works: StoredWork[] = [];
  for (let i = 0; i < WORKS; i++) {
    const workId = 1_000_000 + i * 4_099;
    const at = now - i * 6_300_000;
    const read = 1 + ((i * 7) % 30);
    const reading: ReadingRecord = {
      workId,
      chapters: Array.from({ length: read }, (_, c) => ({ id: 60_000_000 + i * 31 + c, position: c + 1, readAt: at - (read - c) * 1_800_000, scroll: 1, scrollAt: at - (read - c) * 1_800_000 })),
      lastChapter: { id: 60_000_000 + i * 31 + read - 1, position: read, at },
      visitCount: read + (i % 4),
      firstVisit: at - read * 1_800_000,
      lastVisit: at,
    };
    works.push({
      workId,
      title: `${['The', 'A', 'Of', 'Under'][i % 4]} ${['Long Way Round', 'Quiet Hours', 'Paper Boats', 'Winter Garden', 'Small Gods'][i % 5]} ${i}`,
      authors: [{ login: `writer${i % 700}`, pseud: `writer${i % 700}` }],
      fandoms: ['Original Work'],
      rating: 'General Audiences',
      tags: { warning: [], category: [], relationship: [], character: [], freeform: [] },
      language: 'English',
      words: 1_000 * read,
      chapterCount: { posted: read + (i % 3), expected: null },
      complete: false,
      chapters: [],
      series: [],
      updated: null,
      updatedAt: null,
      hiddenTags: { warnings: false, freeforms: false },
      firstSeen: at - read * 1_800_000,
      lastSeen: at,
      reading,
      ...(i % 3 === 0 ? { saved: { workId, status: 'reading' as const, added: at - 86_400_000, changed: at, note: i % 9 === 0 ? `a note about work ${i}` : '' } } : {}),
    });
  }
  return { rules, settings: [], works };
}

export async function run(): Promise<BenchSection> {
  const now = Date.UTC(2026, 11, 1);
  const data = library(now);
  const times: number[] = [];
  let fitted: Fitted | null = null;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fitted = await fitDoc(expire(localDoc(data, emptyDoc(), 'bench', now), now), 'bench', now);
    times.push(performance.now() - start);
  }
  const result = fitted!;
  const kb = round(result.encoded.bytes / 1024, 1);
  const encodeMs = round(median(times), 0);
  return {
    rows: [
      { name: 'sync area used', value: kb, unit: 'KB', note: `of 100 KB; ${result.encoded.manifest.n} chunks` },
      { name: 'rules synced', value: result.synced.rules, unit: 'rules', note: `${result.leftOut.rules} left out` },
      { name: 'saved synced', value: result.synced.saved, unit: 'works', note: `${result.leftOut.saved} left out` },
      { name: 'progress synced', value: result.synced.progress, unit: 'works', note: `${result.leftOut.progress} older works stay local` },
      { name: 'encode', value: encodeMs, unit: 'ms', note: `median of ${RUNS}: local document, fitting by priority, deflate, chunks (Node)` },
    ],
    figures: { sync_kb: kb, sync_encode_ms: encodeMs },
  };
}
