/**
 * `npm run bench`: every speed figure the project promises, measured in real
 * Chromium (medians of repeated runs). Prints a table, then one JSON line of
 * all figures for machines to read. `npm run bench -- rules storage` runs
 * only the named sections.
 */
// First: the wrangled section's rules word their reasons through browser.i18n, which Node lacks.
import './lib/node-i18n';
import { run as badges } from './bench/badges';
import { run as fuzz } from './bench/fuzz';
import { run as library } from './bench/library';
import { run as listingRules } from './bench/listing-rules';
import { run as pageModel } from './bench/page-model';
import { run as paint } from './bench/paint';
import { run as rulesTab } from './bench/rules-tab';
import { run as soak } from './bench/soak';
import { run as storage } from './bench/storage';
import { run as sync } from './bench/sync';
import { run as wrangled } from './bench/wrangled';
import type { BenchSection } from './bench/types';

const sections: Array<{ key: string; title: string; run: () => Promise<BenchSection> }> = [
  { key: 'page-model', title: 'page model', run: pageModel },
  { key: 'rules', title: 'hide and highlight (extension loaded, 500 rules)', run: listingRules },
  { key: 'paint', title: 'works painted as the page arrives (streamed pages, 500 rules)', run: paint },
  { key: 'badges', title: 'reading badges (extension loaded, every work with history)', run: badges },
  { key: 'storage', title: 'storage (100,000 works, 100,000 reading records, 300,000 visits)', run: storage },
  { key: 'library', title: 'options page Library (10,000 works)', run: library },
  { key: 'rules-tab', title: 'options page Rules tab (10,000 rules)', run: rulesTab },
  { key: 'fuzz', title: 'page fuzzer (mutated real pages, Node)', run: fuzz },
  { key: 'soak', title: 'long session (500 real pages, 500 rules, 5,000 works of history)', run: soak },
  { key: 'sync', title: 'browser sync (10,000 works read, 3,334 saved, 500 rules; Node)', run: sync },
  { key: 'wrangled', title: 'tag families (shared tag pages; 500 rules with 50,000 family names, Node)', run: wrangled },
];

function printTable(title: string, section: BenchSection): void {
  console.log(`\n${title}`);
  const width = Math.max(...section.rows.map((r) => r.name.length), 10);
  for (const row of section.rows) {
    const value = `${row.value.toLocaleString('en-US')} ${row.unit}`;
    console.log(`  ${row.name.padEnd(width)}  ${value.padStart(12)}${row.note ? `  (${row.note})` : ''}`);
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((key) => !sections.some((s) => s.key === key));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${sections.map((s) => s.key).join(', ')}`);
  const figures: Record<string, number> = {};
  for (const section of sections) {
    if (wanted.length > 0 && !wanted.includes(section.key)) continue;
    const result = await section.run();
    printTable(section.title, result);
    Object.assign(figures, result.figures);
  }
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
