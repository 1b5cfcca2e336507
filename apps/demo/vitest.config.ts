import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@smskit/demo',
    include: ['test/**/*.test.ts'],
    // a browser start and a few page loads per test; generous for a shared, noisy machine
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
