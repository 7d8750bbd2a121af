/**
 * The tag families learned from the archive (utils/rules/tag-family.ts), one
 * record per tag a rule names, keyed by the tag's normalised name. A failed
 * attempt is kept beside the last family learned (never in place of it), so
 * the rule editor can say what happened and the learner does not retry at
 * every start of the worker.
 */
import { normalizeTagText } from '../rules/normalize';
import type { TagFamily } from '../rules/tag-family';
import type { ShelfmarkDb } from './schema';
import { inTransaction } from './transaction';
import type { Millis } from './types';

export interface TagFamilyRecord {
  /** `normalizeTagText(name)`. */
  key: string;
  /** The tag as the rule names it. */
  name: string;
  /** The last family learned; null until one is. */
  family: TagFamily | null;
  /** The last attempt, when it failed (cleared by a success). */
  failedAt: Millis | null;
  error: string | null;
}

export const familyKey = (name: string): string => normalizeTagText(name);

export async function getFamilyRecords(db: ShelfmarkDb, keys: readonly string[]): Promise<Map<string, TagFamilyRecord>> {
  const unique = [...new Set(keys)];
  const records = await inTransaction(db, ['tagFamilies'], 'readonly', (tx) => Promise.all(unique.map((key) => tx.objectStore('tagFamilies').get(key))));
  const found = new Map<string, TagFamilyRecord>();
  records.forEach((record, i) => record && found.set(unique[i]!, record));
  return found;
}

/** Every family learned (records of failures alone are left out). */
export async function listFamilies(db: ShelfmarkDb): Promise<TagFamily[]> {
  return (await db.getAll('tagFamilies')).flatMap((record) => (record.family ? [record.family] : []));
}

/** A family learned for `name`: it replaces the last one, and the failure, if any, is forgotten. */
export async function saveLearnedFamily(db: ShelfmarkDb, name: string, family: TagFamily): Promise<TagFamilyRecord> {
  const record: TagFamilyRecord = { key: familyKey(name), name, family, failedAt: null, error: null };
  await inTransaction(db, ['tagFamilies'], 'readwrite', (tx) => tx.objectStore('tagFamilies').put(record));
  return record;
}

/** A failed attempt for `name`: the last family learned stays. */
export async function saveFamilyFailure(db: ShelfmarkDb, name: string, error: string, at: Millis): Promise<TagFamilyRecord> {
  const key = familyKey(name);
  return inTransaction(db, ['tagFamilies'], 'readwrite', async (tx) => {
    const stored = await tx.objectStore('tagFamilies').get(key);
    const record: TagFamilyRecord = { key, name: stored?.name ?? name, family: stored?.family ?? null, failedAt: at, error };
    await tx.objectStore('tagFamilies').put(record);
    return record;
  });
}
