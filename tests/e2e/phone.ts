/**
 * A phone, as the real-browser tests emulate it: a 390 × 844 viewport (CSS
 * pixels) at a device pixel ratio of 3, touch and no hover, a mobile user agent.
 * And what every page Shelfmark draws on must hold there: no horizontal
 * scrolling, and no tap target of Shelfmark's smaller than 24 × 24 px (WCAG 2.5.8).
 */
import type { Page } from 'playwright-core';
import { HOST, inClosedRoots } from './closed-shadow';
import type { LaunchOptions } from './harness';

export const PHONE_WIDTH = 390;
export const PHONE_HEIGHT = 844;

export const PHONE: NonNullable<LaunchOptions['device']> = {
  viewport: { width: PHONE_WIDTH, height: PHONE_HEIGHT },
  screen: { width: PHONE_WIDTH, height: PHONE_HEIGHT },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0',
};

/** The page's width beyond its viewport's, in CSS pixels: 0 when nothing scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(root.scrollWidth, document.body?.scrollWidth ?? 0) - window.innerWidth;
  });
}

/** Elements on the page wider than the viewport or reaching past its right edge, as short descriptions (for a failure's message). */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 0.5) continue;
      // Only the outermost: its children overflow with it.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} → ${Math.round(rect.right)}px`);
    }
    return found.slice(0, 10);
  });
}

/** What can be tapped: links, buttons, form fields, anything focusable by script or keyboard. */
const TAPPABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

/**
 * Shelfmark's tap targets smaller than 24 × 24 CSS px on the page, as short
 * descriptions: those it puts in the page (classes `shelfmark-…`) and those in
 * its closed roots. Only what is drawn counts (a zero-sized or `display: none` element is no target).
 */
export async function smallTapTargets(page: Page, min = 24): Promise<string[]> {
  const measure = (root: Document | ShadowRoot, [selector, least, inClosed]: readonly [string, number, boolean]) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      // Shelfmark's own: an element of its classes, or inside one it made (not an archive element it marks: a blurb, a chapter's item).
      if (!inClosed && !el.closest('[class*="shelfmark-"]:not(li, html, body)')) continue;
      // A radio or checkbox in its label: the label is what is tapped.
      const label = el instanceof HTMLInputElement ? el.closest('label') : null;
      const rect = (label ?? el).getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.width >= least - 0.5 && rect.height >= least - 0.5) continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${name}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
    return found;
  };
  const inPage = await page.evaluate(`(${measure.toString()})(document, ${JSON.stringify([TAPPABLE, min, false])})`) as string[];
  const inRoots = await inClosedRoots(page, HOST, measure, [TAPPABLE, min, true] as const);
  return [...inPage, ...inRoots.flat()];
}
