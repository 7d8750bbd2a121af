/** The reading bar's status on a work page: "Read 3 of 5 chapters", "Read all 5 chapters posted so far". */
import { t, tn } from '../i18n';

export interface ReadingStatus {
  /** A one-chapter work shown without chapters: read, or not. */
  oneShot: boolean;
  /** Chapters read. */
  read: number;
  /** Chapters posted so far. */
  posted: number;
  /** Whether the work is finished (null: the page doesn't say). */
  complete: boolean | null;
  /** Whether the reader has opened the work before. */
  opened: boolean;
}

export function readingStatusText({ oneShot, read, posted, complete, opened }: ReadingStatus): string {
  if (oneShot) return t(read > 0 ? 'readingOneShotRead' : opened ? 'readingOneShotStarted' : 'readingOneShotNotRead');
  if (read === 0) return t('readingNoChapters');
  // A work in progress has more to come: what is read is what is posted *so far*.
  if (read >= posted) return tn(complete === false ? 'readingAllPostedChapters' : 'readingAllChapters', posted);
  return tn('readingSomeChapters', posted, read.toLocaleString());
}
