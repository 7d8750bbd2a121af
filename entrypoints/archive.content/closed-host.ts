/**
 * What Shelfmark draws about the reader's private state on the archive's
 * pages — reading badges and Save controls, and the Save panel — lives in
 * closed shadow roots. Page scripts share the DOM with the content script: a
 * script could otherwise insert blurbs with guessed work ids and read the
 * badges to learn which works the reader read or saved (docs/security.md).
 * A closed root's contents are out of the page's reach (`host.shadowRoot` is
 * null, the host's `textContent` empty), and the site's skins don't style them.
 *
 * The roots are kept only here, in the content script's own memory. Every
 * host is drawn the same whatever the state, and sized by shadow.css alone
 * (a fixed box, its contents contained), so neither its presence, its
 * attributes nor its size say anything either.
 *
 * The styles: in Chrome, one constructed style sheet per text, adopted by
 * every root (a listing of a thousand works has two thousand roots, and a
 * `<style>` element in each costs the page's parsing time); in Firefox, whose
 * content scripts can't adopt constructed style sheets (bug 1770592), a
 * `<style>` element with the bundled text.
 */
import type { BadgeStyle } from '../../utils/library/display';
import { h } from './dom';
import shadowCss from './shadow.css?inline';

/** `blurb`: a blurb's badge and Save control; `work`: a work page's Save control; `panel`: the Save panel; `numbers`, `time-left`: the work numbers (features/work-numbers.ts). */
export type HostKind = 'blurb' | 'work' | 'panel' | 'numbers' | 'time-left';

const HOST_CLASS = 'shelfmark-host';

/** Each root's body, kept in step with the reader's badge style. */
const bodies = new Set<HTMLElement>();
let badgeStyle: BadgeStyle = 'full';

/** The body's classes: its kind, and the badge style (shadow.css keys on both). */
const bodyClass = (kind: HostKind): string => `body ${kind} badges-${badgeStyle}`;

export interface ClosedHost {
  /** The element in the page: the same tag, class and size whatever it holds. */
  host: HTMLElement;
  /** The element inside the closed root that holds what is drawn. */
  body: HTMLElement;
}

const sheets = new Map<string, CSSStyleSheet>();

function styleRoot(root: ShadowRoot, css: string): void {
  if (import.meta.env.FIREFOX) {
    root.append(h('style', {}, css));
    return;
  }
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  root.adoptedStyleSheets = [sheet];
}

export function closedHost(kind: HostKind, css: string = shadowCss): ClosedHost {
  const host = h('span', { class: `${HOST_CLASS} ${HOST_CLASS}-${kind}` });
  const root = host.attachShadow({ mode: 'closed' });
  const body = h('span', { class: bodyClass(kind) });
  styleRoot(root, css);
  root.append(body);
  bodies.add(body);
  return { host, body };
}

/** Forgets a host that left the page for good (the Save panel, once closed). */
export function releaseHost({ host, body }: ClosedHost): void {
  bodies.delete(body);
  host.remove();
}

/** The reader's badge style, applied to every root (save-badge-style.ts follows the setting). */
export function setBadgeStyle(style: BadgeStyle): void {
  badgeStyle = style;
  for (const body of bodies) {
    for (const name of [...body.classList]) if (name.startsWith('badges-')) body.classList.remove(name);
    body.classList.add(`badges-${style}`);
  }
}

/** The blurbs' hosts, by blurb element: the Save control goes in first, the reading badge after it. */
const blurbHosts = new WeakMap<Element, ClosedHost>();

/** The blurb's host, drawn at the end of its heading on first use. */
export function blurbHost(blurb: Element, heading: Element): ClosedHost {
  let controls = blurbHosts.get(blurb);
  if (!controls) {
    controls = closedHost('blurb');
    blurbHosts.set(blurb, controls);
    heading.append(' ', controls.host);
  }
  return controls;
}

/** The blurb's host when it has one (a work blurb with a heading). */
export const existingBlurbHost = (blurb: Element): ClosedHost | undefined => blurbHosts.get(blurb);
