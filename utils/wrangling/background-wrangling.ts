/**
 * The background's wiring of tag family learning: the polite queue to the
 * archive (fetching with the browser, its "not before" time in
 * storage.session), the page parser (tag-page-parser.ts), the loader and the
 * learner, which rebuilds the rules mirror after each family learned.
 */
import type { ShelfmarkDb } from '../db/schema';
import { getSettings } from '../db/settings';
import { listFamilies } from '../db/tag-families';
import { t } from '../i18n';
import type { ListingMirror } from '../messaging/listing-mirror';
import { learnTagFamily } from '../rules/learn-family';
import type { TagFamily } from '../rules/tag-family';
import { ArchiveQueue, type ArchiveResponse } from './archive-queue';
import type { ArchiveHost, SessionLike } from './archive-host';
import type { Wrangling } from './family-handlers';
import { FamilyService } from './family-service';
import { createTagPageLoader } from './tag-page-loader';
import type { TagPageParser } from './tag-page-parser';

const NOT_BEFORE_KEY = 'archiveNotBefore';

export const LEARNING_OFF = 'learning tag families is off';

/** A tag page, fetched without cookies: what the archive shows anyone, and nothing that ties it to the reader's account. */
async function fetchArchive(url: string): Promise<ArchiveResponse> {
  const response = await fetch(url, { credentials: 'omit', redirect: 'follow', headers: { Accept: 'text/html' } });
  return { status: response.status, html: response.ok ? await response.text() : '', retryAfter: response.headers.get('Retry-After') };
}

/** The families the mirror uses: none while learning is off (rules then match their own text only). */
export async function mirroredFamilies(db: ShelfmarkDb): Promise<readonly TagFamily[]> {
  return (await getSettings(db)).learnTagFamilies ? listFamilies(db) : [];
}

export interface WranglingDeps {
  getDb(): Promise<ShelfmarkDb>;
  now(): number;
  session: SessionLike;
  host: ArchiveHost;
  parser: TagPageParser;
  /** Set once the mirror exists (it is built with `mirroredFamilies`). */
  mirror(): ListingMirror;
}

export function createWrangling(deps: WranglingDeps): Wrangling {
  const queue = new ArchiveQueue({
    now: deps.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    fetch: fetchArchive,
    beforeFetch: async () => {
      if (!(await getSettings(await deps.getDb())).learnTagFamilies) throw new Error(LEARNING_OFF);
    },
    loadNotBefore: async () => {
      const value = (await deps.session.get(NOT_BEFORE_KEY))[NOT_BEFORE_KEY];
      return typeof value === 'number' ? value : 0;
    },
    saveNotBefore: (at) => deps.session.set({ [NOT_BEFORE_KEY]: at }),
  });
  const loader = createTagPageLoader({ queue, host: () => deps.host.get(), parse: (html, url) => deps.parser.parse(html, url) });
  const families = new FamilyService({
    getDb: deps.getDb,
    now: deps.now,
    learn: (name, onProgress) => learnTagFamily(name, loader, { onProgress, now: deps.now }),
    changed: () => deps.mirror().refresh(),
    idle: () => deps.parser.release(),
    messages: { missing: t('familyMissing'), failed: (error) => t('familyFailed', error) },
  });
  return { queue, families };
}
