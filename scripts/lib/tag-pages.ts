/**
 * Saved tag pages as a `TagPageLoader` (utils/rules/learn-family.ts): a folder
 * with a `manifest.json` (`file`, `url` per page, as the shared set of real
 * pages has), each page found by the tag name in its URL (`/tags/NAME`). Used
 * by `npm run inspect -- --tag-pages DIR`, the tests and the bench to learn
 * families offline, exactly as the extension does from the archive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPage } from '../../utils/ao3/page';
import { tagNameFromUrl } from '../../utils/ao3/text';
import { normalizeTagText } from '../../utils/rules/normalize';
import type { TagPageLoader, TagPageResult } from '../../utils/rules/learn-family';
import { parseArchiveHtml } from './html';

/** A tag's own page: `/tags/NAME`, nothing after the name. */
const TAG_PAGE = /^(?:[a-z]+:\/\/[^/]+)?\/tags\/[^/?#]+\/?(?:[?#].*)?$/i;

export interface SavedTagPages {
  load: TagPageLoader;
  /** Tag names (as their URLs give them) with a saved page. */
  names: string[];
  /** Pages loaded so far, by tag name: what a learner asked for. */
  requested: string[];
}

/** Reads `DIR/manifest.json`; throws with a one-line message when it is missing or not a list. */
export function savedTagPages(dir: string): SavedTagPages {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no manifest.json in ${dir}`);
  const entries = JSON.parse(readFileSync(manifestPath, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${manifestPath} is not a list of pages`);
  const files = new Map<string, { file: string; url: string; name: string }>();
  for (const entry of entries as Array<{ file?: unknown; url?: unknown }>) {
    if (typeof entry?.file !== 'string' || typeof entry.url !== 'string') continue;
    const path = entry.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
    if (!TAG_PAGE.test(path)) continue;
    const name = tagNameFromUrl(path);
    files.set(normalizeTagText(name), { file: entry.file, url: entry.url, name });
  }
  const requested: string[] = [];
  const load: TagPageLoader = async (name): Promise<TagPageResult> => {
    requested.push(name);
    const found = files.get(normalizeTagText(name));
    if (!found) return { status: 'missing' };
    let html: string;
    try {
      html = readFileSync(join(dir, found.file), 'utf8');
    } catch (error) {
      return { status: 'failed', error: `cannot read ${found.file}: ${(error as Error).message}` };
    }
    const record = readPage(parseArchiveHtml(html), found.url);
    return record.tag ? { status: 'ok', page: record.tag } : { status: 'failed', error: `${found.file} is not a tag page` };
  };
  return { load, names: [...files.values()].map((f) => f.name), requested };
}
