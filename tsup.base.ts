import type { Options } from 'tsup';

/** One build shape for every package: ESM + CJS with declarations for both. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // No source maps in the tarballs: the output is unminified, readable ESM and CJS already,
    // and maps (with their embedded sources) were more than half of what a user installed.
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'node',
    // import.meta.url and friends keep working in the CJS build.
    shims: true,
    ...overrides,
  };
}
