/**
 * The page model and the rules under a seeded fuzzer of the real pages
 * (scripts/lib/page-fuzzer.ts; the properties are listed in
 * scripts/lib/page-fuzz-run.ts). Every run prints its seed:
 *
 *   FUZZ_SEED=123 npx vitest run tests/real-pages/fuzz.test.ts   repeats a run
 *   FUZZ_CASE=456 npx vitest run tests/real-pages/fuzz.test.ts   runs one failed case (its seed is in the report)
 *   FUZZ_CASES=20000 …                                          runs longer
 */
import { expect, it } from 'vitest';
import { realPageHtml, realPages } from '../helpers/real-pages';
import { describeRealPages } from '../helpers/real-pages-suite';
import {
  describeTally,
  emptyTally,
  prepareFuzz,
  runFuzz,
  runFuzzCase,
  type FuzzFailure,
  type FuzzRun,
} from '../../scripts/lib/page-fuzz-run';

const DEFAULT_CASES = 2_000;
/** Failures printed in full; the rest are counted. */
const SHOWN_FAILURES = 10;

function numberFromEnv(name: string): number | null {
  const value = process.env[name];
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function report(failure: FuzzFailure): string {
  return [
    `case seed ${failure.seed} (FUZZ_CASE=${failure.seed}) on ${failure.file}`,
    `  property: ${failure.property}`,
    `  problem: ${failure.problem}`,
    ...failure.mutations.map((m) => `  mutation: ${m}`),
  ].join('\n');
}

describeRealPages('page model and rules under the fuzzer', () => {
  it('hold every property over every case', () => {
    const setup = prepareFuzz(realPages().map(({ file, url }) => ({ file, url, html: realPageHtml(file) })));
    const oneCase = numberFromEnv('FUZZ_CASE');
    let run: FuzzRun;
    if (oneCase !== null) {
      const tally = emptyTally();
      run = { seed: oneCase, cases: 1, tally, failures: runFuzzCase(setup, oneCase, tally) };
      console.log(`page fuzz: case seed ${oneCase} alone`);
    } else {
      const seed = numberFromEnv('FUZZ_SEED') ?? Math.floor(Math.random() * 2 ** 31);
      const cases = numberFromEnv('FUZZ_CASES') ?? DEFAULT_CASES;
      console.log(`page fuzz: seed ${seed} (FUZZ_SEED=${seed} repeats this run), ${cases} cases`);
      run = runFuzz(setup, seed, cases);
    }
    console.log(
      [`page fuzz: ${run.cases} cases over ${setup.sources.length} real pages; properties checked:`, ...describeTally(run.tally).map((line) => `  ${line}`)].join('\n'),
    );

    // The properties were exercised, not vacuously true: pages were read, and rules hid works.
    expect(run.tally.readPage + run.failures.length).toBeGreaterThan(0);
    if (oneCase === null) expect(run.tally.backed).toBeGreaterThan(run.cases);

    const shown = run.failures.slice(0, SHOWN_FAILURES).map(report);
    if (run.failures.length > SHOWN_FAILURES) shown.push(`…and ${run.failures.length - SHOWN_FAILURES} more`);
    expect(shown, `seed ${run.seed}: ${run.failures.length} failures`).toEqual([]);
  }, 180_000);
});
