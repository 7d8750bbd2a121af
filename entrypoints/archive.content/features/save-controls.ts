/**
 * Save for later on the archive's pages: a compact control in every work
 * blurb's header (all listing kinds) and in a work page's action bar. One
 * click on "Save" saves the work as "to read"; the ▾ button (or the status,
 * once saved) opens a small panel to pick the status, write a short note or
 * remove it (with Undo). Alt+Shift+S does the same on work pages.
 *
 * A blurb's control is drawn into a host put in place, empty, as the blurb
 * was released for painting, once the page's states have come: the host is a
 * fixed box, so nothing moves when it fills; in closed shadow roots
 * (closed-host.ts), so page scripts can't read which works are saved.
 */
import type { Blurb, WorkPage } from '../../../utils/ao3/types';
import { snapshotFromBlurb, snapshotFromWorkPage } from '../../../utils/db/work-snapshot';
import { SAVED_STATUSES, type SavedRecord, type SavedStatus, type WorkFacts } from '../../../utils/db/types';
import { t } from '../../../utils/i18n';
import { STATUS_MARKS, statusLabel } from '../../../utils/library/display';
import { sendRequest } from '../../../utils/messaging/client';
import { blurbHost, closedHost, releaseHost, type ClosedHost } from '../closed-host';
import { drawnText, h } from '../dom';
import { showToast } from '../toast';
import type { WorkStates } from '../work-states';

/** What a control saves: the work's id, its title for labels, and its facts when the page has them. */
interface SaveTarget {
  workId: number;
  title: string;
  facts: WorkFacts | null;
}

const NOTE_MAX = 500;

/** Every control of a work on this page (a listing may show a work twice), kept in step. */
const controls = new Map<number, SaveControl[]>();
const savedState = new Map<number, SavedRecord | null>();

function setSavedState(workId: number, record: SavedRecord | null): void {
  savedState.set(workId, record);
  for (const control of controls.get(workId) ?? []) control.render();
}

