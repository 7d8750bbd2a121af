/**
 * Moving through a real page with the keyboard alone: Tab (or Shift+Tab)
 * until the focused element is the one wanted, failing when it can't be
 * reached; and whether the focused element shows a focus indicator.
 */
import type { Page } from 'playwright-core';

/** What the focused element matches, read in the page. */
export type FocusTest = string | { selector: string; text?: string; name?: string };

/** Presses Tab (Shift+Tab with `backwards`) until the focused element matches; returns the number of presses. */
export async function tabTo(page: Page, wanted: FocusTest, { backwards = false, max = 600 } = {}): Promise<number> {
  const test = typeof wanted === 'string' ? { selector: wanted } : wanted;
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const found = await page.evaluate(({ selector, text, name }) => {
      const el = document.activeElement;
      if (!el || !el.matches(selector)) return false;
      if (text !== undefined && el.textContent?.trim() !== text) return false;
      return name === undefined || el.getAttribute('aria-label') === name;
    }, test);
    if (found) return presses;
  }
  throw new Error(`${JSON.stringify(wanted)} was not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** The focused element's tag, classes, label and text, for assertions and messages. */
export async function focused(page: Page): Promise<{ tag: string; className: string; label: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      label: el?.getAttribute('aria-label') ?? null,
      text: el?.textContent?.trim() ?? '',
    };
  });
}

/** Whether the focused element is drawn with a focus indicator: an outline or a box shadow. */
export async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !el.matches(':focus-visible')) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
  });
}
