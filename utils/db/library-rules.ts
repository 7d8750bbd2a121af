/** Importing rules alone (the options page's Rules screen), in one transaction. */
import { normalizeRule, type RuleInput } from './rule-checks';
import type { ShelfmarkDb } from './schema';
import { inTransaction, RequestGroup } from './transaction';
import type { Millis, RuleRecord } from './types';

export type RulesImportMode = 'merge' | 'replace';

/**
 * `merge`: rules with a known id are updated where they stand, new ones go
 * last in the file's order. `replace`: the file's rules, in its order, become
 * the only rules. Returns every rule afterwards, in order.
 */
export async function importRules(db: ShelfmarkDb, inputs: readonly RuleInput[], mode: RulesImportMode, now: Millis): Promise<RuleRecord[]> {
  return inTransaction(db, ['rules'], 'readwrite', async (tx) => {
    const store = tx.objectStore('rules');
    const existing = mode === 'replace' ? [] : (await store.getAll()).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const byId = new Map(existing.map((rule) => [rule.id, rule]));
    const current = mode === 'replace' ? new Map((await store.getAll()).map((r) => [r.id, r])) : byId;
    const ordered: RuleRecord[] = [...existing];
    // Where each rule stands in `ordered`, so a rule the file repeats from the list replaces it in place.
    const position = new Map(existing.map((rule, i) => [rule.id, i]));
    const seen = new Set<string>();
    for (const input of inputs) {
      if (seen.has(input.id)) continue;
      seen.add(input.id);
      const before = current.get(input.id);
      const record = normalizeRule({ ...input, createdAt: before?.createdAt ?? now, updatedAt: now });
      const at = position.get(input.id);
      if (at !== undefined) ordered[at] = record;
      else ordered.push(record);
    }
    const writes = new RequestGroup();
    if (mode === 'replace') writes.add(store.clear());
    const result = ordered.map((rule, order) => ({ ...rule, order }));
    for (const rule of result) writes.add(store.put(rule));
    await writes.done();
    return result;
  });
}
