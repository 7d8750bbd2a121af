/**
 * The content script's own working time on a page, recorded as performance
 * measures named BUSY_MEASURE: one per stretch of work, none for the waits
 * between stretches (storage, the background's answer, the parser).
 * `npm run bench` adds them up, so work done while the page is parsed counts
 * as much as work done after DOMContentLoaded.
 */
export const BUSY_MEASURE = 'shelfmark:busy';

let since: number | null = null;

function start(): void {
  since ??= performance.now();
}

function stop(): void {
  if (since === null) return;
  performance.measure(BUSY_MEASURE, { start: since, end: performance.now() });
  since = null;
}

/** Runs `work` as one stretch; a stretch already running just goes on. */
export function onClock<T>(work: () => T): T {
  if (since !== null) return work();
  start();
  try {
    return work();
  } finally {
    stop();
  }
}

/** Runs async `work` on the clock, except while it waits through `offClock`. */
export async function onClockAsync<T>(work: () => Promise<T>): Promise<T> {
  start();
  try {
    return await work();
  } finally {
    stop();
  }
}

/** Waits for `promise` off the clock; only inside `onClockAsync`, whose stretch then resumes. */
export async function offClock<T>(promise: Promise<T>): Promise<T> {
  stop();
  try {
    return await promise;
  } finally {
    start();
  }
}
