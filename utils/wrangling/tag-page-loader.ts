/**
 * The background's tag page loader for `learnTagFamily` (utils/rules/learn-family.ts):
 * each page fetched in its turn from the polite queue (archive-queue.ts), from the
 * archive's host the reader uses, and read by the page model's own tag page reader
 * (through `parse`, which hides where the DOM comes from: tag-page-parser.ts).
 */
import type { TagPage } from '../ao3/types';
import type { TagPageLoader, TagPageResult } from '../rules/learn-family';
import { ArchiveBusyError, type ArchiveQueue } from './archive-queue';

const ESCAPES: Record<string, string> = { '/': '*s*', '&': '*a*', '.': '*d*', '?': '*q*', '#': '*h*' };

/** The address of a tag's page, escaped as the archive's own links are: `F/M` → `/tags/F*s*M`, spaces as `%20`. */
export function tagPageUrl(host: string, name: string): string {
  const escaped = name.replace(/[/&.?#]/g, (c) => ESCAPES[c]!);
  return `https://${host}/tags/${encodeURIComponent(escaped)}`;
}

export interface LoaderDeps {
  queue: ArchiveQueue;
  /** The archive's host the reader uses (hosts.ts), asked for each page. */
  host(): string;
  /** The tag record read from a fetched page, or null when the page is not a tag page. */
  parse(html: string, url: string): Promise<TagPage | null>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createTagPageLoader(deps: LoaderDeps): TagPageLoader {
  return async (name): Promise<TagPageResult> => {
    const url = tagPageUrl(deps.host(), name);
    let response;
    try {
      response = await deps.queue.fetchTagPage(url);
    } catch (error) {
      return { status: 'failed', error: error instanceof ArchiveBusyError ? error.message : message(error) };
    }
    if (response.status === 404) return { status: 'missing' };
    if (response.status < 200 || response.status >= 300) return { status: 'failed', error: `HTTP ${response.status}` };
    try {
      const page = await deps.parse(response.html, url);
      return page ? { status: 'ok', page } : { status: 'failed', error: 'not a tag page' };
    } catch (error) {
      return { status: 'failed', error: message(error) };
    }
  };
}
