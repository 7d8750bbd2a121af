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

/** `$AO3_PAGES`, else `../shared/fixtures/ao3` beside the checkout; null when neither exists. */
export function realPagesDir(): string | null {
  const candidates = [process.env.AO3_PAGES, join(repoRoot, '../shared/fixtures/ao3')].filter(
    (dir): dir is string => Boolean(dir),
  );
  return candidates.find((dir) => existsSync(join(dir, 'manifest.json'))) ?? null;
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

let noticePrinted = false;
/** For `describe.skipIf(...)`: true, with a printed notice once, when the real pages are absent. */
export function realPagesMissing(): boolean {
  const missing = realPagesDir() === null;
  if (missing && !noticePrinted) {
    noticePrinted = true;
    console.warn(
      'NOTICE: real archive pages not found (set AO3_PAGES or place them at ../shared/fixtures/ao3); real-page tests skipped.',
    );
  }
  return missing;
}
