/**
 * The controls Shelfmark puts above a listing, in real Chromium: "Show all" /
 * "Hide again" over a real listing (the placeholders give way to the works and
 * come back, the summary line stays, focus stays on the button), also with
 * hidden works removed entirely; and "Show hidden tags" where the reader's
 * archive preferences hide additional tags: once the archive has loaded them,
 * the works are classified again, so a rule on such a tag hides its work.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, checked by hand. */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
const TIMEOUT = { timeout: 10_000 };

/** Of the given blurbs, those whose heading the reader can see. */
async function visibleWorks(page: Page, ids: readonly string[]): Promise<string[]> {
  const visible: string[] = [];
  for (const id of ids) if (await page.locator(`#${id} h4.heading`).isVisible()) visible.push(id);
  return visible;
}

const placeholderButtons = (page: Page) => page.$$eval('li.blurb.shelfmark-hidden > .shelfmark-placeholder > .shelfmark-show', (els) => els.map((el) => `${el.textContent} ${el.getAttribute('aria-expanded')}`));

describeRealPages('"Show all" and "Hide again" on a real listing', () => {
  let session: ExtensionSession;
  let control: Page;
  let url: string;

  beforeAll(async () => {
    session = await launchExtension();
    url = await session.serveRealPage(LISTING);
    control = await session.extensionPage('popup.html');
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'hide-edosian', action: 'hide', match: { kind: 'author', login: 'EdosianOrchids901' }, enabled: true },
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows every hidden work and hides them again, from the keyboard, focus staying on the button', async () => {
    const page = await session.openArchivePage(url);
    const summary = page.locator('.shelfmark-summary');
    const toggle = summary.getByRole('button');
    await expect.poll(() => summary.textContent(), TIMEOUT).toBe('7 of 21 works hidden·Show all');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual([]);
    expect(await page.locator('li.blurb.shelfmark-hidden > .shelfmark-placeholder').count()).toBe(7);
    expect(await placeholderButtons(page)).toEqual(Array(7).fill('Show false'));

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.textContent(), TIMEOUT).toBe('Hide again');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual(BY_EDOSIAN);
    // Each shown work keeps its reasons above it, with its own "Hide".
    expect(await placeholderButtons(page)).toEqual(Array(7).fill('Hide true'));
    await expect(summary.locator('span').first().textContent()).resolves.toBe('7 of 21 works hidden');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hide again');

    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.textContent(), TIMEOUT).toBe('Show all');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual([]);
    expect(await placeholderButtons(page)).toEqual(Array(7).fill('Show false'));
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Show all');
    await page.close();
  });

  it('brings back works removed entirely (no placeholders) and removes them again', async () => {
    await requestFromPage(control, { type: 'settings/set', values: { hiddenWorks: 'remove' } });
    const page = await session.openArchivePage(url);
    const toggle = page.locator('.shelfmark-summary').getByRole('button');
    await expect.poll(() => page.locator('li.blurb.shelfmark-removed').count(), TIMEOUT).toBe(7);
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual([]);
    await toggle.click();
    await expect.poll(() => page.locator('li.blurb.shelfmark-removed').count(), TIMEOUT).toBe(0);
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual(BY_EDOSIAN);
    await toggle.click();
    await expect.poll(() => page.locator('li.blurb.shelfmark-removed').count(), TIMEOUT).toBe(7);
    expect(await visibleWorks(page, BY_EDOSIAN)).toEqual([]);
    await requestFromPage(control, { type: 'settings/set', values: { hiddenWorks: 'placeholder' } });
    await page.close();
  });
});

const HIDDEN_TAGS_URL = 'https://archiveofourown.org/tags/Example%20Fandom/works';
/** A listing for a reader whose archive preferences hide warnings and additional tags (work 701 has both hidden). */
const HIDDEN_TAGS_PAGE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ao3/hidden-tags.html'), 'utf8');
/**
 * The archive's part, which tests don't serve: its "Show additional tags" link
 * asks for the tags (data-remote) and puts them in place of the link's list item.
 */
const ARCHIVE_LOADS_HIDDEN_TAGS = `<script>
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-remote]');
  if (!link) return;
  event.preventDefault();
  const item = link.closest('li');
  const tags = item.classList.contains('freeforms') ? ['Spoilers', 'Angst'] : ['Major Character Death'];
  setTimeout(() => {
    item.replaceWith(...tags.map((tag) => {
      const li = document.createElement('li');
      li.className = item.className;
      const a = document.createElement('a');
      a.className = 'tag';
      a.href = '/tags/' + encodeURIComponent(tag) + '/works';
      a.textContent = tag;
      li.append(a);
      return li;
    }));
  }, 100);
});
</script>`;

describe('"Show hidden tags"', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    const control = await session.extensionPage('popup.html');
    await requestFromPage(control, {
      type: 'rules/put',
      rule: { id: 'hide-spoilers', action: 'hide', match: { kind: 'tag', slot: 'freeform', text: 'Spoilers', mode: 'exact' }, enabled: true },
    });
    await control.close();
    await session.servePage(HIDDEN_TAGS_URL, HIDDEN_TAGS_PAGE.replace('</body>', `${ARCHIVE_LOADS_HIDDEN_TAGS}</body>`));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the tags the archive hides, and a rule on one of them then hides its work', async () => {
    const page = await session.openArchivePage(HIDDEN_TAGS_URL);
    const notice = page.locator('.shelfmark-hidden-tags-notice');
    await expect.poll(() => notice.count(), TIMEOUT).toBe(1);
    // The rule can't see work 701's additional tags yet: nothing is hidden.
    expect(await page.locator('li.blurb.shelfmark-hidden').count()).toBe(0);

    await notice.getByRole('button', { name: 'Show hidden tags' }).click();
    await expect.poll(() => page.locator('#work_701 li.freeforms a.tag').allTextContents(), TIMEOUT).toEqual(['Spoilers', 'Angst']);
    await expect.poll(() => page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id)), TIMEOUT).toEqual(['work_701']);
    await expect(page.locator('#work_701 .shelfmark-placeholder').textContent()).resolves.toContain('Spoilers');
    await expect(page.locator('.shelfmark-summary span').first().textContent()).resolves.toBe('1 of 2 works hidden');
    expect(await notice.count()).toBe(0);
    // The page stayed where it was: the archive's link was followed by its script, not as a navigation.
    expect(page.url()).toBe(HIDDEN_TAGS_URL);
    await page.close();
  });
});
