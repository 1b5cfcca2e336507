import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // the NestJS targets are decorated classes: Vite's own transform drops the decorator
    // metadata Nest injects by (see packages/nestjs/vitest.config.ts)
    swc.vite({
      tsconfigFile: false,
      jsc: {
        target: 'es2022',
        keepClassNames: true,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      },
    }),
  ],
  test: {
    name: 'adversarial',
    include: ['test/**/*.test.ts'],
    // hundreds of requests per target, bombs among them, on a shared machine
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
