/**
 * The database's side of sync: the local data as a sync document (with the
 * deletions and "mark unread" changes made here since the last merge found by
 * comparing with the shadow), and a merged document written back — each in
 * one transaction.
 *
 * Writing back changes only what the merge took from elsewhere, and only
 * records unchanged since the local document was read: a change the reader
 * makes meanwhile is kept, and merged at the next pass. Nothing is deleted
 * but by a tombstone newer than the record, and a record this version cannot
 * read (a rule of a newer kind) is skipped, never taken as deleted.
 */
import { validateRule } from '../rules/validate';
import type { ProgressEntry, RuleEntry, SavedEntry, SettingEntry, SyncDoc, UnreadMark, DeviceId, Clock } from '../sync/doc';
import { emptyDoc } from '../sync/doc';
import { mergeProgress } from '../sync/merge';
import { SYNCED_SETTINGS } from '../sync/synced-settings';
import { stubWork } from './library';
import { emptyReading } from './reading';
import { putOrDelete } from './saved';
import type { ShelfmarkDb } from './schema';
import { checkSettingRecord, forgetSettings, type Settings } from './settings';
import { factsOf, withFacts, withoutSaved, withReading, withSaved } from './stored-work';
import { SYNC_SHADOW_KEY } from './sync-state';
import { inTransaction, RequestGroup } from './transaction';
import type { ChapterReading, Millis, ReadingRecord, RuleRecord, SettingRecord, StoredWork } from './types';

/** What the local document is made from. */
export interface LocalData {
  rules: RuleRecord[];
  settings: SettingRecord[];
  works: StoredWork[];
}

const stamp = (t: Millis, device: DeviceId, before: Clock | undefined): Clock => ({ t, d: before && before.t === t ? before.d : device });
/**
 * A deletion found by this pass, dated when the first change since the last pass was made (it
 * happened then or later: dating it early lets a later edit elsewhere win, which keeps data), and
 * after what it deletes.
 */
const deletion = (before: Clock, device: DeviceId, now: Millis) => ({ t: Math.max(now, before.t + 1), d: device, v: null });

export function progressOf(reading: ReadingRecord, unread: readonly UnreadMark[] = []): ProgressEntry {
  const entry: ProgressEntry = {
    r: reading.chapters.flatMap((c) => (c.readAt === null ? [] : [[c.position, c.readAt] as [number, number]])),
    u: [...unread],
    l: reading.lastChapter ? [reading.lastChapter.position, reading.lastChapter.id, reading.lastChapter.at] : null,
    f: reading.firstVisit,
    v: reading.lastVisit,
  };
  return mergeProgress(entry, entry);
}

/**
 * The local data as a sync document, given the shadow of the last merge. `now` dates the
 * deletions and "mark unread" changes found: the time of the first local change since that merge.
 */
export function localDoc(data: LocalData, shadow: SyncDoc, device: DeviceId, now: Millis): SyncDoc {
  const doc = emptyDoc();
  for (const rule of data.rules) {
    if (rule.id === '__proto__') continue;
    doc.r[rule.id] = { ...stamp(rule.updatedAt, device, shadow.r[rule.id]), v: rule };
  }
  for (const [id, before] of Object.entries(shadow.r)) {
    if (Object.hasOwn(doc.r, id)) continue;
    if (before.v === null) doc.r[id] = before;
    // Deleted here since the last merge, unless it is a rule this version cannot read (then it was never here).
    else if (validateRule(before.v).ok) doc.r[id] = deletion(before, device, now) as RuleEntry;
  }
  for (const record of data.settings) {
    if (!SYNCED_SETTINGS.has(record.key as keyof Settings)) continue;
    doc.s[record.key] = { ...stamp(record.changed, device, shadow.s[record.key]), v: record.value } satisfies SettingEntry;
  }
  for (const work of data.works) {
    const key = String(work.workId);
    if (work.saved) {
      const { status, added, note, changed } = work.saved;
      doc.w[key] = { ...stamp(changed, device, shadow.w[key]), v: [status, added, note] } satisfies SavedEntry;
    }
    if (work.reading) {
      const before = shadow.p[key];
      const unread: UnreadMark[] = [...(before?.u ?? [])];
      // A chapter the last merge had read, and unread here now: marked unread since, a dated change.
      for (const [position, at] of before?.r ?? []) {
        const chapter = work.reading.chapters.find((c) => c.position === position);
        if (chapter && chapter.readAt === null) unread.push([position, Math.max(now, at + 1)]);
      }
      doc.p[key] = progressOf(work.reading, unread);
    }
    if (work.saved || work.reading) {
      const title = factsOf(work)?.title || shadow.n[key];
      if (title) doc.n[key] = title;
    }
  }
  for (const [key, before] of Object.entries(shadow.w)) {
    if (Object.hasOwn(doc.w, key)) continue;
    doc.w[key] = before.v === null ? before : (deletion(before, device, now) as SavedEntry);
  }
  return doc;
}

export async function readLocalData(db: ShelfmarkDb): Promise<LocalData> {
  return inTransaction(db, ['rules', 'settings', 'works'], 'readonly', async (tx) => {
    const [rules, settings, works] = await Promise.all([tx.objectStore('rules').getAll(), tx.objectStore('settings').getAll(), tx.objectStore('works').getAll()]);
    return { rules, settings, works };
  });
}

