/**
 * Works paint as the page arrives: on a real listing streamed in pieces, as
 * from a real network (https-archive.ts), a work the rules keep is painted
 * before DOMContentLoaded, a work they hide is never painted (only its
 * placeholder), the places for the reading badge and Save control are there
 * before the works paint (nothing moves when the background's answer fills
 * them), the summary ends exact — and when the background does not answer,
 * the works still paint early and the gate still opens within about a second.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readPage } from '../../utils/ao3/page';
import type { WorkBlurb } from '../../utils/ao3/types';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import { realPage, realPageDocument, realPageHtml } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { requestFromPage } from './extension-messages';
import { FLASH_SAMPLER, type FlashSamples } from './flash-sampler';
import { launchExtension, type ExtensionSession } from './harness';
import { startHttpsArchive, type HttpsArchive } from './https-archive';
import { LAYOUT_SHIFT_WATCH, type LayoutShift } from './layout-shift';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page. */
const HIDDEN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
/** The page's first work, kept. */
const FIRST_KEPT = 'work_77862241';
/** About 190 KB in 24 pieces, 60 ms apart: the page takes well over a second to arrive. */
const PACING = { chunkBytes: 8 * 1024, delayMs: 60 };

interface Seen {
  samples: FlashSamples;
  dcl: number;
  revealed: number;
  layoutShift: number;
  /** What each counted shift moved (layout-shift.ts). */
  moved: string[];
  hidden: string[];
  summary: string | null;
  /** Blurbs whose heading held Shelfmark's host when the blurb was first painted, of those painted before DOMContentLoaded. */
  hostsBeforePaint: number;
  /** Of those, blurbs whose stats held their work numbers then: drawn later, the numbers would widen the stats on screen. */
  numbersBeforePaint: number;
  paintedBeforeDcl: number;
}

/** Notes, in the page's main world, whether each blurb's heading holds a host, and its stats their numbers, on the frame it first paints. */
const HOST_SAMPLER = `
(() => {
  const hosts = {};
  window.__shelfmarkHostAtPaint = hosts;
  const sample = () => {
    for (const li of document.querySelectorAll('li.blurb')) {
      if (li.id in hosts) continue;
      const heading = li.querySelector('.header h4.heading');
      if (heading && heading.checkVisibility({ visibilityProperty: true })) {
        hosts[li.id] = { host: Boolean(heading.querySelector('.shelfmark-host')), numbers: Boolean(li.querySelector('dl.stats > .shelfmark-host-numbers')) };
      }
    }
    if (document.readyState === 'loading' || Object.keys(hosts).length === 0) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})();
`;

async function loadStreamed(session: ExtensionSession, url: string): Promise<{ page: Page; seen: Seen }> {
  const page = await session.context.newPage();
  await page.addInitScript(FLASH_SAMPLER);
  await page.addInitScript(HOST_SAMPLER);
  await page.addInitScript(LAYOUT_SHIFT_WATCH);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('shelfmark:revealed').length > 0, null, { timeout: 15_000 });
  await page.waitForFunction(() => (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash.frames > 30);
  const seen = await page.evaluate((): Seen => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const samples = (window as unknown as { __shelfmarkFlash: FlashSamples }).__shelfmarkFlash;
    const hosts = (window as unknown as { __shelfmarkHostAtPaint: Record<string, { host: boolean; numbers: boolean }> }).__shelfmarkHostAtPaint;
    const dcl = nav.domContentLoadedEventStart;
    const early = Object.keys(samples.firstVisibleAt).filter((id) => samples.firstVisibleAt[id]! < dcl);
    return {
      samples,
      dcl,
      revealed: performance.getEntriesByName('shelfmark:revealed')[0]!.startTime,
      layoutShift: (window as unknown as { __shelfmarkLayoutShift: LayoutShift }).__shelfmarkLayoutShift.value,
      moved: (window as unknown as { __shelfmarkLayoutShift: LayoutShift }).__shelfmarkLayoutShift.moved,
      hidden: Array.from(document.querySelectorAll('li.blurb.shelfmark-hidden'), (li) => li.id).sort(),
      summary: document.querySelector('.shelfmark-summary')?.textContent ?? null,
      hostsBeforePaint: early.filter((id) => hosts[id]?.host).length,
      numbersBeforePaint: early.filter((id) => hosts[id]?.numbers).length,
      paintedBeforeDcl: early.length,
    };
  });
  return { page, seen };
}

