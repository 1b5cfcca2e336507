import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// The library entry is dual ESM/CJS like every package; the executable is ESM only (it uses
// top-level await, and a bin is never require()d).
export default defineConfig([
  packageBuild(),
  { entry: ['src/bin.ts'], format: ['esm'], target: 'node20', platform: 'node', clean: false },
]);
