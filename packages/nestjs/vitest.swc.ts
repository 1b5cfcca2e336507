import swc from 'unplugin-swc';

/**
 * The TypeScript transform for this package's tests and for the Nest 12 fixture's (one
 * definition, so both majors run the sources compiled alike). Vite's own transform drops
 * decorator metadata (`design:paramtypes`), and Nest then injects `undefined` without a word;
 * SWC emits it as tsc does.
 */
export function nestSwc(): ReturnType<typeof swc.vite> {
  return swc.vite({
    tsconfigFile: false,
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    },
  });
}
