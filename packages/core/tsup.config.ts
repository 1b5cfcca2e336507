import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// Two entries sharing one build (code splitting, in both formats): `@smskit/core/provider` is a
// small part of the same modules, so a provider package's cold start does not load all of core,
// and its classes are the very ones `@smskit/core` exports.
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/provider.ts'], splitting: true }));
