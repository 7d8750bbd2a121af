/** A built extension's manifest, and its strings as the browser shows them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Manifest = Record<string, unknown> & {
  name: string;
  description: string;
  permissions: string[];
  host_permissions: string[];
  default_locale?: string;
  content_scripts: Array<{ matches: string[] }>;
  icons: Record<string, string>;
  action: Record<string, unknown> & { default_title: string; default_icon: Record<string, string> };
};

export function readManifest(buildDir: string): Manifest {
  const file = join(buildDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build at ${buildDir}: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** A manifest string as the browser shows it: `__MSG_name__` looked up (case-insensitively, as browsers do) in the default locale's messages. */
export function shownText(buildDir: string, manifest: Manifest, value: string): string {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  if (!manifest.default_locale) throw new Error(`${value} needs default_locale`);
  const file = join(buildDir, '_locales', manifest.default_locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase());
  if (!entry) throw new Error(`${value} is not in ${file}`);
  return entry[1].message;
}
