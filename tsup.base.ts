import type { Options } from 'tsup';

/** One build shape for every package: ESM + CJS with declarations for both. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    // import.meta.url and friends keep working in the CJS build.
    shims: true,
    ...overrides,
  };
}
