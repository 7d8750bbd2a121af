/** Runs `callback` once the document is parsed: at DOMContentLoaded, or now if that has passed. */
export function whenDomReady(callback: () => void): void {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', callback, { once: true });
  } else {
    callback();
  }
}
