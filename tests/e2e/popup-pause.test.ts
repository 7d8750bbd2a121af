/**
 * The popup's "Pause rules on this page" switch, in real Chromium over a real
 * listing: it flips the moment it is pressed (not when the page answers), and
 * flips back with an error when the page does not answer.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRealPages } from '../helpers/real-pages-suite';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
const TIMEOUT = { timeout: 10_000 };
const SWITCH = 'Pause rules on this page';

/** Presses the switch in the page and reads whether it shows pressed at every frame for `ms`. */
function pressAndWatch(popup: Page, ms: number): Promise<boolean[]> {
  return popup.evaluate(
    async ({ name, ms }) => {
      const find = () => [...document.querySelectorAll('label.sm-switch')].find((label) => label.textContent?.includes(name))?.querySelector('input') ?? null;
      find()!.click();
      const seen: boolean[] = [];
      const start = performance.now();
      while (performance.now() - start < ms) {
        await new Promise(requestAnimationFrame);
        seen.push(find()?.checked ?? false);
      }
      return seen;
    },
    { name: SWITCH, ms },
  );
}

describeRealPages('the popup’s pause-on-this-page switch', () => {
  let session: ExtensionSession;
  let listing: Page;
  let popup: Page;

  beforeAll(async () => {
    session = await launchExtension();
    const url = await session.serveRealPage(LISTING);
    listing = await session.openArchivePage(url);
    popup = await session.popupFor(url);
    await popup.getByRole('switch', { name: SWITCH }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('flips at once, and stays flipped when the page answers', async () => {
    const seen = await pressAndWatch(popup, 400);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(Boolean)).toBe(true);
    await expect.poll(() => popup.getByRole('region', { name: 'This page' }).textContent(), TIMEOUT).toContain('Paused on this page');
    await expect(popup.getByRole('switch', { name: SWITCH }).isChecked()).resolves.toBe(true);
  });

  it('flips back, with an error, when the page does not answer', async () => {
    await listing.close();
    await pressAndWatch(popup, 0);
    await expect.poll(() => popup.getByRole('alert').textContent(), TIMEOUT).toContain('The page didn’t answer');
    await expect(popup.getByRole('switch', { name: SWITCH }).isChecked()).resolves.toBe(true);
    await expect(popup.getByRole('region', { name: 'This page' }).textContent()).resolves.toContain('Paused on this page');
  });
});
