/** A file of rules alone (Rules → Export / Import), checked rule by rule with the rules engine's own validator. */
import { checkRuleInput, type RuleInput } from '../db/rule-checks';
import { t } from '../i18n';
import type { Rule } from '../rules/types';
import { NotUtf8Error, readUtf8 } from '../utf8';

export const RULES_FILE_FORMAT = 'shelfmark-rules';
export const RULES_FILE_VERSION = 1;

export function rulesFileText(rules: readonly Rule[], exportedAt: number): string {
  return JSON.stringify({ format: RULES_FILE_FORMAT, formatVersion: RULES_FILE_VERSION, exportedAt, rules }, null, 1);
}

export type RulesFileResult = { ok: true; rules: RuleInput[] } | { ok: false; problems: string[] };

/**
 * The rules of a rules file, or every problem found. Also accepts a full
 * Shelfmark backup (its `data.rules`) and a bare array of rules. Times are
 * set again by the background, so they are dropped here.
 */
export function parseRulesFile(text: string): RulesFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [t('rulesFileNotJson', error instanceof Error ? error.message : String(error))] };
  }
  const v = value as { format?: unknown; formatVersion?: unknown; rules?: unknown; data?: { rules?: unknown } } | unknown[];
  let list: unknown;
  if (Array.isArray(v)) list = v;
  else if (v && typeof v === 'object' && v.format === RULES_FILE_FORMAT) {
    if (v.formatVersion !== RULES_FILE_VERSION) return { ok: false, problems: [t('rulesFileVersion', String(v.formatVersion), String(RULES_FILE_VERSION))] };
    list = v.rules;
  } else if (v && typeof v === 'object' && v.format === 'shelfmark-backup') list = v.data?.rules;
  if (!Array.isArray(list)) return { ok: false, problems: [t('rulesFileNoRules')] };
  const rules: RuleInput[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(t('rulesFileNotARule', String(i + 1)));
      return;
    }
    const { createdAt: _c, updatedAt: _u, ...input } = item as Record<string, unknown>;
    const problem = checkRuleInput(input, `rule ${i + 1}`);
    if (problem) problems.push(problem.charAt(0).toUpperCase() + problem.slice(1));
    else if (ids.has(input.id as string)) problems.push(t('rulesFileDuplicateId', String(i + 1), JSON.stringify(input.id)));
    else {
      ids.add(input.id as string);
      rules.push(input as unknown as RuleInput);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

/** A chosen file's rules: read strictly as UTF-8 (a file that isn't is one problem, naming the first bad byte), then parsed. */
export async function readRulesFile(file: Blob): Promise<RulesFileResult> {
  let text: string;
  try {
    text = await readUtf8(file);
  } catch (error) {
    if (error instanceof NotUtf8Error) return { ok: false, problems: [error.message] };
    throw error;
  }
  return parseRulesFile(text);
}
