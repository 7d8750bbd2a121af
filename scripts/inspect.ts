/**
 * Prints what the page model reads from a saved archive page, as one JSON
 * object (a PageRecord).
 *
 *   npm run inspect -- FILE [--url URL]
 *
 * Without --url, the page's URL is looked up in a manifest.json beside the
 * file (as the shared set of real pages has); failing that, the page is read
 * from its markup alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readPage } from '../utils/ao3/page';
import { parseArchiveHtml } from './lib/html';

const USAGE = `Usage: npm run inspect -- FILE [--url URL]

Reads a saved archive page and prints its PageRecord as JSON.
  --url URL   the address the page was served at (refines the listing kind);
              default: its entry in a manifest.json beside FILE, if any
  --help      this message`;

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

function main(args: string[]): void {
  let file: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    if (arg === '--url') {
      url = args[++i] ?? fail('--url needs a URL');
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg} (see --help)`);
    } else if (file === null) {
      file = arg;
    } else {
      fail(`one file at a time (got ${file} and ${arg})`);
    }
  }
  if (file === null) fail('no file given (see --help)');

  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
  const record = readPage(parseArchiveHtml(html), url ?? urlFromManifest(file));
  process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
}

main(process.argv.slice(2));
