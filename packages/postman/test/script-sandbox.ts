import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import CryptoJS from 'crypto-js';

/** What a run of the signing script produced, read back from the fake `pm` object. */
export interface ScriptRun {
  /** Headers the script set on the request, keyed by lower-case name. */
  headers: Record<string, string>;
  /** The body text as the request would send it (after `{{variable}}` substitution). */
  sentBody: string | undefined;
  /** What the script printed. */
  logs: string[];
}

/**
 * Runs a Postman script in a fresh `node:vm` context that offers what the Postman sandbox
 * offers the signing script: `pm.variables`, `pm.request` (raw body and headers), `console`,
 * and `require('crypto-js')` (the real package), and nothing from Node.
 */
export function runPostmanScript(options: {
  source: string;
  /** The raw body; `undefined` for a request without a body. */
  raw: string | undefined;
  variables: Record<string, string | number | undefined>;
}): ScriptRun {
  const headers: Record<string, string> = {};
  const body = options.raw === undefined ? undefined : { mode: 'raw', raw: options.raw };
  const logs: string[] = [];
  const pm = {
    variables: {
      get: (name: string) => options.variables[name],
      replaceIn: (text: string) =>
        text.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => {
          const value = options.variables[name];
          return value === undefined ? whole : String(value);
        }),
    },
    request: {
      body,
      headers: {
        upsert: (header: { key: string; value: string }) => {
          headers[header.key.toLowerCase()] = header.value;
        },
        has: (name: string) => Object.prototype.hasOwnProperty.call(headers, name.toLowerCase()),
      },
    },
  };
  const context = vm.createContext({
    pm,
    console: { log: (...parts: unknown[]) => logs.push(parts.map(String).join(' ')) },
    require: (name: string) => {
      if (name === 'crypto-js') return CryptoJS;
      throw new Error(`Cannot find module '${name}' in the Postman sandbox`);
    },
  });
  vm.runInContext(options.source, context, { filename: 'smskit-pre-request.js' });
  return { headers, sentBody: body?.raw, logs };
}

/** One entry of core's shared signing vectors. */
export interface SigningVector {
  name: string;
  accessKey: string;
  apiKey: string;
  method: string;
  nonce: string;
  timestamp: number;
  body: Record<string, unknown>;
  dialects: Record<'skip-empty' | 'keep-empty', { canonical: string; sign: string }>;
}

/** core's signing vectors, shared by every package that signs (read as data, not imported as code). */
export const SIGNING_VECTORS = JSON.parse(
  readFileSync(new URL('../../core/test/vectors/signing.json', import.meta.url), 'utf8'),
) as SigningVector[];
