// Isolated-world micro bench: each load gets a fresh isolated world (like a content script), runs ENTRY's exp(name).
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { chromiumArgs, chromiumPath, routeArchive, servedKey } from './scripts/lib/chromium';
import { buildLargeListing } from './scripts/lib/large-listing';
import { realPage, realPageHtml, realPages } from './tests/helpers/real-pages';
const entry = process.env.ENTRY ?? '.bench/iso-entry.ts';
const exps = (process.env.EXPS ?? 'read').split(',');
const runs = Number(process.env.RUNS ?? 9);
const r = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, minify: true, target: 'chrome120' });
const bundle = r.outputFiles[0]!.text;
const tag = realPages().filter((p) => p.main.startsWith('works-index'));
const large = buildLargeListing(tag.map((p) => ({ url: p.url, html: realPageHtml(p.file) })), 1000);
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });
const context = await browser.newContext();
const served = await routeArchive(context);
const largeUrl = 'https://archiveofourown.org/tags/Bench/works';
served.set(servedKey(largeUrl), { html: large.html, status: 200 });
const small = realPage('listing-tag-sherlock-holmes.html');
served.set(servedKey(small.url), { html: realPageHtml(small.file), status: 200 });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const { frameTree } = await cdp.send('Page.getFrameTree');
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]!; };
for (const url of (process.env.PAGES ?? 'small,big').split(',').map((p) => (p === 'big' ? largeUrl : small.url))) {
  for (const exp of exps) {
    const times: number[] = [];
    let info = '';
    for (let i = 0; i <= runs; i++) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `iso${Math.random()}` });
      const res = await cdp.send('Runtime.evaluate', { expression: `${bundle}; JSON.stringify(globalThis.__exp(${JSON.stringify(exp)}))`, ...(process.env.WORLD === 'main' ? {} : { contextId: executionContextId }), returnByValue: true });
      if (res.exceptionDetails) { console.log(res.exceptionDetails); process.exit(1); }
      const out = JSON.parse(res.result.value as string) as { ms: number; info?: string };
      if (i > 0) times.push(out.ms);
      info = out.info ?? '';
    }
    console.log(`${url === largeUrl ? 'big  ' : 'small'} ${exp.padEnd(16)} ${med(times).toFixed(2)} ms  (min ${Math.min(...times).toFixed(2)}) ${info}`);
  }
}
await browser.close();
