/**
 * The English messages read the way the browser reads them (named
 * placeholders standing for `$1`…, `$$` for a dollar sign), for code that
 * runs under Node, where there is no `browser.i18n`.
 */
import { readFileSync } from 'node:fs';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

export const readMessages = (language: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../../public/_locales/${language}/messages.json`, import.meta.url), 'utf8')) as Messages;

export function messageReader(messages: Messages): (key: string, substitutions?: string | string[]) => string {
  // The browser looks keys up regardless of case.
  const byKey = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key, substitutions = []) => {
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return '';
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    return entry.message.replace(/\$\$|\$(\w+)\$/g, (whole, name: string | undefined) => {
      if (name === undefined) return '$';
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : content.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    });
  };
}
