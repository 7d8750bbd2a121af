/**
 * Reading out and writing in the reader's whole data set: the database side
 * of export, import and restore. Each is one transaction, so an export is a
 * consistent picture and an import lands completely or not at all.
 */
import { mergeWorkRecords } from './merge-work';
import { mergeReadingRecords } from './reading';
import { DATA_STORES, type ShelfmarkDb } from './schema';
import { forgetSettings } from './settings';
import { familyKey, type TagFamilyRecord } from './tag-families';
import { factsOf, factsOnly, isSeen, withFacts, withReading, withSaved } from './stored-work';
import { inTransaction, putAll, RequestGroup } from './transaction';
import type { BackupData, ReadingRecord, SavedRecord, StoreCounts, StoredWork, WorkRecord } from './types';
import { appendVisits, flattenBuckets, visitsMissingFrom } from './visit-log';

export type ImportMode = 'merge' | 'replace';

export interface WriteSummary {
  mode: ImportMode;
  /** Records in the file, per store. */
  received: StoreCounts;
  /** Visits written (in merge mode, those the log didn't have). */
  visitsAdded: number;
}

/** Everything, in one read transaction; each work's record splits into the file's `works`, `reading` and `saved` entries. */
export async function readBackupData(db: ShelfmarkDb): Promise<BackupData> {
  const [entries, buckets, rules, settings, families] = await inTransaction(db, [...DATA_STORES], 'readonly', (tx) =>
    Promise.all([
      tx.objectStore('works').getAll(),
      tx.objectStore('visits').getAll(),
      tx.objectStore('rules').getAll(),
      tx.objectStore('settings').getAll(),
      tx.objectStore('tagFamilies').getAll(),
    ]),
  );
  const works: WorkRecord[] = [];
  const reading: ReadingRecord[] = [];
  const saved: SavedRecord[] = [];
  for (const entry of entries) {
    if (entry.reading) reading.push(entry.reading);
    if (entry.saved) saved.push(entry.saved);
    if (isSeen(entry)) works.push(factsOnly(entry));
  }
  // A failed attempt with no family learned is bookkeeping, not the reader's data.
  const learned = families.flatMap((record) => (record.family ? [record.family] : []));
  return { works, reading, visits: flattenBuckets(buckets), saved, rules, settings, families: learned };
}

export function isEmpty(counts: StoreCounts): boolean {
  return Object.values(counts).every((n) => n === 0);
}

export function countBackupData(data: BackupData): StoreCounts {
  return {
    works: data.works.length,
    reading: data.reading.length,
    visits: data.visits.length,
    saved: data.saved.length,
    rules: data.rules.length,
    settings: data.settings.length,
  };
}

/** Folds records by key: `merge` decides between the one already there and the next. */
function foldInto<T, K>(target: Map<K, T>, records: readonly T[], key: (record: T) => K, merge: (stored: T, incoming: T) => T): Set<K> {
  const touched = new Set<K>();
  for (const record of records) {
    const k = key(record);
    const stored = target.get(k);
    target.set(k, stored === undefined ? record : merge(stored, record));
    touched.add(k);
  }
  return touched;
}

const newerByChanged = <T extends { changed: number }>(stored: T, incoming: T): T => (incoming.changed > stored.changed ? incoming : stored);

const mergeSaved = (stored: SavedRecord, incoming: SavedRecord): SavedRecord => ({ ...newerByChanged(stored, incoming), added: Math.min(stored.added, incoming.added) });

/**
 * Folds the file's works, reading and saved records into the stored works records
 * (`entries`, changed in place); returns the ids of the records to write, each
 * written once whatever of its facts, reading and saved entry changed.
 */
function foldWorks(entries: Map<number, StoredWork>, data: Pick<BackupData, 'works' | 'reading' | 'saved'>): Set<number> {
  const touched = new Set<number>();
  for (const incoming of data.works) {
    const entry = entries.get(incoming.workId);
    const facts = factsOf(entry);
    entries.set(incoming.workId, withFacts(entry, facts ? mergeWorkRecords(facts, incoming) : incoming));
    touched.add(incoming.workId);
  }
  for (const incoming of data.reading) {
    const entry = entries.get(incoming.workId);
    entries.set(incoming.workId, withReading(entry, entry?.reading ? mergeReadingRecords(entry.reading, incoming) : incoming));
    touched.add(incoming.workId);
  }
  for (const incoming of data.saved) {
    const entry = entries.get(incoming.workId);
    entries.set(incoming.workId, withSaved(entry, entry?.saved ? mergeSaved(entry.saved, incoming) : incoming));
    touched.add(incoming.workId);
  }
  return touched;
}

/**
 * Writes `data` in one transaction. Merge: union, the newer record wins per
 * key (works move forward field by field, reading records combine, the saved
 * entry changed last wins), visits de-duplicated. Replace: the data stores are
 * emptied first.
 */
export async function writeBackupData(db: ShelfmarkDb, data: BackupData, mode: ImportMode): Promise<WriteSummary> {
  try {
    return await inTransaction(
      db,
      [...DATA_STORES],
      'readwrite',
      async (tx) => {
        const works = tx.objectStore('works');
        const visits = tx.objectStore('visits');
        const rules = tx.objectStore('rules');
        const settings = tx.objectStore('settings');
        const families = tx.objectStore('tagFamilies');

        if (mode === 'replace') {
          const clears = new RequestGroup();
          for (const store of [works, visits, rules, settings, families]) clears.add(store.clear());
          await clears.done();
        }
        const [storedWorks, storedBuckets, storedRules, storedSettings, storedFamilies] =
          mode === 'replace'
            ? [[], [], [], [], []]
            : await Promise.all([works.getAll(), visits.getAll(), rules.getAll(), settings.getAll(), families.getAll()]);

        const workMap = new Map(storedWorks.map((r) => [r.workId, r]));
        const ruleMap = new Map(storedRules.map((r) => [r.id, r]));
        const settingMap = new Map(storedSettings.map((r) => [r.key, r]));

        const writes = new RequestGroup();
        const touchedWorks = foldWorks(workMap, data);
        putAll(works, Array.from(touchedWorks, (id) => workMap.get(id)!));
        for (const id of foldInto(ruleMap, data.rules, (r) => r.id, (a, b) => (b.updatedAt > a.updatedAt ? b : a))) writes.add(rules.put(ruleMap.get(id)!));
        for (const key of foldInto(settingMap, data.settings, (r) => r.key, newerByChanged)) writes.add(settings.put(settingMap.get(key)!));
        // Per tag, the family learned last wins; a failure noted here stays beside a family kept, and goes with one replaced.
        const familyMap = new Map(storedFamilies.map((r) => [r.key, r]));
        const incoming = data.families.map((family): TagFamilyRecord => ({ key: familyKey(family.name), name: family.name, family, failedAt: null, error: null }));
        const newerFamily = (a: TagFamilyRecord, b: TagFamilyRecord) => (!a.family || b.family!.learnedAt > a.family.learnedAt ? b : a);
        for (const key of foldInto(familyMap, incoming, (r) => r.key, newerFamily)) writes.add(families.put(familyMap.get(key)!));

        const newVisits = mode === 'replace' ? data.visits : visitsMissingFrom(flattenBuckets(storedBuckets), data.visits);
        writes.add(appendVisits(visits, newVisits));
        await writes.done();
        return { mode, received: countBackupData(data), visitsAdded: newVisits.length };
      },
      { durability: 'strict' },
    );
  } finally {
    // Committed or not, the settings kept in memory are re-read on next use.
    forgetSettings(db);
  }
}