async function save(target: SaveTarget, status: SavedStatus, note?: string): Promise<boolean> {
  const reply = await sendRequest({
    type: 'saved/set',
    workId: target.workId,
    status,
    ...(note !== undefined ? { note } : {}),
    ...(target.facts ? { work: target.facts } : {}),
  }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  if (!reply.ok) {
    showToast(t('saveFailed', reply.error));
    return false;
  }
  setSavedState(target.workId, reply.value.saved);
  return true;
}

async function remove(target: SaveTarget): Promise<void> {
  const previous = savedState.get(target.workId) ?? null;
  const reply = await sendRequest({ type: 'saved/remove', workId: target.workId }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  if (!reply.ok) {
    showToast(t('removeFailed', reply.error));
    return;
  }
  setSavedState(target.workId, null);
  showToast(t('libraryRemoved', target.title), previous ? {
    label: t('buttonUndo'),
    async run() {
      const undone = await sendRequest({ type: 'saved/restore', records: [previous], removeIds: [] });
      if (undone.ok) setSavedState(target.workId, previous);
      else showToast(t('undoFailedToast', undone.error));
    },
  } : undefined);
}

let openPanel: SavePanel | null = null;
const setOpenPanel = (panel: SavePanel | null): void => {
  openPanel = panel;
};

/** The host of the closed root an element of ours sits in. */
const hostOf = (element: HTMLElement): Element | null => {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

class SavePanel {
  readonly element: HTMLElement;
  /** The panel's own closed root, at the end of the page. */
  private readonly closed: ClosedHost = closedHost('panel');

  constructor(private readonly target: SaveTarget, private readonly anchor: HTMLElement) {
    const record = savedState.get(target.workId) ?? null;
    const name = `shelfmark-status-${target.workId}-${Math.random().toString(36).slice(2, 7)}`;
    const radios = SAVED_STATUSES.map((status) => {
      const input = h('input', { attrs: { type: 'radio', name, value: status } });
      input.checked = record?.status === status;
      input.addEventListener('change', () => {
        if (input.checked) void save(this.target, status);
      });
      return h('label', { class: 'shelfmark-save-option' }, input, statusLabel(status));
    });
    const note = h('input', {
      class: 'shelfmark-save-note',
      attrs: { type: 'text', maxlength: String(NOTE_MAX), placeholder: t('saveNotePlaceholder'), 'aria-label': t('saveNote') },
    });
    note.value = record?.note ?? '';
    const saveNote = h('button', { class: 'shelfmark-button', attrs: { type: 'submit' } }, t('saveNoteButton'));
    const form = h('form', { class: 'shelfmark-save-note-row' }, note, saveNote);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const status = savedState.get(this.target.workId)?.status ?? 'to-read';
      const text = note.value.trim();
      void save(this.target, status, text).then((ok) => {
        if (!ok) return;
        this.close(true);
        // Said where the panel was, and to screen readers (the toast is a polite live region).
        showToast(t(text ? 'saveNoteSaved' : 'saveNoteCleared', this.target.title));
      });
    });
    const children: HTMLElement[] = [
      h('fieldset', { class: 'shelfmark-save-statuses' }, h('legend', {}, t('saveStatus')), ...radios),
      form,
    ];
    if (record) {
      const removeButton = h('button', { class: 'shelfmark-button shelfmark-save-remove', attrs: { type: 'button' } }, t('libraryRemoveFromSaved'));
      removeButton.addEventListener('click', () => {
        this.close(true);
        void remove(this.target);
      });
      children.push(removeButton);
    }
    this.element = h('div', { class: 'shelfmark-save-panel', attrs: { role: 'dialog', 'aria-label': t('savePanelFor', target.title) } }, ...children);
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close(true);
      } else if (event.key === 'Tab' && this.leavesPanel(event.shiftKey)) {
        // The panel sits at the end of the page: leaving it goes back to its button (Shift+Tab), or on from there.
        this.close(true);
        if (event.shiftKey) event.preventDefault();
      }
    });
  }

  /** Below its button, kept inside the page's width less its scrollbar (clientWidth), as the quick-action menu is. */
  private place(): void {
    const rect = this.anchor.getBoundingClientRect();
    const width = this.element.getBoundingClientRect().width;
    this.element.style.left = `${Math.round(Math.max(4, Math.min(rect.left, document.documentElement.clientWidth - width - 4)) + window.scrollX)}px`;
    this.element.style.top = `${Math.round(rect.bottom + window.scrollY + 2)}px`;
  }

  /** Whether Tab (or Shift+Tab) from the focused control would leave the panel; a radio group is one tab stop. */
  private leavesPanel(backwards: boolean): boolean {
    const radios = Array.from(this.element.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    const radioStop = radios.find((radio) => radio.checked) ?? radios[0];
    const stops = Array.from(this.element.querySelectorAll<HTMLElement>('input, button')).filter((el) => !radios.includes(el as HTMLInputElement) || el === radioStop);
    // Inside a shadow root, the document's activeElement is the host: the root knows the focused control.
    const focused = (this.element.getRootNode() as ShadowRoot).activeElement;
    return focused === (backwards ? stops[0] : stops[stops.length - 1]);
  }

  open(): void {
    openPanel?.close(false);
    setOpenPanel(this);
    this.closed.body.append(this.element);
    document.body.append(this.closed.host);
    this.place();
    this.anchor.setAttribute('aria-expanded', 'true');
    const first = this.element.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? this.element.querySelector<HTMLInputElement>('input');
    first?.focus();
    document.addEventListener('pointerdown', this.onOutside, true);
    document.addEventListener('focusin', this.onOutside, true);
  }

  /** Out here, events from inside a closed root name its host as their target. */
  private readonly onOutside = (event: Event): void => {
    const target = event.target;
    if (target !== this.closed.host && target !== hostOf(this.anchor)) this.close(false);
  };

  close(refocus: boolean): void {
    if (openPanel === this) setOpenPanel(null);
    releaseHost(this.closed);
    this.anchor.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.onOutside, true);
    document.removeEventListener('focusin', this.onOutside, true);
    if (refocus) this.anchor.focus();
  }
}

export class SaveControl {
  readonly element: HTMLElement;
  private readonly main: HTMLButtonElement;
  private readonly more: HTMLButtonElement;

  /** Draws the control into `container`, inside a closed root. */
  constructor(readonly target: SaveTarget, container: HTMLElement) {
    this.main = h('button', { class: 'shelfmark-save-main', attrs: { type: 'button' } });
    this.more = h('button', {
      class: 'shelfmark-save-more',
      attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-label': t('saveOptionsFor', target.title), title: t('saveOptionsTitle') },
    }, '▾');
    this.main.addEventListener('click', () => {
      if (savedState.get(target.workId)) this.openPanel(this.main);
      else void save(target, 'to-read').then((ok) => ok && showToast(t('savedToReadLater', target.title)));
    });
    this.more.addEventListener('click', () => this.openPanel(this.more));
    this.element = h('span', { class: 'shelfmark-save' }, this.main, this.more);
    container.append(this.element);
    controls.set(target.workId, [...(controls.get(target.workId) ?? []), this]);
    this.render();
  }

  openPanel(anchor: HTMLElement = this.more): void {
    if (openPanel && openPanel.element.isConnected && anchor.getAttribute('aria-expanded') === 'true') {
      openPanel.close(true);
      return;
    }
    new SavePanel(this.target, anchor).open();
  }

