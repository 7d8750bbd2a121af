/**
 * The numbers readers judge a work by (Settings → "Numbers on blurbs and work
 * pages", on by default): on every work blurb, the kudos ratio per chapter
 * (kudos ÷ (hits ÷ chapters), the formula in its tooltip) and the reading
 * time; on a work page, the time left in this chapter and in the work.
 *
 * Times follow the reader's own speed (utils/reading/reading-speed.ts), which
 * is theirs to keep: everything here is drawn inside a closed shadow root
 * (closed-host.ts), as text generated from an attribute, where page scripts
 * can't read it. Each host is a fixed box drawn in the same pass as the
 * rules, before the blurbs paint, so nothing moves once the page shows.
 */
import { browser } from 'wxt/browser';
import type { Blurb, WorkPage } from '../../../utils/ao3/types';
import { t } from '../../../utils/i18n';
import { DEFAULT_NUMBERS_PREFS, NUMBERS_PREFS_KEY, numbersPrefsFrom, type NumbersPrefs } from '../../../utils/reading/numbers-prefs';
import { chapterKudosRatio, durationParts, readingMinutes, wordsLeft } from '../../../utils/reading/work-numbers';
import { closedHost, type ClosedHost } from '../closed-host';
import type { StoredSettings } from '../page-settings';
import { drawnText } from '../dom';
import numbersCss from '../numbers.css?inline';
import type { ListedBlurb } from './filter-listing';
import { positionOf, type ChapterSection } from './reading-tracker';
import { countWords } from '../../../utils/reading/read-evidence';

let prefs: NumbersPrefs = DEFAULT_NUMBERS_PREFS;
let loading: Promise<NumbersPrefs> | null = null;
let loaded = false;
const listeners: Array<(prefs: NumbersPrefs) => void> = [];

/** Takes the reader's choice and speed from the page's one read of storage (page-settings.ts), then follows changes. */
export function followNumbersPrefs(settings: Promise<StoredSettings>): void {
  loading = settings.then((stored) => {
    loaded = true;
    return (prefs = numbersPrefsFrom(stored[NUMBERS_PREFS_KEY]));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[NUMBERS_PREFS_KEY];
    if (area !== 'local' || !change) return;
    prefs = numbersPrefsFrom(change.newValue);
    for (const listener of listeners) listener(prefs);
  });
}

/** Whether the prefs have been read (with the rules, so before any blurb is released on a listing; see page-settings.ts). */
export const numbersLoaded = (): boolean => loaded;

/** The prefs, once read (the defaults if they can't be). */
export const numbersPrefs = (): Promise<NumbersPrefs> => loading ?? Promise.resolve(prefs);

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

/** "1 h 20 min", "3 min", "2 d 4 h". */
export function formatDuration(minutes: number): string {
  const { days, hours, minutes: mins } = durationParts(minutes);
  if (days > 0) return t('durationDaysHours', count.format(days), count.format(hours));
  if (hours > 0) return t('durationHoursMinutes', count.format(hours), count.format(mins));
  return t('durationMinutes', count.format(mins));
}

/** The blurb's work fields: a work blurb, or a bookmark of a work. */
function workOf(record: Blurb) {
  if (record.type === 'work') return record;
  if (record.type === 'bookmark' && record.item === 'work') return record;
  return null;
}

interface NumberPart {
  text: string;
  title: string;
}

function ratioPart(kudos: number | null, hits: number, chapters: WorkPage['chapters']): NumberPart | null {
  const ratio = chapterKudosRatio({ kudos, hits, chapters });
  if (ratio === null || kudos === null || !chapters) return null;
  const shown = percent.format(ratio);
  return { text: t('numbersRatio', shown), title: t('numbersRatioTitle', count.format(kudos), count.format(hits), count.format(chapters.posted), shown) };
}

function timePart(words: number | null, wordsPerMinute: number): NumberPart | null {
  const minutes = readingMinutes(words, wordsPerMinute);
  if (minutes === null || words === null || words === 0) return null;
  const shown = formatDuration(minutes);
  return { text: t('numbersTime', shown), title: t('numbersTimeTitle', count.format(words), count.format(wordsPerMinute), shown) };
}

