/** The popup's requests to the background. */
import type { RuleInput } from '../../utils/db/rule-checks';
import type { Settings } from '../../utils/db/settings';
import { request } from '../../utils/messaging/client';
import type { Rule } from '../../utils/rules/types';

export async function listRules(): Promise<Rule[]> {
  return (await request({ type: 'rules/list' })).rules;
}

export async function putRule(rule: RuleInput): Promise<Rule> {
  return (await request({ type: 'rules/put', rule })).rule;
}

export async function deleteRule(id: string): Promise<void> {
  await request({ type: 'rules/delete', id });
}

export async function reorderRules(ids: string[]): Promise<Rule[]> {
  return (await request({ type: 'rules/reorder', ids })).rules;
}

export async function getSettings(): Promise<Settings> {
  return (await request({ type: 'settings/get' })).settings;
}

export async function setSettings(values: Partial<Settings>): Promise<Settings> {
  return (await request({ type: 'settings/set', values })).settings;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
