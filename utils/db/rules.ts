/** Storage of hide/highlight rules (the engine that applies them lives in utils/rules). */
import { normalizeRule, type RuleInput } from './rule-checks';
import type { ShelfmarkDb } from './schema';
import { inTransaction, RequestGroup } from './transaction';
import type { Millis, RuleRecord } from './types';

const byOrder = (a: RuleRecord, b: RuleRecord): number => (a.order ?? 0) - (b.order ?? 0);

export async function listRules(db: ShelfmarkDb): Promise<RuleRecord[]> {
  return (await db.getAll('rules')).sort(byOrder);
}

/** Creates or replaces a rule; a new rule without an order goes last. */
export async function putRule(db: ShelfmarkDb, input: RuleInput, now: Millis): Promise<RuleRecord> {
  return inTransaction(db, ['rules'], 'readwrite', async (tx) => {
    const store = tx.objectStore('rules');
    const [current, all] = await Promise.all([store.get(input.id), store.getAll()]);
    const order = input.order ?? current?.order ?? all.reduce((last, rule) => Math.max(last, (rule.order ?? 0) + 1), 0);
    const record = normalizeRule({ ...input, order, createdAt: current?.createdAt ?? now, updatedAt: now });
    await store.put(record);
    return record;
  });
}

export async function deleteRule(db: ShelfmarkDb, id: string): Promise<boolean> {
  return inTransaction(db, ['rules'], 'readwrite', async (tx) => {
    const store = tx.objectStore('rules');
    const existed = (await store.getKey(id)) !== undefined;
    if (existed) await store.delete(id);
    return existed;
  });
}

/** Puts the named rules first, in that order; rules not named keep their relative order after them. */
export async function reorderRules(db: ShelfmarkDb, ids: readonly string[], now: Millis): Promise<RuleRecord[]> {
  return inTransaction(db, ['rules'], 'readwrite', async (tx) => {
    const store = tx.objectStore('rules');
    const rules = (await store.getAll()).sort(byOrder);
    const named = new Set(ids);
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const ordered = [...ids.flatMap((id) => byId.get(id) ?? []), ...rules.filter((rule) => !named.has(rule.id))];
    const updated = ordered.map((rule, order) => (rule.order === order ? rule : { ...rule, order, updatedAt: now }));
    const writes = new RequestGroup();
    updated.forEach((rule, i) => rule !== ordered[i] && writes.add(store.put(rule)));
    await writes.done();
    return updated;
  });
}