function fill(body: HTMLElement, parts: Array<NumberPart | null>): void {
  body.replaceChildren();
  for (const part of parts) {
    if (!part) continue;
    body.append(drawnText('shelfmark-number', part.text, { title: part.title, 'aria-label': part.title }));
  }
}

/** Each blurb's host, to fill again when the speed or the choice changes. */
const blurbHosts = new Map<Element, { host: ClosedHost; record: Blurb; prefs: NumbersPrefs }>();

function blurbParts(record: Blurb, { wordsPerMinute }: NumbersPrefs): Array<NumberPart | null> {
  const work = workOf(record);
  if (!work) return [];
  return [ratioPart(work.kudos, work.hits, work.chapters), timePart(work.words, wordsPerMinute)];
}

/**
 * Draws the numbers into each work blurb's stats (before the blurbs paint); returns how many
 * blurbs got them. A blurb without stats, or whose numbers can't be told, gets none.
 */
export function drawBlurbNumbers(blurbs: readonly ListedBlurb[], current: NumbersPrefs = prefs): number {
  let drawn = 0;
  for (const { element, record } of blurbs) {
    const known = blurbHosts.get(element);
    if (!current.show || !workOf(record)) {
      known?.host.host.remove();
      blurbHosts.delete(element);
      continue;
    }
    // Drawn already (as the blurb was released) from the same record and prefs: nothing to redo.
    if (known && known.record === record && known.prefs === current) continue;
    const parts = blurbParts(record, current);
    if (parts.every((p) => p === null)) continue;
    let entry = known;
    if (!entry) {
      const stats = element.querySelector(':scope dl.stats');
      if (!stats) continue;
      entry = { host: closedHost('numbers', numbersCss), record, prefs: current };
      stats.append(entry.host.host);
      blurbHosts.set(element, entry);
    }
    entry.record = record;
    entry.prefs = current;
    fill(entry.host.body, parts);
    drawn++;
  }
  return drawn;
}

/** Redraws the listing's numbers when the reader changes the setting or their speed. */
export function followBlurbNumbers(blurbs: readonly ListedBlurb[]): void {
  listeners.push((next) => drawBlurbNumbers(blurbs, next));
}

/** The work page's host, drawn empty before the page shows and filled once reading starts. */
let workHost: ClosedHost | null = null;

/** Draws the host while the reader wants the numbers (before their choice is read: the default), takes it down when not. */
export function drawTimeLeftHost(work: WorkPage | null, current: NumbersPrefs = prefs): void {
  if (!current.show) {
    workHost?.host.remove();
    workHost = null;
  }
  if (!work || !current.show || workHost) return;
  const stats = document.querySelector('dl.work.meta dd.stats dl.stats');
  if (!stats) return;
  workHost = closedHost('time-left', numbersCss);
  stats.append(workHost.host);
}

/** The time left, kept up to date as the reader scrolls (at most a few times a second). */
export function followTimeLeft(work: WorkPage, sections: readonly ChapterSection[]): void {
  if (sections.length === 0) return;
  const words = new Map<ChapterSection, number>();
  const wordsOf = (section: ChapterSection) => {
    let n = words.get(section);
    if (n === undefined) words.set(section, (n = countWords(section.text.textContent ?? '')));
    return n;
  };
  const update = () => {
    drawTimeLeftHost(work);
    if (!workHost) return;
    const at = positionOf(sections);
    const left = wordsLeft({
      workWords: work.words,
      posted: work.chapters?.posted ?? sections.length,
      shown: sections.map((s) => ({ position: s.key.position, words: wordsOf(s) })),
      at: at && { position: at.key.position, scroll: at.scroll },
    });
    if (!left) return fill(workHost.body, []);
    const chapter = formatDuration(readingMinutes(left.chapter, prefs.wordsPerMinute) ?? 0);
    const whole = formatDuration(readingMinutes(left.work, prefs.wordsPerMinute) ?? 0);
    const title = t('timeLeftTitle', count.format(prefs.wordsPerMinute), count.format(left.chapter), count.format(left.work));
    const text = work.view === 'oneshot' || (work.chapters?.posted ?? 1) === 1 ? t('timeLeftOneShot', whole) : t('timeLeft', chapter, whole);
    fill(workHost.body, [{ text, title }]);
  };
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      update();
    }, 250);
  }, { passive: true });
  listeners.push(update);
  update();
}
