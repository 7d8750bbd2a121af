/**
 * The messages and the code agree: every key the code uses exists, every
 * message is used, each use passes exactly the substitutions its message
 * takes, and translators get a description of every message and placeholder.
 * Translations other than English are held to English's keys and placeholders.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCodeMessages } from './code-messages';
import { readMessages, type MessageEntry, type Messages } from './english-messages';

const english = readMessages('en');
const code = readCodeMessages();

/** The CLDR plural categories: `key_one`, `key_few`… are a plural message's variants. */
const PLURAL_VARIANT = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(english).flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -'_other'.length)] : [])));

/** The `$N` a message fills, from its placeholders' contents. */
function substitutionsOf(entry: MessageEntry): Set<number> {
  return new Set(Object.values(entry.placeholders ?? {}).map((p) => Number(p.content.slice(1))));
}
const range = (n: number) => new Set(Array.from({ length: n }, (_, i) => i + 1));
const variantsOf = (messages: Messages, base: string) => Object.keys(messages).filter((key) => PLURAL_VARIANT.exec(key)?.[1] === base);

describe('the English messages', () => {
  it('are written for translators: a description on every message, every placeholder defined, used and exemplified', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(entry.description?.trim(), key).toBeTruthy();
      const named = new Set(Array.from(entry.message.replaceAll('$$', '').matchAll(/\$(\w+)\$/g), (m) => m[1]!.toLowerCase()));
      const placeholders = Object.entries(entry.placeholders ?? {});
      expect(new Set(placeholders.map(([name]) => name.toLowerCase())), key).toEqual(named);
      for (const [name, p] of placeholders) {
        expect(p.content, `${key}.${name}`).toMatch(/^\$[1-9]$/);
        expect(p.example?.trim(), `${key}.${name} example`).toBeTruthy();
      }
      // A bare $1 would work in Chrome but leaves the translator without a name or an example.
      expect(entry.message.replaceAll('$$', '').replace(/\$\w+\$/g, ''), key).not.toMatch(/\$/);
    }
  });

  it('have keys that differ by more than case (the browser ignores case)', () => {
    const lower = Object.keys(english).map((key) => key.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('give every plural message an _other variant', () => {
    for (const key of Object.keys(english)) {
      const base = PLURAL_VARIANT.exec(key)?.[1];
      if (base) expect(english[`${base}_other`], key).toBeDefined();
    }
  });
});

describe('the code and the messages', () => {
  it('uses only keys that exist', () => {
    for (const call of code.calls) {
      if (call.key === null) continue;
      if (call.fn === 't') expect(english[call.key], `${call.where}: t('${call.key}')`).toBeDefined();
      else expect(pluralBases.has(call.key), `${call.where}: tn('${call.key}')`).toBe(true);
    }
    for (const key of code.manifestKeys) expect(english[key], `wxt.config.ts: __MSG_${key}__`).toBeDefined();
  });

  it('uses every message', () => {
    const used = new Set([...code.calls.flatMap((call) => (call.key === null ? [] : [call.key])), ...code.literals.keys(), ...code.manifestKeys]);
    const unused = Object.keys(english).filter((key) => !used.has(key) && !used.has(PLURAL_VARIANT.exec(key)?.[1] ?? key));
    expect(unused).toEqual([]);
  });

  it('passes each message exactly the substitutions it takes', () => {
    for (const call of code.calls) {
      const label = `${call.where}: ${call.fn}(${call.key ?? '…'})`;
      expect(call.substitutions, `${label} spreads its substitutions`).not.toBeNull();
      if (call.key === null) {
        // A key chosen at run time comes from a table of keys; those take no substitutions but a plural's count.
        expect(call.substitutions, label).toBe(call.fn === 'tn' ? 1 : 0);
        continue;
      }
      const expected = range(call.substitutions ?? 0);
      if (call.fn === 't') {
        if (english[call.key]) expect(substitutionsOf(english[call.key]!), label).toEqual(expected);
        continue;
      }
      // A variant may leave out the count ("a work"), never take more; _other takes them all.
      for (const variant of variantsOf(english, call.key)) {
        for (const n of substitutionsOf(english[variant]!)) expect(expected.has(n), `${label}: ${variant} uses $${n}`).toBe(true);
      }
      if (english[`${call.key}_other`]) expect(substitutionsOf(english[`${call.key}_other`]!), label).toEqual(expected);
    }
  });

  it('keeps keys named outside a call (in tables) free of substitutions but a plural count', () => {
    const calledWithLiteral = new Set(code.calls.flatMap((call) => (call.key === null ? [] : [call.key])));
    for (const [text, where] of code.literals) {
      if (calledWithLiteral.has(text)) continue;
      if (english[text]) expect(substitutionsOf(english[text]), `${where}: '${text}'`).toEqual(new Set());
      else if (pluralBases.has(text)) expect(substitutionsOf(english[`${text}_other`]!), `${where}: '${text}'`).toEqual(range(1));
    }
  });
});

/** What is wrong with a translation: keys English lacks, placeholders that differ, plural messages without `_other`. */
function translationProblems(translated: Messages): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(translated)) {
    const base = PLURAL_VARIANT.exec(key)?.[1];
    const source = english[key] ?? (base && pluralBases.has(base) ? english[`${base}_other`] : undefined);
    if (!source) {
      problems.push(`${key} is not an English key`);
      continue;
    }
    const own = substitutionsOf(entry);
    const expected = substitutionsOf(source);
    // A plural variant may leave out the count, like English's "a work".
    const fits = [...own].every((n) => expected.has(n)) && (own.size === expected.size || Boolean(base && !key.endsWith('_other')));
    if (!fits) problems.push(`${key} fills ${[...own].join(', ') || 'nothing'} where English fills ${[...expected].join(', ') || 'nothing'}`);
  }
  for (const base of pluralBases) {
    if (variantsOf(translated, base).length > 0 && !translated[`${base}_other`]) problems.push(`${base}_other is missing`);
  }
  return problems;
}

describe('translations', () => {
  it('have only English keys, with the same placeholders', () => {
    const languages = readdirSync(new URL('../../../public/_locales/', import.meta.url)).filter((language) => language !== 'en');
    for (const language of languages) expect(translationProblems(readMessages(language)), language).toEqual([]);
  });

  it('are checked for unknown keys and changed placeholders', () => {
    const key = Object.keys(english).find((k) => english[k]!.placeholders)!;
    const broken: Messages = { notAKey: { message: 'x' }, [key]: { message: 'no placeholder' } };
    expect(translationProblems(broken)).toEqual([expect.stringContaining('notAKey'), expect.stringContaining(key)]);
  });
});
