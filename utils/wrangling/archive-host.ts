/**
 * The archive's host the reader uses: the one of the archive tab that last
 * talked to the background (a quick action, a listing's report), so tag
 * pages are fetched from where the reader reads, never from elsewhere. Kept
 * in `storage.session` too, so a restarted worker keeps it; archiveofourown.org
 * until a tab says otherwise.
 */
import { ARCHIVE_HOSTS, isArchiveHost } from '../hosts';

const KEY = 'archiveHost';

export interface SessionLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class ArchiveHost {
  private host: string = ARCHIVE_HOSTS[0];

  constructor(private readonly area: SessionLike | null) {
    void area
      ?.get(KEY)
      .then((stored) => {
        const value = stored[KEY];
        if (typeof value === 'string' && isArchiveHost(value) && this.host === ARCHIVE_HOSTS[0]) this.host = value;
      })
      .catch(() => undefined);
  }

  get(): string {
    return this.host;
  }

  /** A message came from this URL: an archive page's host becomes the one used. */
  note(url: string | undefined): void {
    if (!url) return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    const host = parsed.hostname.toLowerCase();
    if (parsed.protocol !== 'https:' || !isArchiveHost(host) || host === this.host) return;
    this.host = host;
    void this.area?.set({ [KEY]: host }).catch(() => undefined);
  }
}
