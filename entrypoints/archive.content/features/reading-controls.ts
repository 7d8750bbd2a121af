/**
 * What the reader has read, shown where they read:
 *
 * - a reading bar above the work's text: how much is read, a "Resume:
 *   Chapter 7, 60%" link when they left off mid-chapter (following it scrolls
 *   to the saved place) — once that chapter is read, "Next unread: Chapter 8"
 *   instead — and "Mark work read / unread";
 * - on each chapter heading, a toggle that shows and changes whether that
 *   chapter is read;
 * - in the chapter select, a mark on each read chapter and the next unread
 *   one pointed out; the same on the chapter index page (`/works/N/navigate`).
 */
import type { ChapterIndexPage } from '../../../utils/ao3/types';
import type { ChapterKey, ReadingRecord } from '../../../utils/db/types';
import { sameChapter } from '../../../utils/db/reading';
import { t } from '../../../utils/i18n';
import { chapterMarks, percent, resumePoint, type ResumePoint } from '../../../utils/reading/progress';
import { readingStatusText } from '../../../utils/reading/status-text';
import { h } from '../dom';
import type { ReadingSession } from './reading-session';
import { scrollToPosition, type ChapterSection } from './reading-tracker';

/** The fragment a Resume link to another page carries: the page scrolls to the saved place on arrival. */
export const RESUME_HASH = '#shelfmark-resume';

const READ_MARK = '✓';
const NEXT_MARK = '➜';

function chapterLabel(chapter: ChapterKey, oneShot: boolean): string {
  return oneShot ? '' : t('chapterNumber', chapter.position.toLocaleString());
}

let reservedBar: HTMLElement | null = null;

function readingBar(): HTMLElement {
  return h('div', { class: 'shelfmark-reading-bar', attrs: { role: 'region', 'aria-label': t('readingRegion') } });
}

/**
 * The reading bar's place above the work's text, kept empty as soon as the page is parsed. A page
 * opened at `#workskin` (as chapter links open) is scrolled there by the browser while it loads:
 * a bar inserted above the text after that would push the text down under the reader's eyes.
 */
export function reserveReadingBar(): void {
  const anchor = document.getElementById('workskin');
  if (!anchor || reservedBar) return;
  reservedBar = readingBar();
  anchor.before(reservedBar);
}

/** The kept place, when the page turns out to be no work to read (no work id, say). */
export function withdrawReadingBar(): void {
  reservedBar?.remove();
  reservedBar = null;
}

export class ReadingControls {
  private readonly bar = reservedBar ?? readingBar();
  private readonly headingButtons = new Map<HTMLButtonElement, ChapterKey>();
  private readonly resume: ResumePoint | null;

  constructor(
    private readonly session: ReadingSession,
    private readonly sections: readonly ChapterSection[],
  ) {
    // Where the reader left off before this visit: opening the page must not lose it.
    this.resume = resumePoint(session.reading);
  }

  start(): void {
    const anchor = document.getElementById('workskin');
    if (!anchor) return;
    if (!this.bar.isConnected) anchor.before(this.bar);
    if (this.session.work.view !== 'oneshot') this.addHeadingToggles();
    this.render();
    this.session.onChange(() => this.render());
    if (location.hash === RESUME_HASH) {
      history.replaceState(history.state, '', location.pathname + location.search);
      this.goToResume();
    }
  }

  private get oneShot(): boolean {
    return this.session.work.view === 'oneshot';
  }

  private addHeadingToggles(): void {
    for (const section of this.sections) {
      const heading = section.text.parentElement?.querySelector(':scope > div.chapter.preface h3.title');
      if (!heading) continue;
      const button = h('button', { class: 'shelfmark-button shelfmark-chapter-toggle', attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        const read = this.session.isRead(section.key);
        void this.session.mark([section.key], !read, false);
      });
      heading.append(button);
      this.headingButtons.set(button, section.key);
    }
  }

  private sectionFor(chapter: ChapterKey): ChapterSection | undefined {
    return this.sections.find((s) => sameChapter(s.key, chapter));
  }

  private goToResume(): boolean {
    const point = this.resume;
    const section = point ? this.sectionFor(point.chapter) : undefined;
    if (!point || !section) return false;
    scrollToPosition(section, point.scroll);
    return true;
  }

