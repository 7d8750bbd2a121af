/**
 * Page scripts share the DOM with the content script: they can `.click()` the
 * extension's buttons, dispatch keys and changes at its inputs, or
 * `requestSubmit()` its forms, and the browser hands those events to the
 * content script's listeners too. Each would save a work or add a rule
 * without the reader (docs/security.md).
 *
 * So, in the capture phase at the window — before any of the extension's own
 * listeners — an event aimed at one of the extension's elements is stopped
 * and cancelled (no click on a submit button submitting its form) unless the
 * browser says the reader caused it: `isTrusted`, and for form submissions,
 * which the browser fires itself even after `requestSubmit()`, a user
 * gesture just before. Events on the page's own elements are left alone.
 */
import { isOwnElement } from './dom';

const GUARDED = [
  'click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress',
  'beforeinput', 'input', 'change', 'submit',
];

function causedByReader(event: Event): boolean {
  if (!event.isTrusted) return false;
  // Firefox before 120 has no userActivation: isTrusted is all there is to go on.
  return event.type !== 'submit' || (navigator.userActivation?.isActive ?? true);
}

export function refuseUntrustedEvents(target: Window = window): void {
  for (const type of GUARDED) {
    target.addEventListener(
      type,
      (event) => {
        if (causedByReader(event) || !isOwnElement(event.target)) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      true,
    );
  }
}
