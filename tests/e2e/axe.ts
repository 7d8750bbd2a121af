/**
 * axe-core in a real page: injected from node_modules, run over the whole
 * page or only some of its elements, and its serious and critical findings
 * described one per line, so a failing test says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Puts axe in the page. Extension pages forbid inline scripts (`script-src 'self'`), so there the
 * source is evaluated through the debugging protocol instead of added as a script tag.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (page.url().startsWith('chrome-extension://')) await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  else await page.addScriptTag({ path: AXE_SCRIPT });
}

/** Runs axe on `page` (within `context` when given); returns the serious and critical violations, one line per element. */
export async function seriousViolations(page: Page, context?: ElementContext, options: RunOptions = {}): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    ([ctx, opts]) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(ctx ?? document, opts),
    [context ?? null, options] as const,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`));
}
