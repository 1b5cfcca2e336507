import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from '@smskit/sandbox';
import { afterEach } from 'vitest';

/** The sandbox account every scenario uses. */
export const SANDBOX_ACCOUNT = { apiKey: 'nest-sandbox-api-key', accessKey: 'nest-sandbox-access-key' };

let running: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.map((close) => close()));
  running = [];
});

/** The platform, emulated on 127.0.0.1; closed after each test. */
export async function startSandbox(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; url: string }> {
  const sandbox = createSandbox({ ...SANDBOX_ACCOUNT, deliveryDelayMs: 0, rateLimits: false, ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  running.push(async () => {
    await server.close();
    sandbox.close();
  });
  return { sandbox, url: server.url };
}

/** Client options pointing at a sandbox: no retries or pacing, so failures show at once. */
export function sandboxClient(url: string) {
  return { ...SANDBOX_ACCOUNT, baseUrl: url, retry: false as const, pacing: false as const };
}

/**
 * A sandbox whose address is known before the sandbox exists: the app under test needs the
 * sandbox's URL for its client, and the sandbox needs the app's URL for its pushes. The
 * server listens first (port 0); `start` creates the sandbox and lets it answer.
 */
export async function sandboxServer(): Promise<{ url: string; start(options: SandboxOptions): Sandbox }> {
  let handle: RequestListener | undefined;
  const server = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let sandbox: Sandbox | undefined;
  running.push(async () => {
    sandbox?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    start(options) {
      sandbox = createSandbox({ ...SANDBOX_ACCOUNT, deliveryDelayMs: 0, rateLimits: false, ...options });
      handle = sandbox.app.callback();
      return sandbox;
    },
  };
}
