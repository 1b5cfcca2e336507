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
