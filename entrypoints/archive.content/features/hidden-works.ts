/**
 * How a hidden work is drawn on a listing, by its look (utils/rules/hidden-runs.ts):
 *
 * - remove: nothing is left of it (the blurb is not displayed);
 * - collapse: a one-line placeholder with the reasons, Show and Always show
 *   (and the title and creators, when the reader chose to see them there);
 * - dim: the blurb faded and folded to its title line, under a line giving
 *   the reasons, Show (unfolds it) and Always show.
 *
 * Two or more placeholders in a row fold into one line ("7 works hidden —
 * Author: EdosianOrchids901 ×7, Words: at most 1,000 ×5 · Show"), drawn in
 * the first of them; Show lists the works' own placeholders again, one by
 * one, each with its own Show: a reader who hid these works chose not to see
 * them, so one click brings back their lines, not seven works at once (the
 * summary's "Show all" is there for that).
 *
 * Everything is drawn while the blurbs are held back from painting
 * (blurb-gate.ts), and style.css hides what a look leaves out the moment its
 * class is set: no hidden or dimmed work ever paints in full first.
 */
import type { Blurb } from '../../../utils/ao3/types';
import { t, tn } from '../../../utils/i18n';
import type { CountedReason, HiddenLook } from '../../../utils/rules/hidden-runs';
import type { MatchReason } from '../../../utils/rules/types';
import { h } from '../dom';
import { setAlwaysShow } from './always-show';

export const HIDDEN = 'shelfmark-hidden';
export const REVEALED = 'shelfmark-revealed';
export const REMOVED = 'shelfmark-removed';
export const DIMMED = 'shelfmark-dimmed';
/** Every member of a folded run; the first is also the head, which holds the fold's line. */
export const FOLDED = 'shelfmark-folded';
export const FOLD_HEAD = 'shelfmark-fold-head';
/** A folded run whose placeholders are listed one by one again. */
export const UNFOLDED = 'shelfmark-unfolded';
export const HIDDEN_CLASSES = [HIDDEN, REVEALED, REMOVED, DIMMED, FOLDED, FOLD_HEAD, UNFOLDED];

/** The lines this file adds to a blurb (its first children). */
const PLACEHOLDER = 'shelfmark-placeholder';
const DIM_LINE = 'shelfmark-dim';
const FOLD_LINE = 'shelfmark-fold';
export const DRAWN_LINES = [PLACEHOLDER, DIM_LINE, FOLD_LINE];

export interface HiddenDrawOptions {
  /** Placeholders name the work (title and creators). */
  placeholderTitles: boolean;
}

const count = (n: number) => n.toLocaleString();

export function chip(reason: MatchReason, extraClass = ''): HTMLElement {
  const text = reason.label;
  return h('span', {
    class: `shelfmark-chip ${extraClass}`.trim(),
    attrs: { title: reason.detail && reason.detail !== text ? t('reasonWithDetail', text, reason.detail) : text },
  }, text);
}

/** The Show / Hide (or Fold) button of a placeholder or a dimmed work's line. */
function showButton(element: HTMLElement, look: 'collapse' | 'dim'): HTMLButtonElement {
  const button = h('button', { class: 'shelfmark-button shelfmark-show', attrs: { type: 'button', 'aria-expanded': 'false' } }, t('listingShow'));
  button.addEventListener('click', () => setRevealed(element, !element.classList.contains(REVEALED)));
  button.dataset.look = look;
  return button;
}

/** Shows or hides again a collapsed or dimmed work (its own button, or the summary's Show all). */
export function setRevealed(element: HTMLElement, revealed: boolean): void {
  element.classList.toggle(REVEALED, revealed);
  const button = element.querySelector<HTMLButtonElement>(`:scope > .${PLACEHOLDER} > .shelfmark-show, :scope > .${DIM_LINE} > .shelfmark-show`);
  if (!button) return;
  button.textContent = revealed ? t(button.dataset.look === 'dim' ? 'listingFold' : 'listingHide') : t('listingShow');
  button.setAttribute('aria-expanded', String(revealed));
}

