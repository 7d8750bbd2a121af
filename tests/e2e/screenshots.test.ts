/**
 * The stores' screenshots (1280×800), taken in real Chromium from the built
 * extension with the fixed sample data (sample-library.ts): a listing with
 * hidden placeholders, a highlight and reading badges; the popup over that
 * listing; the Library. Each run takes them and checks their size and that
 * they aren't blank; files in docs/screenshots/ are written only when
 * UPDATE_SCREENSHOTS=1 or the file is missing, so ordinary runs leave them be.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPagesMissing } from '../helpers/real-pages';
import { closedCount } from './closed-shadow';
import { launchExtension, type ExtensionSession } from './harness';
import { importSample, SAMPLE_LISTING } from './sample-library';

// Dates and numbers on the pages come out the same on every machine.
process.env.TZ = 'UTC';
process.env.LANG = 'en_US.UTF-8';
process.env.LANGUAGE = 'en_US';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHOTS_DIR = resolve(HERE, '../../docs/screenshots');
/** The archive's stylesheets aren't served in tests: a stand-in, so the listing looks like one. */
const ARCHIVE_LOOK = join(HERE, 'archive-look.css');
const WIDTH = 1280;
const HEIGHT = 800;
/** The popup's width in the composite: the width `popupFor` gives it. */
const POPUP = { width: 400 };
const TIMEOUT = { timeout: 10_000 };

/** Keeps a screenshot: written when asked (UPDATE_SCREENSHOTS=1) or when there is none yet. */
function keep(name: string, png: Buffer): void {
  const path = join(SHOTS_DIR, name);
  if (process.env.UPDATE_SCREENSHOTS !== '1' && existsSync(path)) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  writeFileSync(path, png);
}

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many distinct colours a PNG has (sampled on a grid), read back through a canvas in `page`. */
async function colourCount(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let y = 0; y < canvas.height; y += 7) {
      for (let x = 0; x < canvas.width; x += 7) {
        const i = (y * canvas.width + x) * 4;
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
    }
    return colours.size;
  }, `data:image/png;base64,${png.toString('base64')}`);
}

/** The popup as the toolbar shows it: its page drawn at the top right of the listing, with a shadow. */
async function composite(page: Page, backdrop: Buffer, popup: Buffer): Promise<Buffer> {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.setContent('<!doctype html><body></body>');
  await page.evaluate(
    ({ backdrop, popup, width, height, popupWidth }) => {
      document.body.style.cssText = `margin:0;width:${width}px;height:${height}px;overflow:hidden;position:relative`;
      const back = new Image();
      back.src = backdrop;
      back.style.cssText = 'position:absolute;inset:0;filter:brightness(0.9)';
      const front = new Image();
      front.src = popup;
      front.style.cssText = `position:absolute;top:8px;right:16px;width:${popupWidth}px;border:1px solid rgba(0,0,0,0.25);border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,0.35)`;
      document.body.append(back, front);
      return Promise.all([back.decode(), front.decode()]);
    },
    { backdrop: `data:image/png;base64,${backdrop.toString('base64')}`, popup: `data:image/png;base64,${popup.toString('base64')}`, width: WIDTH, height: HEIGHT, popupWidth: POPUP.width },
  );
  return page.screenshot();
}

describe.skipIf(realPagesMissing())('store screenshots', () => {
  let session: ExtensionSession;
  let listing: Page;
  let listingUrl: string;
  const taken = new Map<string, Buffer>();

  beforeAll(async () => {
    session = await launchExtension();
    const options = await session.extensionPage('options.html');
    await importSample(options);
    await options.close();
    listingUrl = await session.serveRealPage(SAMPLE_LISTING);
    listing = await session.context.newPage();
    await listing.setViewportSize({ width: WIDTH, height: HEIGHT });
    await listing.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await listing.goto(listingUrl);
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    await listing.addStyleTag({ path: ARCHIVE_LOOK });
  });

  /** The listing from Shelfmark's summary line above it, with the first placeholders and badges. */
  const scrollListing = () => listing.locator('.shelfmark-summary').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  afterAll(async () => {
    await session?.close();
  });

  it('a listing: hidden works as placeholders, a highlight, reading badges', async () => {
    await expect.poll(() => listing.locator('li.blurb.shelfmark-hidden').count(), TIMEOUT).toBeGreaterThan(0);
    await expect(listing.locator('li.blurb.shelfmark-highlighted').count()).resolves.toBeGreaterThan(0);
    await expect(closedCount(listing, '.shelfmark-host-blurb', '.shelfmark-badge')).resolves.toBe(4);
    await scrollListing();
    const png = await listing.screenshot();
    taken.set('listing.png', png);
    keep('listing.png', png);
  });

  it('the popup over that listing', async () => {
    const popup = await session.popupFor(listingUrl, (page) => page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' }));
    const section = popup.getByRole('region', { name: 'This page' });
    await expect.poll(() => section.locator('.sm-count-hidden').textContent(), TIMEOUT).toMatch(/^\d+ hidden$/);
    await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(4);
    await scrollListing();
    const backdrop = await listing.screenshot();
    const front = await popup.screenshot();
    await popup.close();
    const canvas = await session.context.newPage();
    const png = await composite(canvas, backdrop, front);
    await canvas.close();
    taken.set('popup.png', png);
    keep('popup.png', png);
  });

  it('the Library', async () => {
    const options = await session.extensionPage('options.html#library');
    await options.setViewportSize({ width: WIDTH, height: HEIGHT });
    await options.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await expect.poll(() => options.locator('.sm-table-body [role="row"]').count(), TIMEOUT).toBe(6);
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const png = await options.screenshot();
    await options.close();
    taken.set('library.png', png);
    keep('library.png', png);
  });

  it('are 1280×800 and not blank', async () => {
    const page = await session.context.newPage();
    expect([...taken.keys()].sort()).toEqual(['library.png', 'listing.png', 'popup.png']);
    for (const [name, png] of taken) {
      expect(pngSize(png), name).toEqual({ width: WIDTH, height: HEIGHT });
      expect(await colourCount(page, png), name).toBeGreaterThan(50);
    }
    await page.close();
  });
});
