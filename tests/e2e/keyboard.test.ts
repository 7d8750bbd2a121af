/**
 * Keyboard-only paths in real Chromium: no clicks and no programmatic focus,
 * only Tab, Shift+Tab, Enter, Space, Escape, arrows and Alt+Shift+S. Saving
 * from a listing blurb and from a work page; "hide works with this tag" from
 * the quick-action menu, then Undo; and rule editing in the popup — add,
 * edit, turn off, delete and Undo, and focus returning after the options page's editor closes. Every
 * control reached shows its focus.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { blurbHost, closedAttribute, closedCount, closedText, deepFocused, PANEL_HOST, tabToDeep, type DeepFocus } from './closed-shadow';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';
import { focused, focusVisible, tabTo } from './tab-focus';

const LISTING = 'listing-tag-sherlock-holmes.html';
const WORK_PAGE = 'work-323217-oneshot.html';
const TIMEOUT = { timeout: 10_000 };

const BLURB = '#work_77862241';
const panelCount = (page: Page) => closedCount(page, PANEL_HOST, '[role="dialog"]');
const isControl = (className: string) => (focus: DeepFocus) => focus.className === className && focus.inside;

const hiddenCount = (page: Page) => page.evaluate(() => document.querySelectorAll('li.blurb.shelfmark-hidden').length);

describeRealPages('keyboard only', () => {
  let session: ExtensionSession;
  let control: Page;

  const savedStatus = async (workId: number) => (await requestFromPage(control, { type: 'works/state', workIds: [workId] })).states[0]?.saved?.status ?? null;

  beforeAll(async () => {
    session = await launchExtension();
    control = await session.extensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });
  const deleteAllRules = async () => {
    for (const rule of (await requestFromPage(control, { type: 'rules/list' })).rules) await requestFromPage(control, { type: 'rules/delete', id: rule.id });
  };

  describe('on the archive’s pages', () => {
    beforeEach(deleteAllRules);

    it('saves a work from a listing blurb, then changes its status in the panel and closes it', async () => {
      const page = await session.openArchivePage(await session.serveRealPage(LISTING));
      await tabToDeep(page, isControl('shelfmark-save-main'), { within: BLURB });
      expect((await deepFocused(page)).visible).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => savedStatus(77862241), TIMEOUT).toBe('to-read');
      await expect.poll(() => closedText(page, blurbHost(77862241), '.shelfmark-save-main'), TIMEOUT).toContain('To read');

      // The ▾ button is next; the panel opens on the checked status.
      await page.keyboard.press('Tab');
      await expect(deepFocused(page)).resolves.toMatchObject({ className: 'shelfmark-save-more', visible: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(1);
      await expect(closedAttribute(page, PANEL_HOST, '[role="dialog"]', 'aria-label')).resolves.toBe('Save “His First Kiss”');
      await expect(deepFocused(page)).resolves.toMatchObject({ value: 'to-read' });
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => savedStatus(77862241), TIMEOUT).toBe('reading');
      expect((await deepFocused(page)).visible).toBe(true);

      // Tab through the panel's controls and out of its end: it closes, and focus goes on from its button.
      for (const name of ['Note', 'Save note', 'Remove from saved']) {
        await page.keyboard.press('Tab');
        const now = await deepFocused(page);
        expect(now.label ?? now.text).toBe(name);
        expect(now.visible).toBe(true);
      }
      await page.keyboard.press('Tab');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(0);
      await expect(deepFocused(page, BLURB)).resolves.toMatchObject({ inside: true });

      // Shift+Tab back to ▾, open again, Escape: closed, focus on ▾.
      await tabToDeep(page, isControl('shelfmark-save-more'), { backwards: true, max: 10, within: BLURB });
      await page.keyboard.press('Space');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(0);
      await expect(deepFocused(page)).resolves.toMatchObject({ className: 'shelfmark-save-more' });
      await page.close();
    });

    it('saves from a work page with Alt+Shift+S, and the same keys open the panel once saved', async () => {
      const page = await session.context.newPage();
      await page.goto(await session.serveRealPage(WORK_PAGE));
      await page.waitForFunction(() => document.querySelector('.shelfmark-host-work') !== null, null, TIMEOUT);
      await page.keyboard.press('Alt+Shift+KeyS');
      await expect.poll(() => savedStatus(323217), TIMEOUT).toBe('to-read');
      await page.keyboard.press('Alt+Shift+KeyS');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(1);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => savedStatus(323217), TIMEOUT).toBe('reading');
      await page.keyboard.press('Escape');
      await expect.poll(() => panelCount(page), TIMEOUT).toBe(0);
      await expect(deepFocused(page)).resolves.toMatchObject({ className: 'shelfmark-save-more' });
      await page.close();
    });

    it('hides works with a tag from the quick-action menu, and Undo brings them back', async () => {
      const page = await session.openArchivePage(await session.serveRealPage(LISTING));
      await tabTo(page, { selector: '#work_77373556 li.freeforms a.tag', text: 'Platonic Cuddling' });
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ className: 'shelfmark-quick-action', label: 'Shelfmark actions for Platonic Cuddling' });
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await expect(focused(page)).resolves.toMatchObject({ text: 'Hide works tagged “Platonic Cuddling”' });
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => hiddenCount(page), TIMEOUT).toBe(3);

      // The focused blurb went: focus is on the toast's Undo, which stays while it has focus.
      await expect.poll(() => focused(page), TIMEOUT).toMatchObject({ text: 'Undo' });
      expect(await focusVisible(page)).toBe(true);
      await page.waitForTimeout(8_500);
      await expect(focused(page)).resolves.toMatchObject({ text: 'Undo' });
      await page.keyboard.press('Enter');
      await expect.poll(() => hiddenCount(page), TIMEOUT).toBe(0);
      expect((await requestFromPage(control, { type: 'rules/list' })).rules).toEqual([]);
      // Back on the link the reader started from.
      await expect.poll(() => focused(page), TIMEOUT).toMatchObject({ tag: 'a', text: 'Platonic Cuddling' });
      await page.close();
    });

    it('Escape on the toast keeps the rule and puts focus on the hidden work’s Show button', async () => {
      const page = await session.openArchivePage(await session.serveRealPage(LISTING));
      await tabTo(page, '#work_77598646 a[rel="author"]');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown'); // past "Highlight works by …"
      await expect(focused(page)).resolves.toMatchObject({ text: 'Hide this work' });
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page), TIMEOUT).toMatchObject({ text: 'Undo' });
      await expect.poll(() => hiddenCount(page), TIMEOUT).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page), TIMEOUT).toMatchObject({ className: 'shelfmark-button shelfmark-show' });
      await expect(page.evaluate(() => document.activeElement?.closest('li.blurb')?.id)).resolves.toBe('work_77598646');
      // Show reveals the work, from the keyboard too.
      await page.keyboard.press('Enter');
      await expect(page.locator('#work_77598646').getAttribute('class')).resolves.toContain('shelfmark-revealed');
      expect((await requestFromPage(control, { type: 'rules/list' })).rules).toHaveLength(1);
      await page.close();
    });
  });

  describe('rule editing in the popup', () => {
    let listing: Page;
    let popup: Page;
    const RULE = 'Author: EdosianOrchids901';

    beforeAll(async () => {
      await deleteAllRules();
      const url = await session.serveRealPage(LISTING);
      listing = await session.openArchivePage(url);
      popup = await session.popupFor(url);
      await popup.getByRole('button', { name: 'Add rule' }).waitFor();
    });
    beforeEach(async () => {
      await popup.reload();
      await popup.getByRole('button', { name: 'Add rule' }).waitFor();
    });

    it('adds a rule: Add rule, the editor takes focus, fields by Tab, Enter saves', async () => {
      await tabTo(popup, '#sm-add-rule');
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      // Focus starts in the editor, on the checked action.
      await expect.poll(() => focused(popup), TIMEOUT).toMatchObject({ tag: 'input', text: '' });
      await expect(popup.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('hide');
      expect(await focusVisible(popup)).toBe(true);
      await tabTo(popup, 'select[id$="-kind"]', { max: 6 }); // past the hidden-works severity
      await popup.keyboard.press('ArrowDown'); // tag → author
      await expect(popup.evaluate(() => (document.activeElement as HTMLSelectElement).value)).resolves.toBe('author');
      await popup.keyboard.press('Tab');
      await popup.keyboard.type('EdosianOrchids901');
      await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toBe('This rule would hide 7 of the 21 works on this page.');
      await popup.keyboard.press('Enter');
      await expect.poll(() => hiddenCount(listing), TIMEOUT).toBe(7);
      await expect.poll(() => focused(popup), TIMEOUT).toMatchObject({ label: `Enabled: ${RULE}` });
    });

    it('edits it: Edit, arrows to "Highlight it", Tab to Save changes', async () => {
      await tabTo(popup, { selector: 'button', name: `Edit: ${RULE}` });
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), TIMEOUT).toBe('hide');
      await popup.keyboard.press('ArrowRight');
      await expect(popup.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('highlight');
      await tabTo(popup, { selector: 'button[type="submit"]', text: 'Save changes' });
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      await expect.poll(() => hiddenCount(listing), TIMEOUT).toBe(0);
      await expect.poll(() => listing.evaluate(() => document.querySelectorAll('li.blurb.shelfmark-highlighted').length), TIMEOUT).toBe(7);
      await expect.poll(() => focused(popup), TIMEOUT).toMatchObject({ label: `Enabled: ${RULE}` });
      const [rule] = (await requestFromPage(control, { type: 'rules/list' })).rules;
      expect(rule?.action).toBe('highlight');
    });

    it('turns it off with Space and on again', async () => {
      await tabTo(popup, { selector: 'input[type="checkbox"]', name: `Enabled: ${RULE}` });
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Space');
      await expect.poll(async () => (await requestFromPage(control, { type: 'rules/list' })).rules[0]?.enabled, TIMEOUT).toBe(false);
      await popup.keyboard.press('Space');
      await expect.poll(async () => (await requestFromPage(control, { type: 'rules/list' })).rules[0]?.enabled, TIMEOUT).toBe(true);
      // Twice at once: the second press is saved after the first, not dropped while the first is saving.
      await popup.keyboard.press('Space');
      await popup.keyboard.press('Space');
      await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement).checked), TIMEOUT).toBe(true);
      await expect.poll(async () => (await requestFromPage(control, { type: 'rules/list' })).rules[0]?.enabled, TIMEOUT).toBe(true);
    });

    it('deletes it, and Undo (focused at once) brings it back', async () => {
      await tabTo(popup, { selector: 'button', name: `Delete: ${RULE}` });
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      await expect.poll(async () => (await requestFromPage(control, { type: 'rules/list' })).rules, TIMEOUT).toEqual([]);
      await expect.poll(() => focused(popup), TIMEOUT).toMatchObject({ text: 'Undo' });
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      await expect.poll(async () => (await requestFromPage(control, { type: 'rules/list' })).rules.length, TIMEOUT).toBe(1);
      await expect.poll(() => focused(popup), TIMEOUT).toMatchObject({ label: `Enabled: ${RULE}` });
    });

    it('in the options page too, closing the editor puts focus back on what opened it', async () => {
      const options = await session.extensionPage('options.html#rules');
      await tabTo(options, { selector: 'button', name: `Edit: ${RULE}` });
      await options.keyboard.press('Enter');
      await expect.poll(() => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), TIMEOUT).toBe('highlight');
      await tabTo(options, { selector: 'button', text: 'Cancel' });
      await options.keyboard.press('Enter');
      await expect.poll(() => focused(options), TIMEOUT).toMatchObject({ label: `Enabled: ${RULE}` });

      await tabTo(options, { selector: 'button', text: 'Add rule' });
      await options.keyboard.press('Enter');
      await expect.poll(() => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), TIMEOUT).toBe('hide');
      await tabTo(options, { selector: 'button', text: 'Cancel' });
      await options.keyboard.press('Enter');
      await expect.poll(() => focused(options), TIMEOUT).toMatchObject({ tag: 'button', text: 'Add rule' });
      expect(await focusVisible(options)).toBe(true);
      await options.close();
    });
  });
});