/** The work's "Always show" button, for a blurb of a work (series have none). */
function alwaysShowButton(element: HTMLElement, record: Blurb): HTMLButtonElement | null {
  const { workId } = record;
  if (workId === null || record.type === 'error' || record.type === 'mystery') return null;
  const button = h('button', {
    class: 'shelfmark-button shelfmark-always-show',
    attrs: { type: 'button', 'aria-label': t('listingAlwaysShowLabel') },
  }, t('listingAlwaysShow'));
  button.addEventListener('click', () => void setAlwaysShow(workId, true, {
    afterShow: () => element.querySelector('h4.heading a'),
    afterUndo: () => showControlFor(element),
  }));
  return button;
}

/** The button that shows a hidden work again: its own, or its folded run's. */
function showControlFor(element: HTMLElement): HTMLElement | null {
  const own = element.querySelector<HTMLElement>(`:scope > .${PLACEHOLDER} > .shelfmark-show, :scope > .${DIM_LINE} > .shelfmark-show`);
  if (!element.classList.contains(FOLDED) || element.classList.contains(UNFOLDED)) return own;
  let head: Element | null = element;
  while (head && !head.classList.contains(FOLD_HEAD)) head = head.previousElementSibling;
  return head?.querySelector<HTMLElement>(`:scope > .${FOLD_LINE} > .shelfmark-show`) ?? own;
}

/** "A Study in Pink by EdosianOrchids901", from what the blurb says. */
function workName(record: Blurb): string | null {
  if (record.type === 'error' || !record.title) return null;
  const creators = 'authors' in record ? record.authors.map((a) => a.pseud || a.login) : [];
  if ('creator' in record && typeof record.creator === 'string' && record.creator) creators.push(record.creator);
  return creators.length > 0 ? t('listingPlaceholderWork', record.title, creators.join(', ')) : record.title;
}

function placeholder(element: HTMLElement, record: Blurb, reasons: MatchReason[], options: HiddenDrawOptions): HTMLElement {
  const name = options.placeholderTitles ? workName(record) : null;
  return h(
    'div',
    { class: PLACEHOLDER, attrs: { role: 'note' } },
    h('span', { class: 'shelfmark-placeholder-label' }, t('listingHiddenBy')),
    name !== null && h('span', { class: 'shelfmark-placeholder-work' }, name),
    ...reasons.map((reason) => chip(reason)),
    showButton(element, 'collapse'),
    alwaysShowButton(element, record),
  );
}

function dimLine(element: HTMLElement, record: Blurb, reasons: MatchReason[]): HTMLElement {
  return h(
    'div',
    { class: DIM_LINE, attrs: { role: 'note' } },
    h('span', { class: 'shelfmark-placeholder-label' }, t('listingDimmedBy')),
    ...reasons.map((reason) => chip(reason)),
    showButton(element, 'dim'),
    alwaysShowButton(element, record),
  );
}

/** Draws a hidden work by its look. */
export function drawHidden(element: HTMLElement, record: Blurb, reasons: MatchReason[], look: HiddenLook, options: HiddenDrawOptions): void {
  if (look === 'remove') {
    element.classList.add(REMOVED);
  } else if (look === 'dim') {
    element.classList.add(DIMMED);
    element.prepend(dimLine(element, record, reasons));
  } else {
    element.classList.add(HIDDEN);
    element.prepend(placeholder(element, record, reasons, options));
  }
}

const foldReasonsText = (reasons: readonly CountedReason[]): string =>
  reasons.map((reason) => t('listingFoldReason', reason.label, count(reason.count))).join(', ');

/** A run of placeholders folded into one line, drawn in its first member. */
export class Fold {
  private readonly line: HTMLElement;
  private readonly button: HTMLButtonElement;
  private open = false;

  private readonly reasonsText: string;