  /** Shows the saved status (or "Save"), in every badge style: style.css picks what shows. */
  render(): void {
    const record = savedState.get(this.target.workId) ?? null;
    this.element.classList.toggle('shelfmark-saved', record !== null);
    if (record) this.element.dataset.status = record.status;
    else delete this.element.dataset.status;
    this.main.replaceChildren(
      ...(record
        ? [
            drawnText('shelfmark-save-mark', STATUS_MARKS[record.status], { 'aria-hidden': 'true' }),
            drawnText('shelfmark-save-status', statusLabel(record.status)),
            drawnText('shelfmark-save-generic', t('saveSaved')),
          ]
        : [drawnText('shelfmark-save-label', t('saveSave'))]),
    );
    this.main.setAttribute('aria-label', record ? t('saveSavedLabel', statusLabel(record.status), this.target.title) : t('saveToReadLaterLabel', this.target.title));
    if (!record) this.main.title = t('saveToReadLater');
    else this.main.title = record.note ? t('saveSavedNoteTitle', statusLabel(record.status), record.note) : t('saveSavedTitle', statusLabel(record.status));
    if (record) this.main.setAttribute('aria-haspopup', 'dialog');
    else this.main.removeAttribute('aria-haspopup');
  }
}

function targetOfBlurb(record: Blurb): SaveTarget | null {
  if (record.workId === null) return null;
  const title = 'title' in record && typeof record.title === 'string' && record.title ? record.title : t('untitledWork', String(record.workId));
  const facts = record.type === 'work' || (record.type === 'bookmark' && record.item === 'work') ? snapshotFromBlurb(record) : null;
  return { workId: record.workId, title, facts };
}

/** Where a blurb's control goes: its heading, for a blurb of a work (or a bookmark of one); null for the rest. */
function controlHeading(element: HTMLElement, record: Blurb): Element | null {
  if (record.type === 'deleted' || record.type === 'series' || record.workId === null) return null;
  return element.querySelector(':scope > .header > .heading, :scope > div.header h4.heading');
}

/** The blurb's control's place and what it saves. */
function controlPlace(element: HTMLElement, record: Blurb): { target: SaveTarget; heading: Element } | null {
  const heading = controlHeading(element, record);
  const target = heading && targetOfBlurb(record);
  return target && heading ? { target, heading } : null;
}

/**
 * The blurb's host, empty, put in place as the blurb is released for
 * painting (blurb-release.ts): a fixed box (closed-host.ts), so filling it
 * when the background's answer comes moves nothing. Only the place is looked
 * up: what the control saves is built when it is drawn, not while the page
 * is parsed.
 */
export function reserveBlurbHost(element: HTMLElement, record: Blurb): void {
  const heading = controlHeading(element, record);
  if (heading) blurbHost(element, heading);
}

/** The blurbs' controls, in their hosts, once the page's states came (or didn't: each then says "Save"). */
export function drawBlurbSaveControls(blurbs: ReadonlyArray<{ element: HTMLElement; record: Blurb }>): void {
  for (const { element, record } of blurbs) {
    const place = controlPlace(element, record);
    if (place) new SaveControl(place.target, blurbHost(element, place.heading).body);
  }
}

/** The background's saved states on the controls drawn (the page's first answer, or a newer one after a History import). */
export function showSavedStates(states: WorkStates): void {
  for (const [workId, state] of states) {
    // Only what changes is drawn again: most works on a listing aren't saved.
    if ((savedState.get(workId) ?? null) !== state.saved) setSavedState(workId, state.saved);
  }
}

/** The work page's control, once its state is known (it isn't held back like the blurbs), and its keyboard shortcut. */
export function drawWorkPageSaveControl(work: WorkPage | null): SaveControl | null {
  if (!work || work.workId === null) return null;
  const target: SaveTarget = { workId: work.workId, title: work.title || t('untitledWork', String(work.workId)), facts: snapshotFromWorkPage(work) };
  const actions = document.querySelector('#main ul.work.navigation.actions');
  const { host, body } = closedHost('work');
  const control = new SaveControl(target, body);
  if (actions) actions.prepend(h('li', { class: 'shelfmark-save-item' }, host));
  else (document.querySelector('#workskin .preface') ?? document.getElementById('main'))?.prepend(host);
  enableSaveShortcut(control);
  return control;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Alt+Shift+S on a work page: save as "to read", or open the panel when already saved. */
export function enableSaveShortcut(control: SaveControl): void {
  document.addEventListener('keydown', (event) => {
    // Only the reader's own keys: a page script could dispatch this one at the document.
    if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyS' || isTyping(event.target)) return;
    event.preventDefault();
    if (savedState.get(control.target.workId)) control.openPanel();
    else void save(control.target, 'to-read').then((ok) => ok && showToast(t('savedToReadLater', control.target.title)));
  });
}