describeRealPages('works painted as the page arrives', () => {
  let archive: HttpsArchive;
  let session: ExtensionSession;
  let url: string;

  beforeAll(async () => {
    archive = await startHttpsArchive();
    session = await launchExtension({ archive });
    url = realPage(LISTING).url;
    archive.servePage(url, realPageHtml(LISTING), PACING);
    const control = await session.extensionPage('popup.html');
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
    });
    await control.close();
  });
  afterAll(async () => {
    await session?.close();
    await archive?.close();
  });

  it('paints a kept work before DOMContentLoaded, never a hidden one, with its places kept and nothing moving', async () => {
    const { page, seen } = await loadStreamed(session, url);
    // The page really arrived over time, and the first kept work painted while it did.
    expect(seen.dcl).toBeGreaterThan(700);
    expect(seen.samples.firstVisibleAt[FIRST_KEPT]).toBeLessThan(seen.dcl);
    expect(seen.paintedBeforeDcl).toBeGreaterThan(3);
    // Each work painted early already held its (empty) host for the badge and Save control.
    expect(seen.hostsBeforePaint).toBe(seen.paintedBeforeDcl);
    // And its work numbers (on by default), read in the same reply as the rules (page-settings.ts).
    expect(seen.numbersBeforePaint).toBe(seen.paintedBeforeDcl);
    // A work to hide: never painted, however early its neighbours were.
    expect(seen.hidden).toEqual([...HIDDEN].sort());
    for (const id of HIDDEN) expect(seen.samples.visibleFrames[id] ?? 0).toBe(0);
    // The summary's place was kept before the first work painted: filling it moved nothing.
    expect(seen.summary).toMatch(/7 of 21 works hidden/);
    expect(seen.layoutShift, `${seen.moved.join('; ')} (DOMContentLoaded at ${Math.round(seen.dcl)} ms, revealed at ${Math.round(seen.revealed)} ms)`).toBeLessThanOrEqual(0.01);
    // The Save controls were drawn into their hosts once the background answered.
    await expect(page.locator(`#${FIRST_KEPT} .shelfmark-host-blurb`).count()).resolves.toBe(1);
    await page.close();
  });

  it('when the background does not answer, still paints kept works early and opens the gate within about a second', async () => {
    const worker = await session.serviceWorker();
    // The background's only thread busy for four seconds: no message gets an answer meanwhile.
    const busy = worker.evaluate(() => {
      const end = Date.now() + 4000;
      while (Date.now() < end) {
        // busy
      }
    });
    const { page, seen } = await loadStreamed(session, url);
    expect(seen.samples.firstVisibleAt[FIRST_KEPT]).toBeLessThan(seen.dcl);
    expect(seen.revealed - seen.dcl).toBeLessThan(1500);
    for (const id of HIDDEN) expect(seen.samples.visibleFrames[id] ?? 0).toBe(0);
    // Once the gate is open, every work paints: nothing is left held.
    const unpainted = await page.$$eval('li.blurb:not(.shelfmark-hidden) h4.heading', (headings) => headings.filter((h) => !h.checkVisibility({ visibilityProperty: true })).length);
    expect(unpainted).toBe(0);
    await busy;
    await page.close();
  });

  it("with a rule on the reader's own data, still paints the works the reader never opened early, and never the one opened", async () => {
    const record = readPage(realPageDocument(LISTING), url);
    const works = record.blurbs.filter((b): b is WorkBlurb => b.type === 'work' && b.workId !== null);
    const opened = works.find((b) => b.workId !== null && `work_${b.workId}` !== FIRST_KEPT && !HIDDEN.includes(`work_${b.workId}`))!;
    const control = await session.extensionPage('popup.html');
    await requestFromPage(control, { type: 'visit/record', work: snapshotFromBlurb(opened)!, chapter: null });
    await requestFromPage(control, { type: 'rules/put', rule: { id: 'hide-opened', action: 'hide', match: { kind: 'reading', state: 'opened' }, enabled: true } });

    const { page, seen } = await loadStreamed(session, url);
    // Only the opened work waits for the background's answer (the state filter says the others have none).
    expect(seen.samples.firstVisibleAt[FIRST_KEPT]).toBeLessThan(seen.dcl);
    expect(seen.paintedBeforeDcl).toBeGreaterThan(3);
    expect(seen.samples.visibleFrames[`work_${opened.workId}`] ?? 0).toBe(0);
    expect(seen.hidden).toEqual([...HIDDEN, `work_${opened.workId}`].sort());
    expect(seen.summary).toMatch(/8 of 21 works hidden/);
    await page.close();
    await requestFromPage(control, { type: 'rules/delete', id: 'hide-opened' });
    await control.close();
  });
});
