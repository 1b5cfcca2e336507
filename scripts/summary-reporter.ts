import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';

/** What one run adds up to; `failures` says what the failed count is made of. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

/**
 * Prints one plain closing line after the run, which any CI log reader understands:
 *
 *     tests: N passed, N failed[, N skipped][ (failed: what failed besides tests)]
 *
 * The line agrees with vitest's exit code: "0 failed" exactly when the run exits 0. A file that
 * failed to load, a failing beforeAll/afterAll, an unhandled error or an interrupted run each
 * count as a failure — vitest reports the tests such a file never ran as skipped, and a plain
 * count of test states would call the run clean. With `CI` set, a skipped test is a failure
 * too (and fails the run): CI must run everything, so a missing browser or Redis cannot pass by
 * testing nothing.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[], reason: TestRunEndReason): void {
    const tally = tallyRun({ testModules, unhandledErrors, reason, ci: Boolean(process.env.CI) });
    // vitest has already set the exit code for failed tests, hooks, files and unhandled errors;
    // anything else it failed the run for still shows as a failure in the line ...
    if (process.exitCode !== undefined && Number(process.exitCode) !== 0 && tally.failed === 0) {
      tally.failed = 1;
      tally.failures.push(testModules.length === 0 ? 'no test files ran' : 'the runner failed the run');
    }
    // ... and what only this line counts as failed (skipped under CI) fails the run as well
    if (tally.failed > 0) process.exitCode = 1;
    process.stdout.write(`\n${closingLine(tally)}\n`);
  }
}

/** Counts one run's tests; see {@link SummaryReporter} for the rules. */
export function tallyRun(run: { testModules: readonly TestModule[]; unhandledErrors: readonly SerializedError[]; reason: TestRunEndReason; ci: boolean }): Tally {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  // `one`/`many` read after a count: "1 test", "2 tests"
  const fail = (count: number, [one, many]: [string, string]) => {
    if (count === 0) return;
    tally.failed += count;
    tally.failures.push(`${count} ${count === 1 ? one : many}`);
  };
  let failedTests = 0;
  let notRun = 0;
  let ciSkipped = 0;
  const failedHolders: string[] = [];
  for (const module of run.testModules) {
    // projects hold files of the same relative name (test/index.test.ts): say whose
    const fileName = module.project.name ? `${module.project.name} ${module.relativeModuleId}` : module.relativeModuleId;
    // each file or suite whose own code failed (import, describe body, beforeAll/afterAll) is a
    // failure of its own, even when it holds no tests or all of them passed
    for (const holder of [module, ...module.children.allSuites()]) {
      if (holder.errors().length > 0) failedHolders.push(holder.type === 'module' ? fileName : `${fileName} > ${holder.fullName}`);
    }
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') tally.passed++;
      else if (state === 'failed') failedTests++;
      else if (underFailedHolder(test)) notRun++;
      else if (run.ci) ciSkipped++;
      else tally.skipped++;
    }
  }
  failedHolders.sort();
  const named = failedHolders.slice(0, 3).join(', ') + (failedHolders.length > 3 ? ', …' : '');
  fail(failedTests, ['test', 'tests']);
  fail(failedHolders.length, [`file or suite that failed to load or in a beforeAll/afterAll hook (${named})`, `files or suites that failed to load or in a beforeAll/afterAll hook (${named})`]);
  fail(notRun, ['test that never ran because its file or suite failed', 'tests that never ran because their file or suite failed']);
  fail(ciSkipped, ['skipped test (CI runs every test)', 'skipped tests (CI runs every test)']);
  fail(run.unhandledErrors.length, ['unhandled error', 'unhandled errors']);
  fail(run.reason === 'interrupted' ? 1 : 0, ['interrupted run', '']);
  return tally;
}

/** `tests: N passed, N failed[, N skipped]`, naming what failed when it is more than tests. */
export function closingLine(tally: Tally): string {
  const skipped = tally.skipped ? `, ${tally.skipped} skipped` : '';
  const onlyTests = tally.failures.every((what) => /^\d+ tests?$/.test(what));
  const detail = tally.failed && !onlyTests ? ` (failed: ${tally.failures.join('; ')})` : '';
  return `tests: ${tally.passed} passed, ${tally.failed} failed${skipped}${detail}`;
}

/** Whether a file or suite around `test` failed, so that it never ran (vitest calls it skipped). */
function underFailedHolder(test: TestCase): boolean {
  let holder: TestSuite | TestModule = test.parent;
  for (;;) {
    if (holder.errors().length > 0) return true;
    if (holder.type === 'module') return false;
    holder = holder.parent;
  }
}
