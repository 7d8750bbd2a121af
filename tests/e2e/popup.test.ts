/**
 * The popup in real Chromium, over a real listing served at its real URL:
 * rules made through its UI (keyboard and clicks) hide works in the open tab
 * without a reload; the live count, inline errors, the "hide everything"
 * confirmation, undo of a delete and both pauses behave as the reader expects.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRealPages } from '../helpers/real-pages-suite';
import { requestFromPage } from './extension-messages';
import { launchExtension, type ExtensionSession } from './harness';

const LISTING = 'listing-tag-sherlock-holmes.html';
/** The seven works by EdosianOrchids901 on that page, checked by hand. */
const BY_EDOSIAN = ['work_77598646', 'work_77373556', 'work_77306936', 'work_77260741', 'work_77184361', 'work_77132896', 'work_77071126'];
const TIMEOUT = { timeout: 10_000 };

async function hiddenIds(page: Page): Promise<string[]> {
  return page.$$eval('li.blurb.shelfmark-hidden', (els) => els.map((el) => el.id).sort());
}

async function waitForHidden(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('li.blurb.shelfmark-hidden').length === n, count, TIMEOUT);
}

describeRealPages('the popup over a real listing', () => {
  let session: ExtensionSession;
  let listing: Page;
  let popup: Page;

  beforeAll(async () => {
    session = await launchExtension();
    const url = await session.serveRealPage(LISTING);
    listing = await session.context.newPage();
    await listing.goto(url);
    await listing.waitForFunction(() => !document.documentElement.classList.contains('shelfmark-pending'));
    popup = await session.popupFor(url);
  });
  afterAll(async () => {
    await session?.close();
  });

  const pageSection = () => popup.getByRole('region', { name: 'This page' });

  it('says what happened on the page before any rule exists', async () => {
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('0 hidden');
    await expect(pageSection().textContent()).resolves.toContain('of 21 works on this page');
    await expect.poll(() => popup.getByText('No rules yet.', { exact: false }).isVisible(), TIMEOUT).toBe(true);
  });

  it('adds a rule with the keyboard, with a live count, and the listing hides those works without a reload', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Match works by').selectOption('author');
    // Tab to the login field, as a keyboard user would.
    await popup.getByLabel('Match works by').focus();
    await popup.keyboard.press('Tab');
    await expect(popup.evaluate(() => document.activeElement?.closest('.sm-field')?.querySelector('label')?.textContent)).resolves.toBe('Login');
    await popup.keyboard.type('EdosianOrchids901');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toBe('This rule would hide 7 of the 21 works on this page.');

    await popup.keyboard.press('Enter'); // submits the form
    await waitForHidden(listing, 7);
    expect(await hiddenIds(listing)).toEqual([...BY_EDOSIAN].sort());

    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('7 hidden');
    await expect(pageSection().textContent()).resolves.toContain('Author: EdosianOrchids901');
    // Focus came back to the new rule in the list.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), TIMEOUT).toBe('Enabled: Author: EdosianOrchids901');
  });

  it('disables and enables the rule', async () => {
    const toggle = popup.getByRole('checkbox', { name: 'Enabled: Author: EdosianOrchids901' });
    await toggle.press('Space');
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('0 hidden');
    await toggle.click();
    await waitForHidden(listing, 7);
  });

  it('deletes the rule and Undo brings it back, same id and fields', async () => {
    await popup.getByRole('button', { name: 'Delete: Author: EdosianOrchids901' }).click();
    await waitForHidden(listing, 0);
    const undo = popup.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.isVisible(), TIMEOUT).toBe(true);
    await expect(popup.getByRole('status').filter({ hasText: 'Deleted' }).textContent()).resolves.toContain('Deleted “Author: EdosianOrchids901”');
    // Focus is on Undo: one keypress restores.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent), TIMEOUT).toBe('Undo');
    await popup.screenshot({ path: '/tmp/popup-undo.png', fullPage: true });
    await popup.keyboard.press('Enter');
    await waitForHidden(listing, 7);
    await expect.poll(() => popup.getByRole('checkbox', { name: 'Enabled: Author: EdosianOrchids901' }).isChecked(), TIMEOUT).toBe(true);
  });

  it('shows an inline error for an unsafe regular expression and will not save it', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Compare as').selectOption('regex');
    await popup.getByLabel('Regular expression').fill('(a+)+$');
    const error = popup.locator('.sm-field-error');
    await expect.poll(() => error.count(), TIMEOUT).toBe(1);
    await expect(error.textContent()).resolves.toMatch(/regular expression/i);
    await expect(popup.getByLabel('Regular expression').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(popup.getByRole('button', { name: 'Save rule' }).isDisabled()).resolves.toBe(true);
    await popup.getByRole('button', { name: 'Cancel' }).click();
  });

  it('asks before saving a rule that would hide every work on the page', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByLabel('Match works by').selectOption('trait');
    await popup.getByLabel('Detail').selectOption('words');
    await popup.getByLabel('At least (words)').fill('1');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toBe('This rule would hide 21 of the 21 works on this page.');
    await popup.getByRole('button', { name: 'Save rule' }).click();
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent(), TIMEOUT).toBe('This rule would hide all 21 works on this page. Save it anyway?');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent), TIMEOUT).toBe('Save anyway');
    await popup.screenshot({ path: '/tmp/popup-confirm.png', fullPage: true });
    await popup.getByRole('button', { name: 'Keep editing' }).click();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    // Nothing was saved.
    expect(await hiddenIds(listing)).toHaveLength(7);
    await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(1);
  });

  it('offers the tags on the page while adding a tag rule (combobox and listbox)', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    const input = popup.getByRole('combobox', { name: 'Tag' });
    await input.focus();
    await popup.keyboard.type('sherl');
    const listbox = popup.getByRole('listbox', { name: 'Suggested tags' });
    await expect.poll(() => listbox.isVisible(), TIMEOUT).toBe(true);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = await listbox.getByRole('option').first().locator('.sm-option-name').textContent();
    expect(first?.toLowerCase()).toContain('sherl');
    await popup.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await popup.screenshot({ path: '/tmp/popup-suggest.png', fullPage: true });
    await popup.keyboard.press('Enter');
    await expect(input.inputValue()).resolves.toBe(first);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toMatch(/This rule would hide \d+ of the 21 works on this page\./);
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: '/tmp/popup-editor.png', fullPage: true });
    await popup.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a highlight rule and moves it up with the keyboard', async () => {
    await popup.getByRole('button', { name: 'Add rule' }).click();
    await popup.getByRole('radio', { name: 'Highlight it' }).check();
    await popup.getByLabel('In', { exact: true }).selectOption('freeform');
    await popup.getByRole('combobox', { name: 'Tag' }).fill('Fluff');
    await expect.poll(() => popup.locator('.sm-preview').textContent(), TIMEOUT).toMatch(/^This rule would highlight \d+ of the 21 works on this page\.$/);
    await popup.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => popup.locator('.sm-rule').count(), TIMEOUT).toBe(2);
    await listing.waitForFunction(() => document.querySelectorAll('li.blurb.shelfmark-highlighted').length > 0, undefined, TIMEOUT);

    const moveUp = popup.getByRole('button', { name: 'Move up: Tag: Fluff' });
    await moveUp.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.sm-rule-name').allTextContents(), TIMEOUT).toEqual(['Highlight Tag: Fluff', 'Hide Author: EdosianOrchids901']);
    // At the top "Move up" is disabled, so focus moved to "Move down" of the same rule.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), TIMEOUT).toBe('Move down: Tag: Fluff');
    const stored = await requestFromPage(popup, { type: 'rules/list' });
    expect(stored.rules.map((rule) => rule.match.kind)).toEqual(['tag', 'author']);
    expect(await hiddenIds(listing)).toEqual([...BY_EDOSIAN].sort());
  });

  it('pauses on this page and everywhere', async () => {
    const pauseHere = popup.getByRole('switch', { name: 'Pause rules on this page' });
    await pauseHere.click();
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('Paused on this page');
    await pauseHere.click();
    await waitForHidden(listing, 7);

    const pauseAll = popup.getByRole('switch', { name: 'Pause all rules' });
    await pauseAll.click();
    await waitForHidden(listing, 0);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('Rules are paused everywhere');
    await pauseAll.click();
    await waitForHidden(listing, 7);
    await expect.poll(() => pageSection().textContent(), TIMEOUT).toContain('7 hidden');
  });

  it('looks right in light and dark', async () => {
    await pageSection().locator('summary').first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: scheme === 'light' ? '/tmp/popup.png' : '/tmp/popup-dark.png', fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('button', { name: 'Edit: Author: EdosianOrchids901' }).click();
    await popup.screenshot({ path: '/tmp/popup-editor-dark.png', fullPage: true });
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});