  constructor(readonly members: readonly HTMLElement[], reasons: readonly CountedReason[], unfolded: boolean) {
    const reasonsText = foldReasonsText(reasons);
    this.reasonsText = reasonsText;
    this.button = h('button', { class: 'shelfmark-button shelfmark-show', attrs: { type: 'button', 'aria-expanded': 'false' } }, t('listingShow'));
    this.button.addEventListener('click', () => this.setUnfolded(!this.unfolded));
    this.line = h(
      'div',
      { class: FOLD_LINE, attrs: { role: 'note' } },
      h('span', { class: 'shelfmark-fold-count' }, tn('listingFoldCount', members.length)),
      h('span', { attrs: { 'aria-hidden': 'true' } }, '—'),
      h('span', { class: 'shelfmark-fold-reasons', attrs: { title: reasonsText } }, reasonsText),
      h('span', { attrs: { 'aria-hidden': 'true' } }, '·'),
      this.button,
    );
    for (const member of members) member.classList.add(FOLDED);
    members[0]!.classList.add(FOLD_HEAD);
    members[0]!.prepend(this.line);
    if (unfolded) this.setUnfolded(true);
  }

  get unfolded(): boolean {
    return this.open;
  }

  /** Whether this fold already draws the run of `members` for these reasons (a pass that changed nothing here). */
  draws(members: readonly HTMLElement[], reasons: readonly CountedReason[]): boolean {
    return members.length === this.members.length && members.every((member, i) => member === this.members[i]) && foldReasonsText(reasons) === this.reasonsText;
  }

  setUnfolded(unfolded: boolean): void {
    this.open = unfolded;
    for (const member of this.members) member.classList.toggle(UNFOLDED, unfolded);
    this.button.textContent = t(unfolded ? 'listingFold' : 'listingShow');
    this.button.setAttribute('aria-expanded', String(unfolded));
  }

  /** Takes the fold back: its members are placeholders again. */
  remove(): void {
    this.line.remove();
    for (const member of this.members) member.classList.remove(FOLDED, FOLD_HEAD, UNFOLDED);
  }
}

/** The faintest a dimmed title may be: it is faded, not gone. */
const DIM_OPACITIES = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const READABLE = 4.5;

const channels = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
function luminance([r = 0, g = 0, b = 0]: number[]): number {
  const linear = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The colour behind `element`: the first ancestor's opaque background, else white. */
function backdrop(element: Element | null): number[] {
  for (let el = element; el; el = el.parentElement) {
    const [r = 0, g = 0, b = 0, a = 1] = channels(getComputedStyle(el).backgroundColor);
    if (a > 0) return [r, g, b];
  }
  return [255, 255, 255];
}

/**
 * Fits how faded dimmed titles are to the page's colours (the archive's skin,
 * light or dark, or the reader's own): the most faded of DIM_OPACITIES that
 * keeps every link of this dimmed title at 4.5:1 against what is behind it,
 * or no fading where the skin's own colours give less than that. Grey keeps a
 * colour's luminance; opacity blends it with the backdrop. Read once, from the
 * first dimmed work drawn, while the blurbs are still held from painting.
 */
export function fitDimming(element: HTMLElement): void {
  const root = document.documentElement;
  if (root.style.getPropertyValue('--shelfmark-dim-opacity')) return;
  const header = element.querySelector(':scope > .header');
  if (!header) return;
  const back = backdrop(element);
  const backLuminance = luminance(back);
  const greys = Array.from(header.querySelectorAll('h4 a, h4'), (el) => {
    const l = luminance(channels(getComputedStyle(el).color));
    return 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
  });
  const fits = (opacity: number) =>
    greys.every((grey) => contrast(luminance(back.map((c) => grey * opacity + c * (1 - opacity))), backLuminance) >= READABLE);
  const opacity = DIM_OPACITIES.find(fits) ?? 1;
  root.style.setProperty('--shelfmark-dim-opacity', String(opacity));
}

/** fitDimming, or the stylesheet's own fading when the page's colours can't be read. */
export function tryFitDimming(element: HTMLElement): void {
  try {
    fitDimming(element);
  } catch {
    // style.css's default stands.
  }
}
