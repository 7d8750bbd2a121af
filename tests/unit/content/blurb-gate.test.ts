import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { FAIL_SAFE_MS, holdBlurbs, PENDING_CLASS } from '../../../entrypoints/archive.content/blurb-gate';

const dom = () => parseHTML('<html><body><ol><li class="blurb">x</li></ol></body></html>');

function root(): HTMLElement {
  return dom().document.documentElement as unknown as HTMLElement;
}

describe('the no-flash gate', () => {
  afterEach(() => vi.useRealTimers());

  it('holds blurbs until released', () => {
    const html = root();
    const gate = holdBlurbs(html);
    expect(html.classList.contains(PENDING_CLASS)).toBe(true);
    gate.release();
    expect(html.classList.contains(PENDING_CLASS)).toBe(false);
  });

  it('reveals by itself after the fail-safe delay when nothing releases it', () => {
    vi.useFakeTimers();
    const html = root();
    holdBlurbs(html);
    vi.advanceTimersByTime(FAIL_SAFE_MS - 1);
    expect(html.classList.contains(PENDING_CLASS)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(html.classList.contains(PENDING_CLASS)).toBe(false);
  });

  it('counts the fail-safe from DOMContentLoaded while the page is still being parsed', () => {
    vi.useFakeTimers();
    const { document: doc, Event } = dom();
    const html = doc.documentElement as unknown as HTMLElement;
    let readyState = 'loading';
    Object.defineProperty(doc, 'readyState', { get: () => readyState, configurable: true });
    holdBlurbs(html);
    vi.advanceTimersByTime(FAIL_SAFE_MS * 3);
    expect(html.classList.contains(PENDING_CLASS)).toBe(true);
    readyState = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(FAIL_SAFE_MS - 1);
    expect(html.classList.contains(PENDING_CLASS)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(html.classList.contains(PENDING_CLASS)).toBe(false);
  });

  it('keeps the fail-safe at about a second', () => {
    expect(FAIL_SAFE_MS).toBeGreaterThanOrEqual(500);
    expect(FAIL_SAFE_MS).toBeLessThanOrEqual(1500);
  });
});