export interface Applied {
  rules: number;
  settings: number;
  saved: number;
  progress: number;
  /** Records this version could not apply (a rule or setting it does not know): passed on, never deleted. */
  skipped: number;
  /** Records changed here since the local document was read: left for the next pass. */
  deferred: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The reading record after the merged progress: chapters read and unread as merged, the later resume chapter, the visits' bounds. */
export function readingWith(current: ReadingRecord | undefined, workId: number, merged: ProgressEntry): ReadingRecord {
  const base = current ?? emptyReading(workId);
  const readAt = new Map(merged.r.map(([position, at]) => [position, at]));
  const chapters: ChapterReading[] = base.chapters.map((c) => {
    const at = readAt.get(c.position);
    readAt.delete(c.position);
    // Absent from the merge's read chapters: a later "mark unread" won.
    return at === undefined ? (c.readAt === null ? c : { ...c, readAt: null }) : c.readAt === at ? c : { ...c, readAt: at };
  });
  for (const [position, at] of readAt) chapters.push({ id: null, position, readAt: at, scroll: null, scrollAt: null });
  chapters.sort((a, b) => a.position - b.position);
  const l = merged.l;
  const lastChapter =
    l && (!base.lastChapter || l[2] > base.lastChapter.at)
      ? { id: l[1] ?? chapters.find((c) => c.position === l[0])?.id ?? null, position: l[0], at: l[2] }
      : base.lastChapter;
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  return { ...base, chapters, lastChapter, firstVisit: min(base.firstVisit, merged.f), lastVisit: max(base.lastVisit, merged.v) };
}

/**
 * Writes what the merge changed into the database, and the merged document as the new
 * shadow, in one transaction. `local` is the document `merged` was made from.
 */
const changed = <E>(section: Record<string, E>, mine: Record<string, E>) => Object.keys(section).filter((key) => !same(section[key], mine[key]));

/** The works whose Saved entry or progress `applyMerged` may write: those the merge changed. */
export function changedWorkIds(local: SyncDoc, merged: SyncDoc): number[] {
  return [...new Set([...changed(merged.w, local.w), ...changed(merged.p, local.p)])].map(Number);
}

export async function applyMerged(db: ShelfmarkDb, local: SyncDoc, merged: SyncDoc, now: Millis): Promise<Applied> {
  const applied: Applied = { rules: 0, settings: 0, saved: 0, progress: 0, skipped: 0, deferred: 0 };
  const ruleKeys = changed(merged.r, local.r);
  const settingKeys = changed(merged.s, local.s);
  const savedKeys = changed(merged.w, local.w);
  const progressKeys = changed(merged.p, local.p);
  try {
    await inTransaction(db, ['rules', 'settings', 'works', 'sync'], 'readwrite', async (tx) => {
      const rules = tx.objectStore('rules');
      const settings = tx.objectStore('settings');
      const works = tx.objectStore('works');
      const workIds = [...new Set([...savedKeys, ...progressKeys])];
      const [currentRules, currentSettings, currentWorks] = await Promise.all([
        Promise.all(ruleKeys.map((id) => rules.get(id))),
        Promise.all(settingKeys.map((key) => settings.get(key))),
        Promise.all(workIds.map((key) => works.get(Number(key)))),
      ]);
      const writes = new RequestGroup();

      ruleKeys.forEach((id, i) => {
        const current = currentRules[i];
        const mine = local.r[id];
        const entry = merged.r[id]!;
        if ((current?.updatedAt ?? null) !== (mine?.v ? mine.v.updatedAt : null)) return void applied.deferred++;
        if (entry.v === null) {
          if (current) writes.add(rules.delete(id));
        } else {
          const checked = validateRule(entry.v);
          if (!checked.ok || checked.rule.id !== id) return void applied.skipped++;
          writes.add(rules.put(checked.rule));
        }
        applied.rules++;
      });

      settingKeys.forEach((key, i) => {
        const current = currentSettings[i];
        const entry = merged.s[key]!;
        if ((current?.changed ?? null) !== (local.s[key]?.t ?? null)) return void applied.deferred++;
        const record: SettingRecord = { key, value: entry.v, changed: entry.t };
        if (!SYNCED_SETTINGS.has(key as keyof Settings) || checkSettingRecord(record, 'setting')) return void applied.skipped++;
        writes.add(settings.put(record));
        applied.settings++;
      });

      workIds.forEach((key, i) => {
        const workId = Number(key);
        const current = currentWorks[i];
        let next: StoredWork | null | undefined = current;
        const savedEntry = savedKeys.includes(key) ? merged.w[key] : undefined;
        const progress = progressKeys.includes(key) ? merged.p[key] : undefined;
        if (savedEntry) {
          const mine = local.w[key];
          if ((current?.saved?.changed ?? null) !== (mine?.v ? mine.t : null)) applied.deferred++;
          else if (savedEntry.v === null) {
            if (next?.saved) next = withoutSaved(next);
            applied.saved++;
          } else {
            const [status, added, note] = savedEntry.v;
            next = withSaved(next ?? undefined, { workId, status, added, changed: savedEntry.t, note });
            applied.saved++;
          }
        }
        if (progress) {
          const mine = local.p[key];
          const unchanged = current?.reading ? mine !== undefined && same(progressOf(current.reading, mine.u), mine) : mine === undefined;
          if (!unchanged) applied.deferred++;
          else {
            next = withReading(next ?? undefined, readingWith(next?.reading, workId, progress));
            applied.progress++;
          }
        }
        if (next === current) return;
        // A work known here by id alone gets the title the other device knew, so the library can name it.
        const title = merged.n[key];
        if (next && !factsOf(next) && title) next = withFacts(next, stubWork({ workId, title }, now));
        writes.add(putOrDelete(works, workId, next ?? null));
      });

      // The new shadow: records skipped or deferred are merged again at the next pass either way.
      writes.add(tx.objectStore('sync').put(merged, SYNC_SHADOW_KEY));
      await writes.done();
    });
  } finally {
    if (settingKeys.length > 0) forgetSettings(db);
  }
  return applied;
}

