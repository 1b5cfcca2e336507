import { createRequire } from 'node:module';

/**
 * A synchronous `require` that works wherever smskit runs: one made from this module's URL
 * (our ESM build, and our CJS build through tsup's `import.meta.url` shim), else the CommonJS
 * `require` of an app bundled to CommonJS, where a bundler leaves `import.meta.url` empty.
 * @internal
 */
export function moduleRequire(): (id: string) => unknown {
  const url = import.meta.url;
  return url ? createRequire(url) : require;
}

/**
 * Loads a Node built-in synchronously, on first use rather than at import:
 * `process.getBuiltinModule` (Node ≥ 20.16), else {@link moduleRequire}.
 */
export function loadBuiltin<T>(id: `node:${string}`): T {
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return (typeof builtin === 'function' ? builtin(id) : moduleRequire()(id)) as T;
}

let cryptoModule: typeof import('node:crypto') | undefined;

/**
 * Node's `crypto` module, loaded on first use: a provider package signs with it without
 * making its import pay for Node's crypto and stream internals.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  cryptoModule ??= loadBuiltin<typeof import('node:crypto')>('node:crypto');
  return cryptoModule;
}
