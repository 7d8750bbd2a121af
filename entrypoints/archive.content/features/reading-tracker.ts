/**
 * Reading tracking on a work page (one-shot, chapter, or the whole work):
 *
 * - the visit is recorded once the page shows (interstitials, login pages and
 *   404s are not work pages, so they record nothing);
 * - a chapter counts as read when the end of its text is in view (an
 *   IntersectionObserver on a marker after the text) and the reader either
 *   scrolled it into view or has had the page in front of them for as long as
 *   it takes to read it (utils/reading/read-evidence.ts: a short chapter that
 *   fits on the screen is not read the moment it opens), or when the reader
 *   follows "Next Chapter" from it; on the whole-work page each chapter
 *   separately, a one-shot as a whole;
 * - the reading position (which chapter, how far through) is saved as the
 *   reader scrolls, at most once every 2 seconds, and when the page is hidden
 *   or left.
 *
 * Nothing is ever fetched: everything comes from the page the reader opened.
 */
import type { ChapterKey } from '../../../utils/db/types';
import { countWords, dwellLeft, readEnough } from '../../../utils/reading/read-evidence';
import { h } from '../dom';
import type { ReadingSession } from './reading-session';
import { VisibleTime } from './visible-time';

/** The least time between two saved positions. */
export const POSITION_INTERVAL_MS = 2000;
/** Where on the screen the reader is taken to be reading: the middle. */
const READING_LINE = 0.5;
/** How far below the screen's bottom edge the end-of-text marker may be and still count as seen. */
const END_SLACK_PX = 48;
/** A position must move this much to be saved again. */
const MIN_MOVE = 0.005;

/** `document.prerendering`, where the browser has it (Chromium's Speculation Rules). */
function isPrerendering(): boolean {
  return (document as Document & { prerendering?: boolean }).prerendering === true;
}

export interface ChapterSection {
  key: ChapterKey;
  /** The chapter's text (`div.userstuff`). */
  text: HTMLElement;
}

/** The chapters this page shows, each with its text element. */
export function chapterSections(session: ReadingSession): ChapterSection[] {
  const { work } = session;
  const chapters = document.getElementById('chapters');
  if (!chapters) return [];
  if (work.view === 'oneshot') {
    const text = chapters.querySelector<HTMLElement>(':scope > div.userstuff') ?? chapters.querySelector<HTMLElement>('div.userstuff');
    return text ? [{ key: { id: null, position: 1 }, text }] : [];
  }
  const sections: ChapterSection[] = [];
  for (const div of chapters.querySelectorAll<HTMLElement>(':scope > div.chapter')) {
    const text = div.querySelector<HTMLElement>(':scope > div.userstuff');
    if (!text) continue;
    let key: ChapterKey | null = null;
    if (work.view === 'chapter' && work.currentChapter) {
      key = { id: work.currentChapter.id, position: work.currentChapter.position };
    } else {
      const position = Number(/^chapter-(\d+)$/.exec(div.id)?.[1]);
      const link = div.querySelector('h3.title a[href*="/chapters/"]')?.getAttribute('href') ?? '';
      const id = Number(/\/chapters\/(\d+)/.exec(link)?.[1]);
      const listed = work.chapterList.find((c) => (id ? c.id === id : c.position === position));
      if (listed) key = { id: listed.id, position: listed.position };
      else if (position) key = { id: id || null, position };
    }
    if (key) sections.push({ key, text });
  }
  return sections;
}

/**
 * The reading line, from the layout viewport's top (where `getBoundingClientRect` counts from): the middle
 * of what the reader sees. On a phone that is the visual viewport, which is shorter than the layout viewport
 * while the browser's toolbars or keyboard cover part of it, and smaller and moved when the page is zoomed in.
 */
function readingLine(): number {
  const viewport = window.visualViewport;
  if (!viewport || viewport.height <= 0) return window.innerHeight * READING_LINE;
  return viewport.offsetTop + viewport.height * READING_LINE;
}

/** Which chapter the reading line is in and how far through (0..1); null above the first chapter's text. */
export function positionOf(sections: readonly ChapterSection[]): { key: ChapterKey; scroll: number } | null {
  const line = readingLine();
  let found: { key: ChapterKey; scroll: number } | null = null;
  for (const section of sections) {
    const rect = section.text.getBoundingClientRect();
    if (rect.height <= 0 || rect.top > line) break;
    found = { key: section.key, scroll: Math.min(1, Math.max(0, (line - rect.top) / rect.height)) };
  }
  return found;
}

/** Scrolls so the reading line sits `scroll` of the way through the chapter's text. */
export function scrollToPosition(section: ChapterSection, scroll: number): void {
  const rect = section.text.getBoundingClientRect();
  const top = rect.top + window.scrollY + scroll * rect.height - readingLine();
  window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
}

export class ReadingTracker {
  private readonly sections: ChapterSection[];
  private observer: IntersectionObserver | null = null;
  /** Each chapter's end-of-text marker, while its reading is still watched. */
  private readonly markers = new Map<ChapterSection, Element>();
  /** Chapters whose end is on the screen now (and not yet counted as read). */
  private readonly endsInView = new Set<ChapterSection>();
  /**
   * Chapters whose end has been off the screen since the page opened: coming into view later, it was
   * scrolled to. (Not just "the page scrolled": chapter links jump to `#workskin` as the page opens.)
   */
  private readonly endsOutOfView = new Set<ChapterSection>();
  private readonly words = new Map<ChapterSection, number>();
  private readonly visibleTime = new VisibleTime();
  private dwellTimer: ReturnType<typeof setTimeout> | null = null;
  private userScrolled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSavedAt = 0;
  private lastSaved: { key: ChapterKey; scroll: number } | null = null;

