/**
 * Every text a reader sees comes from the extension's messages
 * (public/_locales/<language>/messages.json) through the browser's own i18n,
 * so a translator adds a language without touching code. The keys are typed
 * from the English file: a key it lacks is a type error.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/**
 * The keys that have plural variants, one per CLDR category of the language
 * (`worksHidden_one`, `worksHidden_few`…, always `worksHidden_other`): `worksHidden`.
 */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/**
 * Stand-ins for `$1`…`$9` (the most a message takes), from Unicode's private use area: asked once
 * with these, a message comes back as its template, and each later call fills it in here.
 */
const STAND_INS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const STAND_IN = /[\uE000-\uE008]/g;
const templates = new Map<MessageKey, string>();

/**
 * The message `key`, with `$1`… in it replaced by `substitutions` in order. Each message is asked
 * of the browser once per page: a listing of a thousand works labels every one of them, and each
 * call into the browser's i18n costs far more than filling in a string.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return filledIn(key, substitutions);
}

function filledIn(key: MessageKey, substitutions: readonly string[]): string {
  let template = templates.get(key);
  if (template === undefined) templates.set(key, (template = browser.i18n.getMessage(key, STAND_INS)));
  // One pass over the template only: a stand-in inside a substitution (page text can hold anything) is left as it is.
  return template.replace(STAND_IN, (stand) => substitutions[stand.charCodeAt(0) - 0xe000] ?? '');
}

let pluralRules: Intl.PluralRules | undefined;
let countFormat: Intl.NumberFormat | undefined;
let uiLanguage: string | undefined;

/**
 * The variant of the message `key` that fits `count` in the browser's language
 * ("1 work hidden", "5 works hidden"): `$1` is the count, formatted, and
 * `substitutions` follow as `$2`…. A translation that lacks the category its
 * language needs falls back to `_other`.
 */
export function tn(key: PluralKey, count: number, ...substitutions: string[]): string {
  uiLanguage ??= browser.i18n.getUILanguage();
  pluralRules ??= new Intl.PluralRules(uiLanguage);
  countFormat ??= new Intl.NumberFormat(uiLanguage);
  const all = [countFormat.format(count), ...substitutions];
  const category = pluralRules.select(count);
  // English has only _one and _other; a translation adds the variants its language needs (_few, _many…).
  const text = category === 'other' ? '' : filledIn(`${key}_${category}` as MessageKey, all);
  return text || filledIn(`${key}_other`, all);
}

const primaryLanguage = (tag: string): string => tag.split(/[-_]/, 1)[0]!.toLowerCase();

/**
 * The language the extension's pages are shown in, for `<html lang>`: the
 * browser's UI language ("en-GB", "pt-BR") when Shelfmark's messages are in
 * that language, else the language of the messages the browser fell back to
 * (English while there is no translation), so a screen reader never reads
 * English text in a French voice.
 */
export function pageLanguage(): string {
  const ui = browser.i18n.getUILanguage();
  const messages = browser.i18n.getMessage('messagesLanguage');
  if (!messages || primaryLanguage(messages) === primaryLanguage(ui)) return ui;
  return messages;
}

/** Declares the page's language on its root element (the HTML files say `en`); call at startup. */
export function applyPageLanguage(root: { lang: string } = document.documentElement): void {
  root.lang = pageLanguage();
}
