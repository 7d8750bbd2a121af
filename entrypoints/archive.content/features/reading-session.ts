/**
 * One work page's reading state, shared by the tracker (which records) and
 * the controls (which show and change it): the reading record as the
 * background last answered it, the saved record, and the requests that
 * change them. Every change is sent to the background; its answer replaces
 * the local copy and redraws the controls.
 */
import type { WorkPage } from '../../../utils/ao3/types';
import type { TrackingMode } from '../../../utils/db/tracking-mode';
import type { ChapterKey, ReadingRecord, SavedRecord, WorkFacts } from '../../../utils/db/types';
import { t } from '../../../utils/i18n';
import { sendRequest } from '../../../utils/messaging/client';
import { isRead } from '../../../utils/reading/progress';
import { showToast } from '../toast';

export class ReadingSession {
  private readonly listeners: Array<() => void> = [];
  /** Automatic recording is on: not paused, not a private window the reader kept out. */
  recording: boolean;
  private finishOffered = false;

  constructor(
    readonly work: WorkPage,
    readonly workId: number,
    readonly facts: WorkFacts,
    public reading: ReadingRecord | null,
    public saved: SavedRecord | null,
    tracking: TrackingMode | null,
  ) {
    this.recording = tracking === 'on';
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** A refusal that means "don't record here" switches automatic recording off for the page. */
  private refused(error: string): void {
    if (error === 'private window' || error === 'tracking paused') this.recording = false;
  }

  isRead(chapter: ChapterKey): boolean {
    return isRead(this.reading, chapter);
  }

  async recordVisit(chapter: ChapterKey | null): Promise<void> {
    if (!this.recording) return;
    const reply = await sendRequest({ type: 'visit/record', work: this.facts, chapter });
    if (!reply.ok) return this.refused(reply.error);
    this.reading = reply.value.reading;
    // The background moved a saved "to read" work to "reading" in the same transaction.
    if (this.saved?.status === 'to-read') this.saved = { ...this.saved, status: 'reading' };
    this.changed();
  }

  /** Marks chapters read or unread; `automatic` ones (the reader reached the end) only while recording. */
  async mark(chapters: ChapterKey[], read: boolean, automatic: boolean): Promise<boolean> {
    if (chapters.length === 0 || (automatic && !this.recording)) return false;
    const reply = await sendRequest({ type: 'reading/mark-chapters', workId: this.workId, chapters, read });
    if (!reply.ok) {
      if (automatic) this.refused(reply.error);
      else showToast(t('saveThatFailed', reply.error));
      return false;
    }
    this.reading = reply.value.reading;
    this.changed();
    if (read) this.offerFinish();
    return true;
  }

  async savePosition(chapter: ChapterKey, scroll: number): Promise<void> {
    if (!this.recording) return;
    const reply = await sendRequest({ type: 'reading/position', workId: this.workId, chapter, scroll });
    if (!reply.ok) this.refused(reply.error);
  }

  /** Every posted chapter of a complete work read, and the work is saved but not finished: offer to finish it. */
  private offerFinish(): void {
    const count = this.work.chapters;
    const complete = this.work.complete === true || (count !== null && count.expected !== null && count.posted >= count.expected);
    if (this.finishOffered || !complete || !this.saved || this.saved.status === 'finished') return;
    const last = this.lastChapter();
    if (!last || !this.isRead(last)) return;
    this.finishOffered = true;
    showToast(t('finishOffer', this.work.title), {
      label: t('finishMark'),
      run: async () => {
        const reply = await sendRequest({ type: 'saved/set', workId: this.workId, status: 'finished' });
        if (reply.ok) {
          this.saved = reply.value.saved;
          this.changed();
          showToast(t('finishDone'));
        } else {
          showToast(t('saveThatFailed', reply.error));
        }
      },
    });
  }

  /** Every chapter the page names, in order (a one-shot is one chapter, without an id). */
  chapters(): ChapterKey[] {
    if (this.work.view === 'oneshot' || this.work.chapterList.length === 0) return [{ id: null, position: 1 }];
    return this.work.chapterList.map(({ id, position }) => ({ id, position }));
  }

  lastChapter(): ChapterKey | null {
    const all = this.chapters();
    const posted = this.work.chapters?.posted ?? all.length;
    return all.find((c) => c.position === posted) ?? (all.length === posted ? all[all.length - 1]! : null);
  }
}
