/**
 * What a page script can learn from Shelfmark's reading badges and Save
 * controls: nothing about the reader's state (docs/security.md). On a real
 * listing where one work is saved (with a note), one read and one unknown, a
 * script in the page's main world inspects every host Shelfmark drew and
 * finds the three alike: no shadow root it can open, no text, the same
 * markup, box and computed style; nor does the page's own text, a selection
 * of the whole page or the browser's find say what the badges say. The
 * reader, meanwhile, sees the badge and the saved status. Nor can a script
 * save a work with the work page's keyboard shortcut.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readPage } from '../../utils/ao3/page';
import type { WorkBlurb } from '../../utils/ao3/types';
import { snapshotFromBlurb } from '../../utils/db/work-snapshot';
import { realPage, realPageDocument } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import { blurbHost, closedText } from './closed-shadow';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
const WORK_PAGE = 'work-323217-oneshot.html';

/** What the page's main world sees of one blurb's host. */
interface HostView {
  shadowRoot: boolean;
  childNodes: number;
  text: string;
  markup: string;
  box: string;
  style: string;
}

describeRealPages('badges and Save controls, seen from a page script', () => {
  let session: ExtensionSession;
  let page: Page;
  const works = readPage(realPageDocument(LISTING), realPage(LISTING).url).blurbs.filter((b): b is WorkBlurb => b.type === 'work' && b.workId !== null);
  const [saved, read, unknown] = works as [WorkBlurb, WorkBlurb, WorkBlurb];

  let control: Page;

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
    await requestFromPage(control, { type: 'saved/set', workId: saved.workId!, status: 'reading', note: 'a private note' });
    const facts = snapshotFromBlurb(read)!;
    await requestFromPage(control, { type: 'visit/record', work: facts, chapter: null });
    page = await session.openArchivePage(await session.serveRealPage(LISTING));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the reader sees the states', async () => {
    await expect(closedText(page, blurbHost(saved.workId!), '.shelfmark-save-main')).resolves.toContain('Reading');
    await expect(closedText(page, blurbHost(read.workId!), '.shelfmark-badge')).resolves.toMatch(/^Opened/);
    await expect(closedText(page, blurbHost(unknown.workId!), '.shelfmark-save-main')).resolves.toBe('Save');
  });

  it('a page script finds every work blurb’s host alike, whatever the work’s state', async () => {
    const views = await page.evaluate((ids) => ids.map((id) => {
      const host = document.querySelector(`#work_${id} .heading > .shelfmark-host`)!;
      const rect = host.getBoundingClientRect();
      const style = getComputedStyle(host);
      return {
        shadowRoot: host.shadowRoot !== null,
        childNodes: host.childNodes.length,
        text: host.textContent ?? '',
        markup: `<${host.localName} ${Array.from(host.attributes, (a) => `${a.name}="${a.value}"`).join(' ')}>`,
        box: `${rect.width}×${rect.height}`,
        style: Array.from(style, (name) => `${name}:${style.getPropertyValue(name)}`).join(';'),
      };
    }), [saved.workId, read.workId, unknown.workId]) as HostView[];
    expect(views[0]).toMatchObject({ shadowRoot: false, childNodes: 0, text: '', markup: '<span class="shelfmark-host shelfmark-host-blurb">' });
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    // Every work blurb has one, so its presence says nothing either.
    const counts = await page.evaluate(() => ({
      works: document.querySelectorAll('li.work.blurb').length,
      hosts: document.querySelectorAll('li.work.blurb .heading > .shelfmark-host').length,
    }));
    expect(counts.hosts).toBe(counts.works);
  });

  it('nor do the page’s text, a selection of it, the browser’s find or the page’s own classes tell', async () => {
    const seen = await page.evaluate(() => {
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      selection.removeAllRanges();
      const find = (text: string) => {
        getSelection()!.removeAllRanges();
        return (window as unknown as { find(text: string): boolean }).find(text);
      };
      return {
        innerText: document.body.innerText,
        selected,
        found: [find('Opened'), find('a private note'), find('Reading')],
        htmlClass: document.documentElement.className,
      };
    });
    for (const text of [seen.innerText, seen.selected]) {
      expect(text).not.toContain('Opened');
      expect(text).not.toContain('a private note');
    }
    expect(seen.found).toEqual([false, false, false]);
    expect(seen.htmlClass).not.toMatch(/badges/);
  });

  it('a script’s Alt+Shift+S on a work page saves nothing', async () => {
    const work = await session.openArchivePage(await session.serveRealPage(WORK_PAGE));
    await work.waitForFunction(() => document.querySelector('.shelfmark-host-work') !== null);
    await work.evaluate(() => {
      for (const target of [document, document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true }));
      }
    });
    await work.waitForTimeout(500);
    const { states } = await requestFromPage(control, { type: 'works/state', workIds: [323217] });
    expect(states[0]?.saved ?? null).toBeNull();
    await work.close();
  });
});