  private resumeLink(point: ResumePoint): HTMLAnchorElement {
    const label = this.oneShot ? t('resumeAt', percent(point.scroll)) : t('resumeChapterAt', chapterLabel(point.chapter, false), percent(point.scroll));
    const onPage = this.sectionFor(point.chapter) !== undefined;
    const workPath = `/works/${this.session.workId}`;
    const href =
      onPage ? RESUME_HASH
      : point.chapter.id !== null ? `${workPath}/chapters/${point.chapter.id}${RESUME_HASH}`
      : `${workPath}?view_full_work=true${RESUME_HASH}`;
    const link = h('a', { class: 'shelfmark-resume', attrs: { href } }, label);
    if (onPage) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.goToResume();
      });
    }
    return link;
  }

  /** "Next unread: Chapter 8": to its page, or to its heading when this page shows it. */
  private nextUnreadLink(chapter: ChapterKey): HTMLAnchorElement {
    const workPath = `/works/${this.session.workId}`;
    const href =
      this.sectionFor(chapter) ? `#chapter-${chapter.position}`
      : chapter.id !== null ? `${workPath}/chapters/${chapter.id}`
      : `${workPath}/navigate`;
    return h('a', { class: 'shelfmark-resume shelfmark-next-unread', attrs: { href } }, t('nextUnreadChapter', chapterLabel(chapter, false)));
  }

  /**
   * Where to go on from here: the saved place while its chapter isn't read yet; once it is (read
   * to its end on this very page, say), the first chapter not read — unless that is this page's.
   */
  private onwardLink(): HTMLAnchorElement | null {
    const { session, resume } = this;
    if (resume && !session.isRead(resume.chapter)) return this.resumeLink(resume);
    if (this.oneShot) return null;
    const { nextUnread } = chapterMarks(session.reading, session.chapters());
    if (!nextUnread || (session.work.view === 'chapter' && this.sectionFor(nextUnread))) return null;
    return this.nextUnreadLink(nextUnread);
  }

  private statusText(reading: ReadingRecord | null, chapters: ChapterKey[]): string {
    return readingStatusText({
      oneShot: this.oneShot,
      read: chapters.filter((c) => this.session.isRead(c)).length,
      posted: this.session.work.chapters?.posted ?? chapters.length,
      complete: this.session.work.complete,
      opened: Boolean(reading?.visitCount),
    });
  }

  render(): void {
    const { session } = this;
    const chapters = session.chapters();
    const allRead = chapters.every((c) => session.isRead(c));
    const workToggle = h('button', {
      class: 'shelfmark-button shelfmark-work-toggle',
      attrs: { type: 'button', 'aria-pressed': String(allRead) },
    }, t(allRead ? (this.oneShot ? 'markUnread' : 'markWorkUnread') : this.oneShot ? 'markAsRead' : 'markWorkRead'));
    workToggle.addEventListener('click', () => {
      const read = !chapters.every((c) => session.isRead(c));
      // Unread: every chapter the record holds as read, including any the page doesn't list.
      const keys = read ? chapters : [...chapters, ...(session.reading?.chapters.filter((c) => c.readAt !== null) ?? [])];
      void session.mark(keys.map(({ id, position }) => ({ id, position })), read, false);
    });

    const parts: Array<Node> = [
      h('span', { class: 'shelfmark-reading-label' }, t('shelfmarkLabel')),
      h('span', { class: 'shelfmark-reading-status', attrs: { role: 'status' } }, this.statusText(session.reading, chapters)),
    ];
    const onward = this.onwardLink();
    if (onward) parts.push(onward);
    if (!session.recording) parts.push(h('span', { class: 'shelfmark-reading-paused' }, t('notRecordingHere')));
    parts.push(workToggle);
    this.bar.replaceChildren(...parts);

    for (const [button, key] of this.headingButtons) {
      const read = session.isRead(key);
      button.textContent = read ? `${READ_MARK} ${t('markedRead')}` : t('markRead');
      button.setAttribute('aria-pressed', String(read));
      button.setAttribute('aria-label', t(read ? 'chapterReadToggle' : 'chapterUnreadToggle', chapterLabel(key, false)));
      button.classList.toggle('shelfmark-is-read', read);
    }
    markChapterSelect(session.reading);
  }
}

/** The chapter select (`#selected_id`): "✓" before read chapters, "➜" before the next unread one. */
export function markChapterSelect(reading: ReadingRecord | null): void {
  const options = Array.from(document.querySelectorAll<HTMLOptionElement>('#selected_id option'));
  const chapters = options.map((option, i) => ({ option, id: Number(option.value) || null, position: i + 1 }));
  const { read, nextUnread } = chapterMarks(reading, chapters);
  for (const chapter of chapters) {
    const { option } = chapter;
    const original = option.dataset.shelfmarkText ?? option.textContent ?? '';
    option.dataset.shelfmarkText = original;
    const mark = read.has(chapter) ? `${READ_MARK} ` : chapter === nextUnread ? `${NEXT_MARK} ` : '';
    option.textContent = `${mark}${original}`;
    option.classList.toggle('shelfmark-chapter-read', read.has(chapter));
    option.classList.toggle('shelfmark-chapter-next', chapter === nextUnread);
  }
}

/** The chapter index page: a mark on each read chapter, the next unread one highlighted. */
export function markChapterIndex(index: ChapterIndexPage, reading: ReadingRecord | null): void {
  const items = Array.from(document.querySelectorAll<HTMLLIElement>('#main ol.chapter.index > li'));
  const chapters = index.chapterList.map((c) => ({ id: c.id, position: c.position }));
  const { read, nextUnread } = chapterMarks(reading, chapters);
  for (const li of items) {
    li.querySelector('.shelfmark-chapter-mark')?.remove();
    li.classList.remove('shelfmark-chapter-read', 'shelfmark-chapter-next');
    const id = Number(/\/chapters\/(\d+)/.exec(li.querySelector('a')?.getAttribute('href') ?? '')?.[1]);
    const chapter = chapters.find((c) => c.id === id);
    if (!chapter) continue;
    if (read.has(chapter)) {
      li.classList.add('shelfmark-chapter-read');
      li.append(h('span', { class: 'shelfmark-chapter-mark shelfmark-chip', attrs: { title: t('chapterReadTitle') } }, `${READ_MARK} ${t('markedRead')}`));
    } else if (chapter === nextUnread) {
      li.classList.add('shelfmark-chapter-next');
      li.append(h('span', { class: 'shelfmark-chapter-mark shelfmark-chip', attrs: { title: t('chapterNextTitle') } }, t('chapterNextUnread')));
    }
  }
}
