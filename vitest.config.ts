import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/nestjs/test/fixtures/*', 'apps/*', 'docs', 'test-adversarial', { test: { name: 'repo', include: ['scripts/test/**/*.test.ts'] } }],
    // The default reporter, then one plain closing line ("N passed, N failed") that any CI
    // log reader understands.
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
