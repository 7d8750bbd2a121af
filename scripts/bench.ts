/**
 * `npm run bench`: every speed figure the project promises, measured in real
 * Chromium (medians of repeated runs). Prints a table, then one JSON line of
 * all figures for machines to read.
 */
import { run as listingRules } from './bench/listing-rules';
import { run as pageModel } from './bench/page-model';
import { run as storage } from './bench/storage';
import type { BenchSection } from './bench/types';

const sections: Array<[string, () => Promise<BenchSection>]> = [
  ['page model', pageModel],
  ['hide and highlight', listingRules],
  ['storage (100,000 works, 100,000 reading records, 300,000 visits)', storage],
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
  const figures: Record<string, number> = {};
  for (const [title, run] of sections) {
    const section = await run();
    printTable(title, section);
    Object.assign(figures, section.figures);
  }
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
