import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // Vite's own TypeScript transform drops decorator metadata (`design:paramtypes`), and Nest
    // then injects `undefined` without a word; SWC emits it as tsc does.
    swc.vite({
      tsconfigFile: false,
      // the Nest 12 fixture loads this package's sources from its injected copy in node_modules
      // (a RegExp is a valid filter; the type clashes with @swc/core's own string-only `exclude`)
      exclude: [/node_modules\/(?!\.pnpm\/@smskit\+|@smskit\/)/] as unknown as string[],
      jsc: {
        target: 'es2022',
        keepClassNames: true,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      },
    }),
  ],
  test: {
    name: '@smskit/nestjs',
    include: ['test/**/*.test.ts'],
    // The Nest 12 fixture reaches this package (and core, otp, sandbox) as TypeScript sources
    // under node_modules: run them through the transform instead of handing them to Node.
    server: { deps: { inline: [/@smskit[/+]/] } },
  },
});
