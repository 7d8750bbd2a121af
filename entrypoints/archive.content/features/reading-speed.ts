/**
 * Learning the reader's reading speed on work pages: each chapter read to
 * its end here, from its top, gives one sample — its words ÷ the active time
 * spent on it (utils/reading/reading-speed.ts: visible, and never more than
 * a couple of idle minutes at a stretch, so a tab left open teaches nothing).
 * The background keeps the samples and drops the implausible ones.
 *
 * Only while recording (not paused, not a private window the reader kept
 * out); a chapter the reader came into halfway (a Resume link, a reload)
 * says nothing of their speed and is left out.
 */
import type { ChapterKey } from '../../../utils/db/types';
import { sendRequest } from '../../../utils/messaging/client';
import { countWords } from '../../../utils/reading/read-evidence';
import { ActiveClock } from '../../../utils/reading/reading-speed';
import type { ReadingSession } from './reading-session';
import { positionOf, type ChapterSection } from './reading-tracker';

/** How far into a chapter the reader may first be seen and still have read it from its top. */
const TOP = 0.15;
/** Activity is noted at most this often (pointer moves come in floods). */
const NOTE_EVERY_MS = 1000;

const sameChapter = (a: ChapterKey, b: ChapterKey) => a.position === b.position;

export function learnReadingSpeed(session: ReadingSession, sections: readonly ChapterSection[]): void {
  if (!session.recording || sections.length === 0) return;
  const clock = new ActiveClock(performance.now(), document.visibilityState === 'visible');
  /** Where each chapter was first seen being read: from its top, or not. */
  const fromTop = new Map<ChapterSection, boolean>();
  const look = () => {
    const at = positionOf(sections);
    const section = at && sections.find((s) => sameChapter(s.key, at.key));
    if (section && !fromTop.has(section)) fromTop.set(section, at.scroll <= TOP);
  };
  look();

  let lastNoted = -Infinity;
  const note = () => {
    const now = performance.now();
    if (now - lastNoted < NOTE_EVERY_MS) return;
    lastNoted = now;
    clock.activity(now);
    look();
  };
  for (const type of ['scroll', 'wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart'] as const) {
    window.addEventListener(type, note, { passive: true, capture: true });
  }
  document.addEventListener('visibilitychange', () => clock.setVisible(document.visibilityState === 'visible', performance.now()));

  const wasRead = new Set(sections.filter((s) => session.isRead(s.key)));
  let since = 0;
  session.onChange(() => {
    for (const section of sections) {
      if (wasRead.has(section) || !session.isRead(section.key)) continue;
      wasRead.add(section);
      const active = clock.ms(performance.now());
      const spent = active - since;
      since = active;
      if (fromTop.get(section) !== true || !session.recording) continue;
      const words = countWords(section.text.textContent ?? '');
      void sendRequest({ type: 'reading/speed-sample', words, activeMs: Math.round(spent) });
    }
  });
}
