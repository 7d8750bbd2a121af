/**
 * Rules and their families for the inspector, read as the extension reads
 * them: a rules file (a JSON list of rules in the shape backups hold, or a
 * whole backup file), and families learned from saved tag pages with the
 * extension's own learner (`learnTagFamily`), offline.
 */
import { readFileSync } from 'node:fs';
import { parseBackupText } from '../../utils/backup/parse';
import type { PageRecord } from '../../utils/ao3/types';
import { compileRules } from '../../utils/rules/compile';
import { FamilyIndex } from '../../utils/rules/family-table';
import { familyTagsOf, mirrorFamilies } from '../../utils/rules/family-names';
import { learnTagFamily } from '../../utils/rules/learn-family';
import { normalizeTagText } from '../../utils/rules/normalize';
import type { TagFamily } from '../../utils/rules/tag-family';
import type { Rule, Verdict } from '../../utils/rules/types';
import { validateRule } from '../../utils/rules/validate';
import { savedTagPages } from './tag-pages';

export interface RulesInput {
  rules: Rule[];
  /** Works the backup's reader chose to always show (a rules list has none). */
  alwaysShow: number[];
}

/** Reads a rules file; throws with a one-line message naming the problem. */
export function readRulesFile(file: string): RulesInput {
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message})`, { cause: error });
  }
  if (Array.isArray(raw)) {
    const rules = raw.map((value, i) => {
      const result = validateRule(value);
      if (!result.ok) throw new Error(`${file}: rule ${i}: ${result.error}`);
      return result.rule;
    });
    return { rules, alwaysShow: [] };
  }
  const parsed = parseBackupText(text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.split('\n')[0]}`);
  const setting = parsed.file.data.settings.find((s) => s.key === 'alwaysShow');
  const alwaysShow = Array.isArray(setting?.value) ? setting.value.filter((id): id is number => Number.isInteger(id)) : [];
  return { rules: parsed.file.data.rules, alwaysShow };
}

/** Learns, from the saved tag pages in `dir`, the family of every tag the rules use. */
export async function learnFamilies(rules: readonly Rule[], dir: string): Promise<TagFamily[]> {
  const { load } = savedTagPages(dir);
  const seen = new Set<string>();
  const families: TagFamily[] = [];
  for (const rule of rules) {
    for (const name of familyTagsOf(rule)) {
      const key = normalizeTagText(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const result = await learnTagFamily(name, load);
      if (result.ok) families.push(result.family);
    }
  }
  return families;
}

export interface CheckedBlurb {
  verdict: Verdict;
  reasons: Array<{ label: string; detail: string }>;
}

/** Every blurb of `page` classified by `rules` with `families`, as the content script classifies it. */
export function checkBlurbs(page: PageRecord, input: RulesInput, families: readonly TagFamily[]): CheckedBlurb[] {
  const table = mirrorFamilies(input.rules, families);
  const matcher = compileRules(input.rules, table ? new FamilyIndex(table) : null);
  const alwaysShow = new Set(input.alwaysShow);
  return page.blurbs.map((blurb) => {
    const result = matcher.classify(blurb, { alwaysShow });
    return {
      verdict: result.verdict,
      reasons: [...result.hiddenBy, ...result.highlightedBy].map(({ label, detail }) => ({ label, detail })),
    };
  });
}
