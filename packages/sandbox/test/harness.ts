import { afterEach } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';
import { independentlySigned } from '@smskit/test-support';

export const API_KEY = 'test-api-key';
export const ACCESS_KEY = 'test-access-key-不要外传';

/** A JSON answer with its HTTP status. */
export interface Answer {
  status: number;
  json: Record<string, unknown> & { code?: number; message?: string; data?: unknown; requestId?: string };
}

let running: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.map((close) => close()));
  running = [];
});

/** A sandbox on 127.0.0.1 with a signed-call helper; closed after each test. */
export async function startSandbox(options: SandboxOptions = {}) {
  const sandbox: Sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, deliveryDelayMs: 0, rateLimits: false, ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  running.push(server.close);
  const url = server.url;

  /** POSTs `body` to `path`, signed independently of smskit's signer. */
  async function call(path: string, body: Record<string, unknown> = {}, sign: Partial<Parameters<typeof independentlySigned>[0]> = {}): Promise<Answer> {
    const headers = independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body, timestamp: (options.now ?? Date.now)(), ...sign });
    return raw(path, { headers, body: JSON.stringify(body) });
  }

  async function raw(path: string, init: { headers?: Record<string, string>; body?: string; method?: string }): Promise<Answer> {
    const response = await fetch(url + path, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
    const text = await response.text();
    return { status: response.status, json: JSON.parse(text) as Answer['json'] };
  }

  async function admin(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<Answer> {
    return raw(`/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  return { sandbox, url, call, raw, admin };
}

/** n distinct valid mainland numbers. */
export function phones(n: number, prefix = '138'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);
}
