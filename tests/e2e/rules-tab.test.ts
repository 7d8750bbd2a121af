/**
 * The options page's Rules tab with 10,000 rules, in real Chromium: it draws
 * in well under a second with only the rules in view in the document, Tab
 * still walks through every rule, focus comes back to a rule far down the
 * list after its editor closes, grouping and moving work, the "Group by"
 * select is whole at 1280 px, and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchExtension, type ExtensionSession } from './harness';
import { importManyRules } from './many-rules';
import { focused, tabTo } from './tab-focus';

const RULES = 10_000;
const TIMEOUT = { timeout: 15_000 };

const drawnRules = (page: Page) => page.locator('.sm-rule').count();
const toggleLabel = (page: Page, id: string) => page.locator(`[data-rule-id="${id}"] .sm-rule-toggle`).getAttribute('aria-label');

/** Whether the element is wholly inside the rule list's scrolling box. */
const inView = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector('.sm-rule-window')!.getBoundingClientRect();
    const el = document.querySelector(s)!.getBoundingClientRect();
    return el.top >= box.top - 1 && el.bottom <= box.bottom + 1;
  }, selector);

describe('the Rules tab with 10,000 rules', () => {
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.extensionPage('options.html');
    await options.setViewportSize({ width: 1280, height: 800 });
    await importManyRules(options, RULES);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('draws in well under a second, with only the rules in view in the document', async () => {
    await options.getByRole('tab', { name: 'Rules' }).click();
    await expect.poll(() => options.locator('.sm-rules-page > p[role="status"]').textContent(), { timeout: 60_000 }).toBe('10,000 rules');
    await expect.poll(() => drawnRules(options), TIMEOUT).toBeGreaterThan(5);
    expect(await drawnRules(options)).toBeLessThan(60);
    const renderMs = await options.evaluate(() => performance.getEntriesByName('sm-rules-render')[0]?.duration ?? null);
    expect(renderMs).not.toBeNull();
    expect(renderMs!).toBeLessThan(1000);
  });

  it('shows the "Group by" select whole at 1280 px', async () => {
    const widths = await options.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('.sm-rules-toolbar select')!;
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.style.cssText = 'position: absolute; width: auto; visibility: hidden';
      document.body.append(natural);
      const wanted = natural.getBoundingClientRect().width;
      natural.remove();
      return { shown: select.getBoundingClientRect().width, wanted };
    });
    expect(widths.shown).toBeGreaterThanOrEqual(widths.wanted);
  });

  it('Tab walks on through rules that were not drawn at first, keeping the focused one in view', async () => {
    await options.locator('[data-rule-id="many-0"] .sm-rule-toggle').focus();
    const target = '[data-rule-id="many-40"] .sm-rule-toggle';
    expect(await options.locator(target).count()).toBe(0);
    await tabTo(options, target, { max: 300 });
    expect(await inView(options, target)).toBe(true);
    expect(await drawnRules(options)).toBeLessThan(60);
    await tabTo(options, '[data-rule-id="many-35"] .sm-rule-toggle', { backwards: true, max: 40 });
    expect(await inView(options, '[data-rule-id="many-35"] .sm-rule-toggle')).toBe(true);
  });

  it('puts focus back on a rule far down the list after its editor closes', async () => {
    await options.locator('.sm-rule-window').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = `many-${RULES - 1}`;
    await expect.poll(() => options.locator(`[data-rule-id="${last}"]`).count(), TIMEOUT).toBe(1);
    const label = await toggleLabel(options, last);
    await options.locator(`[data-rule-id="${last}"] .sm-text-button`).first().click();
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(options), TIMEOUT).toMatchObject({ label });
    expect(await inView(options, `[data-rule-id="${last}"] .sm-rule-toggle`)).toBe(true);
  });

  it('groups by kind under headings, still drawing only what is in view, and moves a rule within its group', async () => {
    await options.getByLabel('Group by').selectOption('kind');
    await expect.poll(() => options.locator('.sm-rule-window h2').allTextContents(), TIMEOUT).toContain('Tags (5,000)');
    expect(await drawnRules(options)).toBeLessThan(60);
    // The first tag rule moves down past the next tag rule (rules of other kinds lie between them).
    const down = options.locator('[data-rule-id="many-0"] [data-control="down"]');
    await down.click();
    await expect.poll(async () => (await options.locator('section[aria-label="Tags"] .sm-rule').first().getAttribute('data-rule-id')), TIMEOUT).toBe('many-1');
    await expect.poll(() => options.evaluate(() => document.activeElement?.closest('[data-rule-id]')?.getAttribute('data-rule-id')), TIMEOUT).toBe('many-0');
    const ids = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'rules/list' }).then((reply: { value: { rules: Array<{ id: string }> } }) => reply.value.rules.slice(0, 3).map((r) => r.id)));
    expect(ids).toEqual(['many-1', 'many-0', 'many-2']);
  });

  it('has no serious accessibility violation, light or dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options)).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: 'light' });
  });
});
