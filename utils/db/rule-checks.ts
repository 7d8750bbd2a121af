/**
 * Rule checks for the store, the protocol and backups. A rule's full
 * validation (envelope and match shapes) belongs to the rules engine
 * (utils/rules/validate.ts), so every kind it learns is accepted here too.
 */
import type { Rule } from '../rules/types';
import { validateRule } from '../rules/validate';
import { type Check, describe, isPlainObject } from './check';

export const checkRuleRecord: Check<Rule> = (value, path) => {
  const result = validateRule(value);
  return result.ok ? null : `${path}: ${result.error}`;
};

/** What a page sends to create or change a rule: the store sets the times, and the order when absent. */
export type RuleInput = Omit<Rule, 'createdAt' | 'updatedAt'>;

export const checkRuleInput: Check<RuleInput> = (value, path) => {
  if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  if ('createdAt' in value || 'updatedAt' in value) return `${path}: createdAt and updatedAt are set by the background`;
  return checkRuleRecord({ ...value, createdAt: 0, updatedAt: 0 }, path);
};

/** The rules engine's clean copy of a checked rule: known fields only, normalised. */
export function normalizeRule(rule: Rule): Rule {
  const result = validateRule(rule);
  if (!result.ok) throw new Error(`rule ${JSON.stringify(rule.id)}: ${result.error}`);
  return result.rule;
}

export const RULE_ID: Check<string> = (value, path) =>
  typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(value) ? null : `${path}: expected a rule id, got ${describe(value)}`;
