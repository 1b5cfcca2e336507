import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTencentCollection, generateTencentEnvironment } from '../src/index.js';

const TENCENT = { secretId: 'AKIDpostman00000000000000000000', secretKey: 'postman-secret-密钥', sdkAppId: '1400000003' };

function run(environment: ReturnType<typeof generateTencentEnvironment>, baseUrl: string): Promise<{ summary: NewmanRunSummary; printed: string[]; answers: unknown[] }> {
  return new Promise((resolve, reject) => {
    const printed: string[] = [];
    newman
      .run({ collection: generateTencentCollection({ baseUrl }) as never, environment: environment as never, reporters: [] })
      .on('console', (_error, event: { messages: unknown[] }) => printed.push(event.messages.map(String).join(' ')))
      .on('done', (error, summary) => (error ? reject(error) : resolve({ summary, printed, answers: summary.run.executions.map((e: { response?: { stream?: Buffer } }) => JSON.parse(e.response?.stream?.toString('utf8') ?? 'null')) })));
  });
}

describe('newman runs the Tencent collection against the sandbox, signed by its CryptoJS pre-request script', () => {
  let sandbox: Sandbox;
  let running: RunningSandbox;

  beforeAll(async () => {
    sandbox = createSandbox({ deliveryDelayMs: 0, rateLimits: false, tencent: TENCENT });
    running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await running.close();
    sandbox.close();
  });

  it('passes every request and every test with the right key', async () => {
    const { summary, printed } = await run(generateTencentEnvironment({ baseUrl: running.tencentUrl!, ...TENCENT }), running.tencentUrl!);
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);
    expect(summary.run.executions.map((e) => e.item.name)).toEqual(['SendSms', 'PullSmsSendStatus', 'PullSmsReplyStatus']);
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(6);
    expect((await sandbox.tencent!.messages())[0]).toMatchObject({ phone: '13800138000', channel: 'tencent', bid: 'postman' });
    expect(printed.join('\n')).not.toContain(TENCENT.secretKey);
  });

  it('is refused everywhere with a wrong key: AuthFailure.SignatureFailure on every request', async () => {
    const { summary, answers } = await run(generateTencentEnvironment({ baseUrl: running.tencentUrl!, ...TENCENT, secretKey: 'wrong' }), running.tencentUrl!);
    expect(answers.map((a) => (a as { Response: { Error?: { Code: string } } }).Response.Error?.Code)).toEqual(['AuthFailure.SignatureFailure', 'AuthFailure.SignatureFailure', 'AuthFailure.SignatureFailure']);
    expect(summary.run.failures.length).toBeGreaterThanOrEqual(3);
  });
});
