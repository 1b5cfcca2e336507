import { afterEach } from 'vitest';
import { DEMO_LIMITS, type DemoConfig } from '../src/demo-config.js';
import { startDemo, type RunningDemo } from '../src/demo.js';

let running: RunningDemo[] = [];
afterEach(async () => {
  await Promise.all(running.map((demo) => demo.close()));
  running = [];
});

/** The demo on 127.0.0.1, free ports, its log lines collected; closed after each test. */
export async function startTestDemo(overrides: Partial<DemoConfig> = {}): Promise<RunningDemo & { log: string[] }> {
  const log: string[] = [];
  const demo = await startDemo(
    {
      host: '127.0.0.1',
      appPort: 0,
      sandboxPort: 0,
      backupSandboxPort: 0,
      otpSecret: 'demo-test-secret-0123456789abcdef',
      limits: DEMO_LIMITS,
      deliveryDelayMs: 100,
      log: (line) => log.push(line),
      ...overrides,
    },
    false,
  );
  running.push(demo);
  return { ...demo, log };
}

/** The code in the newest message the sandbox holds for `phone`. */
export async function codeSentTo(demo: RunningDemo, phone: string): Promise<string | undefined> {
  const [message] = await demo.sandbox.messages({ phone });
  return /\d{6}/.exec(message?.text ?? '')?.[0];
}
