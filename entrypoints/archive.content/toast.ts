/**
 * A short message at the bottom of the page, with an optional action (Undo),
 * announced to screen readers. It goes after a few seconds, but never while
 * the pointer or keyboard focus is on it, so Undo can always be reached;
 * Escape closes it. On a phone it stays above what the browser draws over the
 * page's bottom (a toolbar, the keyboard; the screen's safe area in style.css).
 */
import { h } from './dom';

const SHOW_MS = 8000;
let current: { element: HTMLElement; timer: ReturnType<typeof setTimeout> | undefined; unlift(): void } | null = null;

/**
 * Keeps `element` (fixed to the layout viewport's bottom) above the part of it the reader can't see: the
 * visual viewport ends higher when the browser draws a toolbar or the keyboard over the page, or the page is
 * zoomed in. Sets `--shelfmark-toast-lift` (style.css) as that changes; returns what stops following it.
 */
function liftAboveCovered(element: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => {};
  const update = () => {
    const covered = Math.max(0, Math.round(window.innerHeight - (viewport.offsetTop + viewport.height)));
    element.style.setProperty('--shelfmark-toast-lift', `${covered}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
  };
}

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

export interface ToastOptions {
  /** Put keyboard focus on the action (when what had focus is about to go away). */
  focusAction?: boolean;
  /** Where focus goes when Escape closes the toast from inside it. */
  onEscape?(): void;
}

export function showToast(message: string, action?: ToastAction, options: ToastOptions = {}): void {
  dismiss();
  const element = h('div', { class: 'shelfmark-toast', attrs: { role: 'status', 'aria-live': 'polite' } }, h('span', {}, message));
  const toast: NonNullable<typeof current> = { element, timer: undefined, unlift: () => {} };
  const schedule = () => {
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => current === toast && dismiss(), SHOW_MS);
  };
  const hold = () => clearTimeout(toast.timer);
  element.addEventListener('focusin', hold);
  element.addEventListener('pointerenter', hold);
  element.addEventListener('focusout', (event) => !element.contains(event.relatedTarget as Node | null) && schedule());
  element.addEventListener('pointerleave', () => !element.contains(document.activeElement) && schedule());
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dismiss();
    options.onEscape?.();
  });
  let button: HTMLButtonElement | null = null;
  if (action) {
    button = h('button', { class: 'shelfmark-button', attrs: { type: 'button' } }, action.label);
    button.addEventListener('click', () => {
      dismiss();
      void action.run();
    });
    element.append(button);
  }
  document.body.append(element);
  toast.unlift = liftAboveCovered(element);
  current = toast;
  schedule();
  if (options.focusAction) button?.focus();
}

function dismiss(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.unlift();
  current.element.remove();
  current = null;
}
