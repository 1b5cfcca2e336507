import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The closing line `tests: N passed, N failed[, N skipped]` is what people and CI read: it must
// agree with vitest's exit code whatever went wrong. Each case runs a real vitest, in a child
// process, on tiny fixture files (scripts/test/fixtures/reporter) with only this reporter.
const FIXTURES = join(import.meta.dirname, 'fixtures', 'reporter');
// vitest's bin (its package exports name no subpath for it)
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Runs vitest on the named fixtures; answers the exit code and the closing line. */
function runFixtures(names: string[], env: { CI?: string } = {}): Promise<{ code: number; line: string; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.CI) delete childEnv.CI;
  // vitest's own markers would make the child think it runs inside a test
  delete childEnv.VITEST;
  delete childEnv.VITEST_WORKER_ID;
  delete childEnv.VITEST_POOL_ID;
  delete childEnv.TEST;
  // vitest takes a filter as a substring of the path: no fixture name is part of another's
  const filters = names.map((name) => `${name}.fixture.ts`);
  return new Promise((resolve) => {
    execFile(process.execPath, [VITEST, 'run', '--config', join(FIXTURES, 'vitest.config.ts'), ...filters], { env: childEnv, cwd: FIXTURES }, (error, stdout, stderr) => {
      const code = error ? Number(error.code ?? 1) : 0;
      const lines = stdout.split('\n').filter((line) => line.startsWith('tests: '));
      resolve({ code, line: lines.join('\n'), output: `${stdout}\n${stderr}` });
    });
  });
}

// each case starts a vitest of its own: generous on a shared, loaded machine
describe('the summary reporter agrees with vitest exit code', { timeout: 90_000 }, () => {
  it('passing tests: 0 failed, exit 0', async () => {
    const run = await runFixtures(['passes']);
    expect(run.line).toBe('tests: 1 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('a skipped test is reported as skipped, never as passed, and outside CI the run passes', async () => {
    const run = await runFixtures(['skips']);
    expect(run.line).toBe('tests: 1 passed, 0 failed, 1 skipped');
    expect(run.code).toBe(0);
  });

  it('with CI set, a skipped test fails the run and is counted as failed', async () => {
    const run = await runFixtures(['skips'], { CI: 'true' });
    expect(run.line).toBe('tests: 1 passed, 1 failed (failed: 1 skipped test (CI runs every test))');
    expect(run.code).toBe(1);
  });

  it('a failing test: counted, exit 1', async () => {
    const run = await runFixtures(['one-failing-test']);
    expect(run.line).toBe('tests: 1 passed, 1 failed');
    expect(run.code).toBe(1);
  });

  it('a file that throws at import counts as failed (it holds no tests vitest could count)', async () => {
    const run = await runFixtures(['throws-on-import', 'passes']);
    expect(run.line).toBe('tests: 1 passed, 1 failed (failed: 1 file or suite that failed to load or in a beforeAll/afterAll hook (throws-on-import.fixture.ts))');
    expect(run.code).toBe(1);
  });

  it('a failing file-level beforeAll: the file and the tests it kept from running are failed, not skipped', async () => {
    const run = await runFixtures(['failing-before-all']);
    expect(run.line).toBe(
      'tests: 0 passed, 3 failed (failed: 1 file or suite that failed to load or in a beforeAll/afterAll hook (failing-before-all.fixture.ts); 2 tests that never ran because their file or suite failed)',
    );
    expect(run.code).toBe(1);
  });

  it('a failing beforeAll in one suite fails that suite only', async () => {
    const run = await runFixtures(['failing-suite-before-all']);
    expect(run.line).toBe(
      'tests: 1 passed, 2 failed (failed: 1 file or suite that failed to load or in a beforeAll/afterAll hook (failing-suite-before-all.fixture.ts > a suite whose hook fails); 1 test that never ran because its file or suite failed)',
    );
    expect(run.code).toBe(1);
  });

  it('a failing afterAll after passing tests still fails', async () => {
    const run = await runFixtures(['failing-after-all']);
    expect(run.line).toBe('tests: 1 passed, 1 failed (failed: 1 file or suite that failed to load or in a beforeAll/afterAll hook (failing-after-all.fixture.ts))');
    expect(run.code).toBe(1);
  });

  it('an unhandled rejection after a passing test: vitest exits 1, and the line says why', async () => {
    const run = await runFixtures(['unhandled']);
    expect(run.line).toBe('tests: 1 passed, 1 failed (failed: 1 unhandled error)');
    expect(run.code).toBe(1);
  });

  it('everything at once: one line, and every failure in it', async () => {
    const run = await runFixtures(['passes', 'skips', 'one-failing-test', 'throws-on-import', 'failing-before-all', 'failing-after-all', 'unhandled']);
    expect(run.line).toBe(
      'tests: 5 passed, 7 failed, 1 skipped (failed: 1 test; 3 files or suites that failed to load or in a beforeAll/afterAll hook (failing-after-all.fixture.ts, failing-before-all.fixture.ts, throws-on-import.fixture.ts); 2 tests that never ran because their file or suite failed; 1 unhandled error)',
    );
    expect(run.code).toBe(1);
  });
});
