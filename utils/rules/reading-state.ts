/**
 * Reading rules: tests of the reader's own relation to a work (what they
 * opened, read, finished or saved), from the state the background answers
 * `works/state` with. A work whose state is not known matches none: on a
 * listing the state arrives after the page is read, and until then these
 * rules hide nothing.
 */

import { lastActivity, readPositions } from '../reading/progress';
import { statusLabel } from '../library/display';
import { t, tn } from '../i18n';
import type { MatchSubject } from './subject';
import type { ReaderState, ReadingMatch } from './types';

/** Returns what matched (for the reason's detail), or null. */
export type ReadingTest = (state: ReaderState, subject: MatchSubject) => string | null;

export function compileReading(match: ReadingMatch): ReadingTest {
  switch (match.state) {
    case 'opened':
      return ({ reading }) => (reading && (reading.visitCount > 0 || lastActivity(reading) !== null) ? t('readingOpenedMatched') : null);
    case 'started':
      return ({ reading }) => {
        const read = readPositions(reading).size;
        return read > 0 ? tn('readingStartedMatched', read) : null;
      };
    case 'finished':
      return (state, subject) => (isFinished(state, subject) ? t('readingFinishedMatched') : null);
    case 'saved': {
      const { status } = match;
      return ({ saved }) => (saved && (status === undefined || saved.status === status) ? t('readingSavedMatched', statusLabel(saved.status)) : null);
    }
    case 'newChapters':
      return (state, subject) => {
        const count = newChapters(state, subject);
        return count > 0 ? tn('readingNewChaptersMatched', count) : null;
      };
  }
}

/** Every posted chapter read (positions past the posted count left out) of a work known complete, or saved as Finished. */
function isFinished({ reading, saved }: ReaderState, { chaptersPosted, complete }: MatchSubject): boolean {
  if (saved?.status === 'finished') return true;
  if (chaptersPosted === null || chaptersPosted < 1 || complete !== true) return false;
  const read = readPositions(reading);
  for (let position = 1; position <= chaptersPosted; position++) if (!read.has(position)) return false;
  return true;
}

/**
 * Chapters posted since the reader last opened the work, counted as the
 * listing badge counts them (utils/reading/badge.ts): only when they had
 * then read every chapter posted, and only when the works store knows how
 * many that was (the chapter list of the last work page they opened).
 */
function newChapters({ reading, chapters }: ReaderState, { chaptersPosted }: MatchSubject): number {
  if (!reading || chaptersPosted === null || chapters.length === 0) return 0;
  const read = readPositions(reading);
  if (read.size === 0) return 0;
  const lastSeen = Math.max(chapters.length, ...read);
  for (let position = 1; position <= lastSeen; position++) if (!read.has(position)) return 0;
  return Math.max(0, chaptersPosted - lastSeen);
}
