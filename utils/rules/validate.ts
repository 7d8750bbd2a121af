/**
 * Complete validation of rules from outside the code (messages, the database,
 * backup files). The result is a fresh object holding only known fields, so
 * nothing from the input (prototype tricks, extra keys) survives.
 */

import { normalizeFreeText } from './normalize';
import { MAX_TAG_TEXT_LENGTH, compileTagPattern } from './tag-pattern';
import { SAVED_STATUSES } from '../db/types';
import {
  HIDE_SEVERITIES,
  RATINGS,
  READING_STATES,
  STAT_NAMES,
  TAG_COUNT_SLOTS,
  TIME_UNITS,
  type ReadingMatch,
  type AuthorMatch,
  type Rule,
  type RuleMatch,
  type SeriesMatch,
  type TagMatch,
  type TagMatchMode,
  type TagSlot,
  type Trait,
  type WorkMatch,
} from './types';

/** The rule editor's inline check of one pattern, without a whole rule. */
export { validatePattern } from './tag-pattern';

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; error: string };

const TAG_SLOTS: readonly TagSlot[] = ['any', 'fandom', 'relationship', 'character', 'freeform', 'warning', 'rating', 'category'];
const TAG_MODES: readonly TagMatchMode[] = ['exact', 'wildcard', 'regex'];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_ID = 1e12; // archive ids are in the tens of millions
const MAX_TIME = Date.UTC(9999, 11, 31); // milliseconds since the epoch
const MAX_ORDER = 1e9;
const MAX_LIST = 100;
const MAX_LABEL = 200;
const MAX_TITLE = 500;

class InvalidRule extends Error {}

function fail(path: string, problem: string): never {
  throw new InvalidRule(`${path} ${problem}`);
}

export function validateRule(input: unknown): RuleValidation {
  try {
    return { ok: true, rule: readRule(input) };
  } catch (error) {
    if (error instanceof InvalidRule) return { ok: false, error: error.message };
    throw error;
  }
}

function readRule(input: unknown): Rule {
  const fields = readObject(input, 'rule', [
    'id', 'action', 'color', 'severity', 'match', 'scope', 'exceptions', 'enabled', 'label', 'createdAt', 'updatedAt', 'order',
  ]);
  const action = readOneOf(fields.action, 'action', ['hide', 'highlight'] as const);
  const rule: Rule = {
    id: readString(fields.id, 'id', { max: 100, pattern: /^[A-Za-z0-9_.:-]+$/, patternHint: 'letters, digits, _ . : -' }),
    action,
    match: readMatch(fields.match),
    enabled: readBoolean(fields.enabled, 'enabled'),
    createdAt: readInteger(fields.createdAt, 'createdAt', 0, MAX_TIME),
    updatedAt: readInteger(fields.updatedAt, 'updatedAt', 0, MAX_TIME),
  };
  // A colour left over from when the rule highlighted is harmless: hide rules drop it.
  if (isPresent(fields.color) && action === 'highlight') {
    rule.color = readString(fields.color, 'color', {
      max: 9,
      pattern: /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i,
      patternHint: 'a hex colour such as #ffcc00',
    });
  }
  // Likewise a severity left over from when the rule hid: highlight rules drop it.
  if (isPresent(fields.severity) && action === 'hide') rule.severity = readOneOf(fields.severity, 'severity', HIDE_SEVERITIES);
  if (isPresent(fields.scope)) {
    const scope = readObject(fields.scope, 'scope', ['fandoms']);
    rule.scope = { fandoms: readTagList(scope.fandoms, 'scope.fandoms') };
  }
  if (isPresent(fields.exceptions)) {
    const exceptions = readObject(fields.exceptions, 'exceptions', ['tags']);
    rule.exceptions = { tags: readTagList(exceptions.tags, 'exceptions.tags') };
  }
  if (isPresent(fields.label)) {
    // An empty label means "use the generated one".
    const label = readString(fields.label, 'label', { max: MAX_LABEL, allowEmpty: true }).trim();
    if (label) rule.label = label;
  }
  if (isPresent(fields.order)) rule.order = readInteger(fields.order, 'order', -MAX_ORDER, MAX_ORDER);
  return rule;
}

