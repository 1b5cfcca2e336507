import { createRequire } from 'node:module';

// Node's crypto module is loaded on the first signature or check, not at import.
let cryptoModule: typeof import('node:crypto') | undefined;

/** Node's `crypto`, loaded on first use. */
export const nodeCrypto = (): typeof import('node:crypto') => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