  constructor(private readonly session: ReadingSession) {
    this.sections = chapterSections(session);
  }

  get chapterSections(): readonly ChapterSection[] {
    return this.sections;
  }

  start(): void {
    if (!this.session.recording) return;
    // The archive's work pages ask the browser to prerender the next chapter; content scripts run in
    // a prerendered page too, but the reader hasn't opened it: record nothing until it is shown.
    if (isPrerendering()) {
      document.addEventListener('prerenderingchange', () => this.startRecording(), { once: true });
    } else {
      this.startRecording();
    }
  }

  private startRecording(): void {
    const { session } = this;
    const current = session.work.view === 'full' ? null : session.work.view === 'oneshot' ? { id: null, position: 1 } : session.work.currentChapter;
    void session.recordVisit(current ? { id: current.id, position: current.position } : null);
    this.visibleTime.start();
    this.watchChapterEnds();
    this.watchNextChapter();
    this.watchScroll();
  }

  /** A marker at the end of each chapter's text; seeing it is reaching the end. */
  private watchChapterEnds(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const byMarker = new Map<Element, ChapterSection>();
    // The marker sits after the last paragraph's bottom margin: a little slack below the screen's
    // edge means "the last line is in view", not "the reader scrolled past the margin too".
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const section = byMarker.get(entry.target);
        if (!section || !this.markers.has(section)) continue;
        if (entry.isIntersecting) {
          this.endsInView.add(section);
        } else {
          this.endsInView.delete(section);
          this.endsOutOfView.add(section);
        }
      }
      this.checkEnds();
    }, { rootMargin: `0px 0px ${END_SLACK_PX}px 0px` });
    for (const section of this.sections) {
      // Inside the text, after its last line: in view exactly when the last line is.
      const marker = h('div', { class: 'shelfmark-chapter-end', attrs: { 'aria-hidden': 'true' } });
      section.text.append(marker);
      byMarker.set(marker, section);
      this.markers.set(section, marker);
      this.observer.observe(marker);
    }
    // Opened in a background tab: time counts, and an end in view is read, only once the reader looks.
    document.addEventListener('visibilitychange', () => this.checkEnds());
  }

  private wordsOf(section: ChapterSection): number {
    let words = this.words.get(section);
    if (words === undefined) {
      words = countWords(section.text.textContent ?? '');
      this.words.set(section, words);
    }
    return words;
  }

  /**
   * Marks read each chapter whose end is in view with evidence of reading; waits for the first
   * one still short of its reading time. Once marked, a chapter is no longer watched: unmarking it
   * by hand stays unmarked.
   */
  private checkEnds(): void {
    if (this.dwellTimer !== null) clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
    if (document.visibilityState !== 'visible') return;
    let wait = Infinity;
    for (const section of this.endsInView) {
      if (this.session.isRead(section.key)) {
        this.stopWatching(section);
        continue;
      }
      const scrolledToEnd = this.userScrolled && this.endsOutOfView.has(section);
      const evidence = { endInView: true, scrolledToEnd, visibleMs: this.visibleTime.ms, words: this.wordsOf(section) };
      if (!readEnough(evidence)) {
        wait = Math.min(wait, dwellLeft(evidence.visibleMs, evidence.words));
        continue;
      }
      this.stopWatching(section);
      void this.session.mark([section.key], true, true);
    }
    if (wait < Infinity) {
      this.dwellTimer = setTimeout(() => {
        this.dwellTimer = null;
        this.checkEnds();
      }, wait);
    }
  }

  private stopWatching(section: ChapterSection): void {
    const marker = this.markers.get(section);
    if (marker) this.observer?.unobserve(marker);
    this.markers.delete(section);
    this.endsInView.delete(section);
  }

  /** "Next Chapter →" (at the top or the bottom of the page) means the reader finished this one. */
  private watchNextChapter(): void {
    const current = this.session.work.view === 'chapter' ? this.sections[0] : undefined;
    if (!current) return;
    document.addEventListener('click', (event) => {
      // A page script's synthetic click on the link is not the reader finishing the chapter.
      if (!event.isTrusted) return;
      const link = (event.target as Element | null)?.closest?.('a[href*="/chapters/"]');
      if (!link || !/Next Chapter/i.test(link.textContent ?? '')) return;
      if (!this.session.isRead(current.key)) void this.session.mark([current.key], true, true);
    }, true);
  }

  private watchScroll(): void {
    if (this.sections.length === 0) return;
    window.addEventListener('scroll', () => {
      this.userScrolled = true;
      this.schedule();
      // An end already reported in view, scrolled to.
      if (this.endsInView.size > 0) this.checkEnds();
    }, { passive: true });
    window.addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
    });
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastSavedAt + POSITION_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, wait);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }

  /** Saves the position if the reader scrolled and it moved; an untouched page never overwrites the saved place. */
  private save(): void {
    if (!this.userScrolled || !this.session.recording) return;
    const position = positionOf(this.sections);
    if (!position) return;
    const last = this.lastSaved;
    const same = last && last.key.position === position.key.position && Math.abs(last.scroll - position.scroll) < MIN_MOVE;
    if (same) return;
    this.lastSaved = position;
    this.lastSavedAt = Date.now();
    void this.session.savePosition(position.key, Math.round(position.scroll * 1000) / 1000);
  }
}
