/**
 * Prints what the page model reads from a saved archive page, as one JSON
 * object (a PageRecord).
 *
 *   npm run inspect -- FILE [--url URL] [--rules RULES.json [--tag-pages DIR]]
 *
 * Without --url, the page's URL is looked up in a manifest.json beside the
 * file (as the shared set of real pages has); failing that, the page is read
 * from its markup alone. With --rules, every blurb also gets the `verdict`
 * and `reasons` the extension would give it; with --tag-pages, the rules'
 * tag families are first learned from saved tag pages, as the extension
 * learns them from the archive.
 */
// First: the rules word their reasons through browser.i18n, which Node lacks.
import './lib/node-i18n';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readPage } from '../utils/ao3/page';
import type { TagFamily } from '../utils/rules/tag-family';
import { checkBlurbs, learnFamilies, readRulesFile } from './lib/check-rules';
import { parseArchiveHtml } from './lib/html';

const USAGE = `Usage: npm run inspect -- FILE [--url URL] [--rules RULES.json [--tag-pages DIR]]

Reads a saved archive page and prints its PageRecord as JSON.
  --url URL          the address the page was served at (refines the listing kind);
                     default: its entry in a manifest.json beside FILE, if any
  --rules FILE       a JSON list of rules (as backups hold them) or a whole backup
                     file: each blurb gets its "verdict" (hide, highlight, show)
                     and "reasons" ({label, detail}), as the extension decides them
  --tag-pages DIR    saved tag pages (/tags/NAME) with a manifest.json (file, url):
                     the families of the rules' tags are learned from them, offline,
                     as the extension learns them from the archive; printed under
                     "families"
  --help             this message`;

function fail(message: string): never {
  process.stderr.write(`inspect: ${message}\n`);
  process.exit(1);
}

function urlFromManifest(file: string): string | null {
  const manifest = join(dirname(file), 'manifest.json');
  if (!existsSync(manifest)) return null;
  try {
    const entries = JSON.parse(readFileSync(manifest, 'utf8')) as unknown;
    if (!Array.isArray(entries)) return null;
    const entry = entries.find((e: { file?: unknown }) => e?.file === basename(file)) as { url?: unknown } | undefined;
    return typeof entry?.url === 'string' ? entry.url : null;
  } catch {
    return null;
  }
}

/** `--name VALUE` or `--name=VALUE` at `args[i]`: the value and how many arguments it took, or null. */
function option(args: string[], i: number, name: string): { value: string; used: number } | null {
  const arg = args[i]!;
  if (arg === name) return { value: args[i + 1] ?? fail(`${name} needs a value`), used: 2 };
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  return null;
}

async function main(args: string[]): Promise<void> {
  let file: string | null = null;
  let url: string | null = null;
  let rulesFile: string | null = null;
  let tagPages: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    const rules = option(args, i, '--rules');
    const pages = option(args, i, '--tag-pages');
    if (arg === '--url') {
      url = args[++i] ?? fail('--url needs a URL');
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (rules) {
      rulesFile = rules.value;
      i += rules.used - 1;
    } else if (pages) {
      tagPages = pages.value;
      i += pages.used - 1;
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg} (see --help)`);
    } else if (file === null) {
      file = arg;
    } else {
      fail(`one file at a time (got ${file} and ${arg})`);
    }
  }
  if (file === null) fail('no file given (see --help)');
  if (tagPages !== null && rulesFile === null) fail('--tag-pages needs --rules (see --help)');

  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
  const record = readPage(parseArchiveHtml(html), url ?? urlFromManifest(file));
  if (rulesFile === null) {
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return;
  }
  let input: ReturnType<typeof readRulesFile>;
  let families: TagFamily[] = [];
  try {
    input = readRulesFile(rulesFile);
    if (tagPages !== null) families = await learnFamilies(input.rules, tagPages);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code ? `cannot read ${code === 'ENOENT' || code === 'EISDIR' ? rulesFile : 'a file'} (${code})` : (error as Error).message);
  }
  const checked = checkBlurbs(record, input, families);
  const out = {
    ...record,
    blurbs: record.blurbs.map((blurb, i) => ({ ...blurb, ...checked[i] })),
    ...(tagPages !== null ? { families } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main(process.argv.slice(2));