function readMatch(input: unknown): RuleMatch {
  const kind = readOneOf(readObject(input, 'match', null).kind, 'match.kind', ['tag', 'author', 'work', 'series', 'trait', 'reading'] as const);
  switch (kind) {
    case 'tag': {
      const fields = readObject(input, 'match', ['kind', 'slot', 'text', 'mode', 'subtags']);
      const mode = readOneOf(fields.mode, 'match.mode', TAG_MODES);
      const text = readTagText(fields.text, 'match.text', mode);
      const match: TagMatch = { kind, slot: readOneOf(fields.slot, 'match.slot', TAG_SLOTS), text, mode };
      if (isPresent(fields.subtags)) match.subtags = readBoolean(fields.subtags, 'match.subtags');
      return match;
    }
    case 'author': {
      const fields = readObject(input, 'match', ['kind', 'login', 'userId']);
      const match: AuthorMatch = { kind };
      if (isPresent(fields.login)) {
        match.login = readString(fields.login, 'match.login', {
          max: 100,
          pattern: /^[A-Za-z0-9_]+$/,
          patternHint: 'an archive login: letters, digits and _',
        });
      }
      if (isPresent(fields.userId)) match.userId = readInteger(fields.userId, 'match.userId', 1, MAX_ID);
      if (match.login === undefined && match.userId === undefined) fail('match', 'needs a login or a userId');
      return match;
    }
    case 'work': {
      const fields = readObject(input, 'match', ['kind', 'workId', 'title']);
      const match: WorkMatch = { kind, workId: readInteger(fields.workId, 'match.workId', 1, MAX_ID) };
      if (isPresent(fields.title)) match.title = readString(fields.title, 'match.title', { max: MAX_TITLE });
      return match;
    }
    case 'series': {
      const fields = readObject(input, 'match', ['kind', 'seriesId', 'title']);
      const match: SeriesMatch = { kind, seriesId: readInteger(fields.seriesId, 'match.seriesId', 1, MAX_ID) };
      if (isPresent(fields.title)) match.title = readString(fields.title, 'match.title', { max: MAX_TITLE });
      return match;
    }
    case 'trait': {
      const fields = readObject(input, 'match', ['kind', 'trait']);
      return { kind, trait: readTrait(fields.trait) };
    }
    case 'reading': {
      const fields = readObject(input, 'match', ['kind', 'state', 'status']);
      const match: ReadingMatch = { kind, state: readOneOf(fields.state, 'match.state', READING_STATES) };
      if (isPresent(fields.status)) {
        if (match.state !== 'saved') fail('match.status', 'is for the "saved" state only');
        match.status = readOneOf(fields.status, 'match.status', SAVED_STATUSES);
      }
      return match;
    }
  }
}

