/**
 * A reader with thousands of rules, for the Rules tab's test and bench: every
 * kind and both actions, some with a label, conditions or turned off, sent to
 * the background in one `rules/import` (replacing any rules there).
 */
import type { Page } from 'playwright-core';
import type { RuleInput } from '../../utils/db/rule-checks';
import { requestFromPage } from './extension-messages';

const SLOTS = ['freeform', 'character', 'relationship', 'fandom', 'warning'] as const;
const COLORS = ['#ffd54f', '#a5d6a7', '#90caf9', '#f48fb1'];

/** The `i`-th of the generated rules (ids `many-0`, `many-1`, …). */
export function manyRule(i: number): RuleInput {
  const id = `many-${i}`;
  const action = i % 4 === 3 ? 'highlight' : 'hide';
  const kind = i % 10;
  const match: RuleInput['match'] =
    kind < 5 ? { kind: 'tag', slot: SLOTS[i % SLOTS.length]!, text: `Generated Tag Number ${i}`, mode: i % 7 === 0 ? 'wildcard' : 'exact' }
    : kind < 7 ? { kind: 'author', login: `generated_writer_${i}` }
    : kind < 8 ? { kind: 'work', workId: 100_000 + i, title: `Generated Work ${i}` }
    : kind < 9 ? { kind: 'series', seriesId: 200_000 + i, title: `Generated Series ${i}` }
    : { kind: 'trait', trait: { type: 'words', min: 1000 + i } };
  if (match.kind === 'tag' && match.mode === 'wildcard') match.text += '*';
  return {
    id,
    action,
    ...(action === 'highlight' ? { color: COLORS[i % COLORS.length]! } : {}),
    match,
    enabled: i % 13 !== 5,
    ...(i % 11 === 0 ? { label: `Generated label ${i}` } : {}),
    ...(i % 17 === 0 ? { scope: { fandoms: ['Generated Fandom*'] } } : {}),
    ...(i % 19 === 0 ? { exceptions: { tags: ['Fluff'] } } : {}),
  };
}

/** Replaces the reader's rules with `count` generated ones. */
export async function importManyRules(page: Page, count: number): Promise<void> {
  const rules = Array.from({ length: count }, (_, i) => manyRule(i));
  await requestFromPage(page, { type: 'rules/import', rules, mode: 'replace', confirmReplace: true });
}
