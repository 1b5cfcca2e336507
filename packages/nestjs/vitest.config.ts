import { defineConfig } from 'vitest/config';
import { nestSwc } from './vitest.swc.js';

export default defineConfig({
  plugins: [nestSwc()],
  test: {
    name: '@smskit/nestjs',
    include: ['test/**/*.test.ts'],
    // The Nest 12 fixture is a project of its own (test/fixtures/nest12/vitest.config.ts): it
    // resolves the peers of these same sources to Nest 12, which one Vite server cannot do for
    // both majors at once.
    exclude: ['test/fixtures/**', '**/node_modules/**'],
  },
});
