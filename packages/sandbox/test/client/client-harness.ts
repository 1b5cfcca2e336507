/*
 * The @smskit/core client against the sandbox over real HTTP on 127.0.0.1. These tests live
 * here because the sandbox depends on core: a dev-dependency of core on the sandbox makes a
 * cycle in turbo's build graph.
 */
import { SmsClient, type SmsClientOptions } from '@smskit/core';
import { afterEach } from 'vitest';
import { createSandbox, type RequestLogEntry, type SandboxOptions } from '../../src/index.js';

export const API_KEY = 'client-test-key';
export const ACCESS_KEY = 'client-test-secret';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

/** A sandbox listening on 127.0.0.1:0 with its request log, and a client factory; all closed after the test. */
export async function sandboxWithClient(options: SandboxOptions = {}) {
  const log: RequestLogEntry[] = [];
  const sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, deliveryDelayMs: 0, rateLimits: false, log: (entry) => log.push(entry), ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const clients: SmsClient[] = [];
  cleanups.push(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
  });
  return {
    sandbox,
    server,
    url: server.url,
    log,
    /** Requests to a platform path, as the sandbox logged them. */
    requestsTo: (path: string) => log.filter((entry) => entry.path === path),
    client(overrides: Partial<SmsClientOptions> = {}): SmsClient {
      const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: server.url, pacing: false, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 }, ...overrides });
      clients.push(client);
      return client;
    },
  };
}

/** n distinct valid mainland numbers. */
export function phones(n: number, prefix = '138'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
