/**
 * The one polite queue of requests to the archive, kept by the background:
 * tag pages fetched to learn tag families, and the turns the History import
 * (which fetches the reader's own History pages from its tab) asks for. At
 * most one request every 3 seconds across both; after a 429 or a 503 nothing
 * goes out until the time the archive's `Retry-After` names (or, without one,
 * 30 s doubling with each refusal in a row, up to an hour). That time is kept
 * outside the worker (`saveNotBefore`), so a worker stopped and started again
 * still waits.
 *
 * The queue itself fetches only the archive's tag pages (`/tags/NAME`, on one
 * of the archive's own hosts): never a work page, never anything else.
 * Everything the browser does (fetch, clock, sleep, storage) comes in as
 * dependencies, so this is tested with a fake clock.
 */
import { isArchiveHost } from '../hosts';
import { retryAfterMs } from './retry-after';

export const ARCHIVE_INTERVAL_MS = 3000;
/** The wait after a refusal that names none: doubled with each refusal in a row. */
export const DEFAULT_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
/** A Retry-After longer than a day is read as a day. */
const MAX_RETRY_AFTER_MS = 86_400_000;

export interface ArchiveResponse {
  status: number;
  /** The body when the status is 2xx; empty otherwise. */
  html: string;
  retryAfter: string | null;
}

export interface ArchiveQueueDeps {
  now(): number;
  sleep(ms: number): Promise<void>;
  fetch(url: string): Promise<ArchiveResponse>;
  /** Called inside the turn, just before the request goes out: throwing cancels it (learning turned off meanwhile). */
  beforeFetch?(url: string): Promise<void>;
  /** The earliest time of the next request, kept where a restarted worker finds it. */
  loadNotBefore?(): Promise<number>;
  saveNotBefore?(at: number): Promise<void>;
  intervalMs?: number;
}

/** The archive asked to wait (429/503), longer than the caller was willing to. */
export class ArchiveBusyError extends Error {
  constructor(readonly retryAt: number) {
    super(`the archive asked to wait until ${new Date(retryAt).toISOString()}`);
    this.name = 'ArchiveBusyError';
  }
}

/** `https://<an archive host>/tags/NAME`: a tag's own page, not its works or bookmarks listing. */
export function isTagPageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && isArchiveHost(parsed.hostname) && /^\/tags\/[^/]+$/.test(parsed.pathname) && parsed.search === '' && parsed.hash === '';
}

export type SlotReply = { granted: true } | { granted: false; retryAt: number };

export interface FetchOptions {
  /** Tries in all, a refusal (429/503) counting as one; the last refusal throws ArchiveBusyError. */
  attempts?: number;
  /** Longer waits than this throw ArchiveBusyError instead of waiting. */
  maxWaitMs?: number;
}

export class ArchiveQueue {
  private notBefore = 0;
  private refusals = 0;
  private tail: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | null = null;
  private readonly interval: number;

  constructor(private readonly deps: ArchiveQueueDeps) {
    this.interval = deps.intervalMs ?? ARCHIVE_INTERVAL_MS;
  }

  /** The earliest time the next request may go out. */
  async nextAt(): Promise<number> {
    await this.load();
    return this.notBefore;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await this.deps.loadNotBefore?.().catch(() => 0);
      if (typeof stored === 'number' && Number.isFinite(stored)) this.notBefore = Math.max(this.notBefore, stored);
    })();
    return this.loaded;
  }

  private async push(at: number): Promise<void> {
    if (at <= this.notBefore) return;
    this.notBefore = at;
    await this.deps.saveNotBefore?.(at).catch(() => undefined);
  }

  /** Turns are handed out one at a time, in the order asked; `use` runs in the turn, the next turn waits for it to end. */
  private turn<T>(use: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      await this.load();
      for (;;) {
        const wait = this.notBefore - this.deps.now();
        if (wait <= 0) break;
        await this.deps.sleep(wait);
      }
      await this.push(this.deps.now() + this.interval);
      return use();
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** What a response says about the next request: a refusal pushes it back, anything else resets the backoff. */
  async note(status: number, retryAfter: string | null): Promise<void> {
    await this.load();
    if (status !== 429 && status !== 503) {
      if (status >= 200 && status < 300) this.refusals = 0;
      return;
    }
    const now = this.deps.now();
    const asked = retryAfterMs(retryAfter, now);
    const wait = asked !== null ? Math.min(asked, MAX_RETRY_AFTER_MS) : Math.min(DEFAULT_BACKOFF_MS * 2 ** this.refusals, MAX_BACKOFF_MS);
    this.refusals++;
    await this.push(Math.max(now + wait, now + this.interval));
  }

  /**
   * A turn for a request made elsewhere (the History import's page, fetched from its tab): granted once
   * it comes, or refused at once with the time to come back when the wait would be longer than `maxWaitMs`.
   */
  async slot(maxWaitMs: number): Promise<SlotReply> {
    await this.load();
    if (this.notBefore - this.deps.now() > maxWaitMs) return { granted: false, retryAt: this.notBefore };
    return this.turn(async () => ({ granted: true as const }));
  }

  /** Fetches a tag page in its turn; a refusal is retried after the wait it names, within `attempts` and `maxWaitMs`. */
  async fetchTagPage(url: string, options: FetchOptions = {}): Promise<ArchiveResponse> {
    if (!isTagPageUrl(url)) throw new Error(`not a tag page of the archive: ${url}`);
    const attempts = options.attempts ?? 3;
    const maxWait = options.maxWaitMs ?? 120_000;
    for (let attempt = 1; ; attempt++) {
      await this.load();
      if (this.notBefore - this.deps.now() > maxWait) throw new ArchiveBusyError(this.notBefore);
      const response = await this.turn(async () => {
        await this.deps.beforeFetch?.(url);
        const fetched = await this.deps.fetch(url);
        await this.note(fetched.status, fetched.retryAfter);
        return fetched;
      });
      if (response.status !== 429 && response.status !== 503) return response;
      if (attempt >= attempts) throw new ArchiveBusyError(this.notBefore);
    }
  }
}
