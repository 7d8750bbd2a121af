/**
 * The page fuzzer (scripts/lib/page-fuzz-run.ts) as a bench section, under
 * Node with linkedom like the test suite: a fixed seed, so every run checks
 * the same cases. `fuzz_cases` is how many mutated pages were read and
 * classified with every property holding; a property failing fails the bench.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FuzzFailure, FuzzTally } from '../lib/page-fuzz-run';
import { round } from '../lib/stats';
import type { BenchSection } from './types';

const SEED = 20_261_121;
const CASES = 2_000;

interface EntryResult {
  cases: number;
  tally: FuzzTally;
  failures: FuzzFailure[];
  failureCount: number;
  ms: number;
}

export async function run(): Promise<BenchSection> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'fuzz-entry.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', entry, String(SEED), String(CASES)], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as EntryResult;
  if (result.failureCount > 0) {
    const first = result.failures[0]!;
    throw new Error(`the page fuzzer found ${result.failureCount} failures; first: case seed ${first.seed} on ${first.file}: ${first.property}: ${first.problem}`);
  }
  const reasons = result.tally.backed;
  return {
    rows: [
      { name: 'cases', value: result.cases, unit: 'pages', note: `seed ${SEED}, every property held` },
      { name: 'reasons checked', value: reasons, unit: 'reasons', note: 'hide reasons checked against the markup' },
      { name: 'per case', value: round(result.ms / result.cases, 2), unit: 'ms', note: 'linkedom under Node' },
    ],
    figures: { fuzz_cases: result.cases },
  };
}
