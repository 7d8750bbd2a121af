/**
 * A small but realistic reader's database in the layout of versions 1 and 2
 * (a reading store beside the works store), for the migration tests. The
 * database is untyped here: the schema type describes only the latest version.
 */
import type { IDBPDatabase } from 'idb';
import { openShelfmarkDb } from '../../../../utils/db/open';
import type { BackupMeta, ReadingRecord, RuleRecord, SavedRecord, SettingRecord, VisitBucket, WorkRecord } from '../../../../utils/db/types';
import { DAY, manyWorks, record, T0, work } from '../fixtures';

export interface RealisticData {
  works: WorkRecord[];
  reading: ReadingRecord[];
  visits: VisitBucket[];
  saved: SavedRecord[];
  rules: RuleRecord[];
  settings: SettingRecord[];
  backups: BackupMeta[];
}

export function realisticData(): RealisticData {
  const works = [record(work(), T0, T0 + 3 * DAY), ...manyWorks(40).map((w, i) => record(w, T0 + i * 1000, T0 + i * 2000))];
  // The last three were read but never seen: History entries of deleted works, one without a date.
  const readIds = [...works.slice(0, 25).map((w) => w.workId), 90_000_001, 90_000_002, 90_000_003];
  const reading: ReadingRecord[] = readIds.map((workId, i) => ({
    workId,
    chapters: [{ id: 301 + i, position: 1, readAt: T0 + i, scroll: 0.5, scrollAt: T0 + i }],
    lastChapter: { id: 301 + i, position: 1, at: T0 + i },
    visitCount: 1 + (i % 4),
    firstVisit: T0,
    lastVisit: workId === 90_000_003 ? null : T0 + i * DAY,
  }));
  const visits: VisitBucket[] = [
    { seq: 1, entries: reading.map((r, i) => ({ workId: r.workId, chapterId: 301 + i, position: 1, at: T0 + i })) },
    { seq: 2, entries: [{ workId: works[0]!.workId, chapterId: null, position: null, at: T0 + 50 * DAY }] },
  ];
  const statuses = ['to-read', 'reading', 'finished', 'on-hold', 'dropped'] as const;
  const saved: SavedRecord[] = works.slice(10, 30).map((w, i) => ({
    workId: w.workId,
    status: statuses[i % statuses.length]!,
    added: T0 + i,
    changed: T0 + i * 2,
    note: i % 3 ? '' : 'Recommended in the Good Omens discord — start at chapter 2',
  }));
  const rules: RuleRecord[] = [
    { id: 'hide-mcd', action: 'hide', match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' }, exceptions: { tags: ['Fix-It'] }, enabled: true, label: 'No MCD', order: 0, createdAt: T0, updatedAt: T0 },
    { id: 'fav-author', action: 'highlight', color: '#ffd700', match: { kind: 'author', login: 'writer3' }, scope: { fandoms: ['Good Omens (TV)'] }, enabled: false, label: 'Favourite', order: 1, createdAt: T0, updatedAt: T0 + DAY },
  ];
  const settings: SettingRecord[] = [{ key: 'recordPrivateWindows', value: true, changed: T0 }];
  const backups: BackupMeta[] = [{ id: 1, createdAt: T0, reason: 'daily', counts: { works: 1, reading: 0, visits: 0, saved: 0, rules: 0, settings: 0 }, chars: 10 }];
  return { works, reading, visits, saved, rules, settings, backups };
}

/** The database opened at `version` (migrating to it), untyped. */
export async function openAtVersion(name: string, version: number): Promise<IDBPDatabase> {
  return (await openShelfmarkDb({ name, version })) as unknown as IDBPDatabase;
}

export async function writeRealisticData(db: IDBPDatabase, data: RealisticData): Promise<void> {
  const tx = db.transaction(['works', 'reading', 'visits', 'saved', 'rules', 'settings', 'backups', 'backupFiles'], 'readwrite');
  await Promise.all([
    ...data.works.map((r) => tx.objectStore('works').put(r)),
    ...data.reading.map((r) => tx.objectStore('reading').put(r)),
    ...data.visits.map((r) => tx.objectStore('visits').put(r)),
    ...data.saved.map((r) => tx.objectStore('saved').put(r)),
    ...data.rules.map((r) => tx.objectStore('rules').put(r)),
    ...data.settings.map((r) => tx.objectStore('settings').put(r)),
    ...data.backups.map((r) => tx.objectStore('backups').put(r)),
    tx.objectStore('backupFiles').put('{"format":"x"}', 1),
    tx.done,
  ]);
}

/** Every record of a version 1 or 2 database. */
export async function readEverything(db: IDBPDatabase): Promise<RealisticData> {
  return {
    works: (await db.getAll('works')) as WorkRecord[],
    reading: (await db.getAll('reading')) as ReadingRecord[],
    visits: (await db.getAll('visits')) as VisitBucket[],
    saved: (await db.getAll('saved')) as SavedRecord[],
    rules: (await db.getAll('rules')) as RuleRecord[],
    settings: (await db.getAll('settings')) as SettingRecord[],
    backups: (await db.getAll('backups')) as BackupMeta[],
  };
}

const byKey = <T>(key: (r: T) => string | number) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The same data in store order, to compare with what a database returns. */
export function sortedLikeStores(data: RealisticData): RealisticData {
  return {
    works: [...data.works].sort(byKey((r) => r.workId)),
    reading: [...data.reading].sort(byKey((r) => r.workId)),
    visits: [...data.visits].sort(byKey((r) => r.seq)),
    saved: [...data.saved].sort(byKey((r) => r.workId)),
    rules: [...data.rules].sort(byKey((r) => r.id)),
    settings: [...data.settings].sort(byKey((r) => r.key)),
    backups: [...data.backups].sort(byKey((r) => r.id)),
  };
}
