/**
 * The bench's fuzz run, in a Node process of its own: the rules word their
 * reasons through `browser.i18n`, which Node lacks, so the English messages
 * stand in for it — installed before anything reads `wxt/browser`, which a
 * shared bench process can't promise. Prints one JSON object.
 */
import { messageReader, readMessages } from '../../tests/unit/i18n/english-messages';

const [seed = '1', cases = '2000'] = process.argv.slice(2);
(globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: messageReader(readMessages('en')), getUILanguage: () => 'en' } };

const { realPageHtml, realPages } = await import('../../tests/helpers/real-pages');
const { prepareFuzz, runFuzz } = await import('../lib/page-fuzz-run');

const pages = realPages();
if (pages.length === 0) throw new Error('the real pages are not available (set AO3_PAGES)');
const setup = prepareFuzz(pages.map(({ file, url }) => ({ file, url, html: realPageHtml(file) })));
const started = performance.now();
const run = runFuzz(setup, Number(seed), Number(cases));
const ms = performance.now() - started;
console.log(JSON.stringify({ cases: run.cases, tally: run.tally, failures: run.failures.slice(0, 5), failureCount: run.failures.length, ms }));
