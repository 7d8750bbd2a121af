/**
 * The options page's Rules tab over 10,000 rules (every kind, both actions),
 * in real Chromium with the extension loaded. `rules_tab_render_ms` is the
 * page's own measure (components/settings/RulesPanel.tsx) from the rules
 * arriving to the list laid out, median of several page loads; beside it,
 * navigation start → list laid out, which adds the `rules/list` round trip.
 */
import type { Page } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness';
import { importManyRules } from '../../tests/e2e/many-rules';
import { median, round } from '../lib/stats';
import type { BenchSection } from './types';

const RULES = 10_000;
const LOADS = 7;

async function timeLoad(page: Page): Promise<{ renderMs: number; openMs: number; drawn: number }> {
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('sm-rules-render').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    renderMs: performance.getEntriesByName('sm-rules-render')[0]!.duration,
    openMs: performance.getEntriesByName('sm-rules-rendered')[0]!.startTime,
    drawn: document.querySelectorAll('.sm-rule').length,
  }));
}

export async function run(): Promise<BenchSection> {
  const build = process.env.SHELFMARK_BUILD;
  const session = await launchExtension(build ? { extensionPath: build } : {});
  try {
    const page = await session.extensionPage('options.html#rules');
    await page.setViewportSize({ width: 1440, height: 900 });
    await importManyRules(page, RULES);
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await timeLoad(page));
    const renderMs = median(loads.slice(1).map((l) => l.renderMs));
    const openMs = median(loads.slice(1).map((l) => l.openMs));
    return {
      rows: [
        { name: 'rules tab first render (10,000 rules)', value: round(renderMs, 1), unit: 'ms', note: `rules received → list laid out, median of ${LOADS - 1} loads; ${loads[0]!.drawn} rules in the document; target ≤ 150` },
        { name: 'options page open → rules shown', value: round(openMs, 0), unit: 'ms', note: 'navigation start → list laid out, including rules/list' },
      ],
      figures: { rules_tab_render_ms: round(renderMs, 1) },
    };
  } finally {
    await session.close();
  }
}