function readTrait(input: unknown): Trait {
  const path = 'match.trait';
  const type = readOneOf(readObject(input, path, null).type, `${path}.type`, [
    'language', 'words', 'chapters', 'complete', 'crossover', 'rating', 'notUpdatedSince', 'titleOrSummary', 'kudosRatioBelow',
    'anonymous', 'orphaned', 'tagCount', 'wordsPerChapterBelow', 'notUpdatedFor', 'stat', 'chapterKudosRatioBelow',
  ] as const);
  switch (type) {
    case 'language': {
      const fields = readObject(input, path, ['type', 'language']);
      return { type, language: readString(fields.language, `${path}.language`, { max: 100 }) };
    }
    case 'words':
      return { type, ...readRange(readObject(input, path, ['type', 'min', 'max']), path, 1e9) };
    case 'chapters':
      return { type, ...readRange(readObject(input, path, ['type', 'min', 'max']), path, 1e5) };
    case 'complete': {
      const fields = readObject(input, path, ['type', 'complete']);
      return { type, complete: readBoolean(fields.complete, `${path}.complete`) };
    }
    case 'crossover': {
      const fields = readObject(input, path, ['type', 'moreThan']);
      return { type, moreThan: readInteger(fields.moreThan, `${path}.moreThan`, 1, 1000) };
    }
    case 'rating': {
      const fields = readObject(input, path, ['type', 'rating']);
      return { type, rating: readOneOf(fields.rating, `${path}.rating`, RATINGS) };
    }
    case 'notUpdatedSince': {
      const fields = readObject(input, path, ['type', 'date']);
      return { type, date: readIsoDate(fields.date, `${path}.date`) };
    }
    case 'titleOrSummary': {
      const fields = readObject(input, path, ['type', 'phrase']);
      const phrase = readString(fields.phrase, `${path}.phrase`, { max: MAX_LABEL }).trim();
      if (!/[\p{L}\p{N}]/u.test(normalizeFreeText(phrase))) fail(`${path}.phrase`, 'needs at least one letter or digit');
      return { type, phrase };
    }
    case 'kudosRatioBelow': {
      const fields = readObject(input, path, ['type', 'ratio']);
      const ratio = fields.ratio;
      if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0 || ratio > 1) {
        fail(`${path}.ratio`, 'must be a number above 0 and at most 1 (0.05 is 5%)');
      }
      return { type, ratio };
    }
    case 'anonymous':
    case 'orphaned':
      readObject(input, path, ['type']);
      return { type };
    case 'tagCount': {
      const fields = readObject(input, path, ['type', 'slot', 'moreThan']);
      return { type, slot: readOneOf(fields.slot, `${path}.slot`, TAG_COUNT_SLOTS), moreThan: readInteger(fields.moreThan, `${path}.moreThan`, 0, 1000) };
    }
    case 'wordsPerChapterBelow': {
      const fields = readObject(input, path, ['type', 'below']);
      return { type, below: readInteger(fields.below, `${path}.below`, 1, 1e9) };
    }
    case 'notUpdatedFor': {
      const fields = readObject(input, path, ['type', 'amount', 'unit']);
      return { type, amount: readInteger(fields.amount, `${path}.amount`, 1, 10_000), unit: readOneOf(fields.unit, `${path}.unit`, TIME_UNITS) };
    }
    case 'stat': {
      const fields = readObject(input, path, ['type', 'stat', 'min', 'max']);
      return { type, stat: readOneOf(fields.stat, `${path}.stat`, STAT_NAMES), ...readRange(fields, path, 1e12) };
    }
    case 'chapterKudosRatioBelow': {
      const fields = readObject(input, path, ['type', 'ratio']);
      const ratio = fields.ratio;
      if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0 || ratio > 10) {
        fail(`${path}.ratio`, 'must be a number above 0 and at most 10 (0.05 is 5%)');
      }
      return { type, ratio };
    }
  }
}

function readRange(fields: Record<string, unknown>, path: string, limit: number): { min?: number; max?: number } {
  const range: { min?: number; max?: number } = {};
  if (isPresent(fields.min)) range.min = readInteger(fields.min, `${path}.min`, 0, limit);
  if (isPresent(fields.max)) range.max = readInteger(fields.max, `${path}.max`, 0, limit);
  if (range.min === undefined && range.max === undefined) fail(path, 'needs a min or a max');
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) fail(path, 'has min above max');
  return range;
}

function readTagText(value: unknown, path: string, mode: TagMatchMode): string {
  const text = readString(value, path, { max: MAX_TAG_TEXT_LENGTH });
  const compiled = compileTagPattern(mode, text);
  if (!compiled.ok) fail(path, compiled.error);
  return text;
}

/** Scope fandoms and exception tags: exact text or wildcards. */
function readTagList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, 'must be a list of tags');
  if (value.length === 0) fail(path, 'must name at least one tag (or be left out)');
  if (value.length > MAX_LIST) fail(path, `must have at most ${MAX_LIST} tags`);
  return value.map((item, index) => readTagText(item, `${path}[${index}]`, 'wildcard'));
}

function readIsoDate(value: unknown, path: string): string {
  const date = readString(value, path, { max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, patternHint: 'a date as YYYY-MM-DD' });
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) fail(path, 'is not a real date');
  return date;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A plain object with no forbidden keys and, when `allowed` is given, no unknown ones. */
function readObject(value: unknown, path: string, allowed: readonly string[] | null): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) fail(path, 'must be a plain object');
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) fail(path, `has a forbidden key "${key}"`);
    if (allowed && !allowed.includes(key)) fail(path, `has an unknown field "${key.slice(0, 40)}"`);
  }
  return value as Record<string, unknown>;
}

function readString(
  value: unknown,
  path: string,
  options: { max: number; pattern?: RegExp; patternHint?: string; allowEmpty?: boolean },
): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (!options.allowEmpty && value.trim() === '') fail(path, 'must not be empty');
  if (value.length > options.max) fail(path, `must be at most ${options.max} characters`);
  if (options.pattern && !options.pattern.test(value)) fail(path, `must be ${options.patternHint ?? 'well formed'}`);
  return value;
}

function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function readOneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail(path, `must be one of ${options.map((option) => `"${option}"`).join(', ')}`);
  }
  return value as T;
}
