import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VisibleTime } from '../../../entrypoints/archive.content/features/visible-time';

/** A document whose visibility the test sets. */
function fakeDocument(state: DocumentVisibilityState) {
  const doc = Object.assign(new EventTarget(), { visibilityState: state });
  vi.stubGlobal('document', doc);
  return {
    show: (visible: boolean) => {
      doc.visibilityState = visible ? 'visible' : 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('visible time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts only the time the page is visible', () => {
    const page = fakeDocument('visible');
    const time = new VisibleTime();
    time.start();
    vi.advanceTimersByTime(2000);
    expect(time.ms).toBe(2000);
    page.show(false);
    vi.advanceTimersByTime(60_000);
    expect(time.ms).toBe(2000);
    page.show(true);
    vi.advanceTimersByTime(500);
    expect(time.ms).toBe(2500);
  });

  it('opened in a background tab: nothing counts until the reader looks', () => {
    const page = fakeDocument('hidden');
    const time = new VisibleTime();
    time.start();
    vi.advanceTimersByTime(30_000);
    expect(time.ms).toBe(0);
    page.show(true);
    vi.advanceTimersByTime(1000);
    expect(time.ms).toBe(1000);
  });
});
