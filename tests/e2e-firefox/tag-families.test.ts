/**
 * Tag families in Firefox, whose background is an event page that reads the
 * archive's tag pages with its own DOMParser (Chrome's worker hands them to
 * an offscreen document instead: utils/wrangling/tag-page-parser.ts). A rule
 * on "Angst" made from a real listing's quick-action menu makes the
 * background fetch Angst's tag page and its two subtags' pages, politely, from
 * the archive served over HTTPS on this machine (the harness's tunnel), then
 * hide the works tagged only with a synonym on the open listing, each
 * placeholder saying what matched and why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRealPages } from '../helpers/real-pages-suite';
import { ANGST, ANGST_HTML, ANGST_LISTING, ANGST_SYNONYM, EMO_TEEN_ANGST, idsTagged, TEEN_ANGST } from '../e2e/angst-family';
import { startHttpsArchive, type HttpsArchive } from '../e2e/https-archive';
import { allHidden, launchFirefoxExtension, type FirefoxSession } from './harness';

/** The learner's pace (one request every 3 s), less the timers' slack. */
const MIN_GAP_MS = 2900;

describeRealPages('Firefox: a tag rule learns its family from the archive', () => {
  let archive: HttpsArchive;
  let session: FirefoxSession;

  beforeAll(async () => {
    archive = await startHttpsArchive();
    archive.servePage(ANGST, ANGST_HTML);
    session = await launchFirefoxExtension({ archive });
  });
  afterAll(async () => {
    await session?.close();
    await archive?.close();
  });

  it('reads the tag pages in the event page and hides the synonym-tagged works on the open listing', async () => {
    const page = await session.open(session.serveRealPage(ANGST_LISTING));
    const taggedAngst = await page.$$eval('li.blurb', idsTagged, 'Angst');
    const onlySynonym = (await page.$$eval('li.blurb', idsTagged, ANGST_SYNONYM)).filter((id) => !taggedAngst.includes(id));
    expect(taggedAngst.length).toBeGreaterThan(0);
    expect(onlySynonym.length).toBeGreaterThan(0);

    // The quick action beside the first "Angst" tag on the page.
    const tags = await page.$$(`#${taggedAngst[0]} a.tag`);
    const texts = await Promise.all(tags.map((a) => a.evaluate((el) => el.textContent?.trim())));
    const tag = tags[texts.indexOf('Angst')]!;
    await tag.hover();
    await page.click(`#${taggedAngst[0]} a.tag:hover + .shelfmark-quick-action`);
    await page.locator('.shelfmark-menu-item::-p-text(Hide works tagged “Angst”)').click();

    // The tag's own text at once; the family once learned, without a reload.
    await page.waitForFunction(allHidden, {}, taggedAngst);
    await page.waitForFunction(allHidden, { timeout: 30_000 }, onlySynonym);
    // The placeholder's reason chip: the rule, and what matched and why.
    const chip = await page.$eval(`#${onlySynonym[0]} .shelfmark-placeholder .shelfmark-chip`, (el) => ({ text: el.textContent, title: el.getAttribute('title') }));
    expect(chip).toEqual({ text: 'Tag: Angst', title: `Tag: Angst — ${ANGST_SYNONYM} (filed under Angst)` });

    // Exactly the expected tag pages, at the learner's pace; the subtags' pages were 404s.
    const tagRequests = archive.requests.filter((r) => r.path.startsWith('/tags/'));
    expect(tagRequests.map((r) => `https://archiveofourown.org${r.path}`)).toEqual([ANGST, TEEN_ANGST, EMO_TEEN_ANGST]);
    const gaps = tagRequests.slice(1).map((r, i) => r.at - tagRequests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(MIN_GAP_MS);
    await page.close();
  }, 60_000);

  it('nothing else tried to reach the network', () => {
    expect(session.outsideConnections()).toEqual([]);
  });
});
