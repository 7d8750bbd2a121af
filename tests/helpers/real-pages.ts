import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchiveHtml } from '../../scripts/lib/html';

/** One page of the shared set of real archive pages, as listed in its manifest.json. */
export interface RealPage {
  file: string;
  url: string;
  main: string;
  session: 'logged-in' | 'logged-out';
  bytes: number;
  source: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the real pages are: `$AO3_PAGES` when set (and only there, so
 * `AO3_PAGES=/nowhere` runs the tests as a clone without them would), else
 * `../shared/fixtures/ao3` beside the checkout; null when that folder has no manifest.json.
 */
export function realPagesDir(): string | null {
  const dir = process.env.AO3_PAGES || join(repoRoot, '../shared/fixtures/ao3');
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

export function realPages(): RealPage[] {
  const dir = realPagesDir();
  if (!dir) return [];
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as RealPage[];
}

export function realPage(file: string): RealPage {
  const page = realPages().find((p) => p.file === file);
  if (!page) throw new Error(`${file} is not in the real pages' manifest`);
  return page;
}

export function realPageHtml(file: string): string {
  const dir = realPagesDir();
  if (!dir) throw new Error('the real pages are not available');
  return readFileSync(join(dir, file), 'utf8');
}

export function realPageDocument(file: string): Document {
  return parseArchiveHtml(realPageHtml(file));
}
