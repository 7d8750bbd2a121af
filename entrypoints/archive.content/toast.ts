/** A short message at the bottom of the page, with an optional action (Undo), announced to screen readers. */
import { h } from './dom';

const SHOW_MS = 8000;
let current: { element: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

export function showToast(message: string, action?: ToastAction): void {
  dismiss();
  const element = h('div', { class: 'shelfmark-toast', attrs: { role: 'status', 'aria-live': 'polite' } }, h('span', {}, message));
  if (action) {
    const button = h('button', { class: 'shelfmark-button', attrs: { type: 'button' } }, action.label);
    button.addEventListener('click', () => {
      dismiss();
      void action.run();
    });
    element.append(button);
  }
  document.body.append(element);
  current = { element, timer: setTimeout(dismiss, SHOW_MS) };
}

function dismiss(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.element.remove();
  current = null;
}
