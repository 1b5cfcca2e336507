/*
 * The Aliyun collection, run by newman against the sandbox's Aliyun listener: its CryptoJS
 * pre-request script signs RPC V1 so that every request passes with the right secret, and
 * every request is refused with a wrong one.
 */
import { createAliyunSandbox } from '@smskit/sandbox';
import newman, { type NewmanRunExecution, type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateAliyunCollection, generateAliyunEnvironment } from '../src/index.js';

const sandbox = createAliyunSandbox({ accessKeyId: 'pm-id', accessKeySecret: 'pm-secret', limits: false, deliveryDelayMs: 0 });
let running: Awaited<ReturnType<typeof sandbox.listen>>;
beforeAll(async () => {
  running = await sandbox.listen({ port: 0 });
});
afterAll(() => running.close());

function run(secret: string): Promise<{ summary: NewmanRunSummary; codes: string[] }> {
  const collection = generateAliyunCollection({ endpoint: running.url });
  const environment = generateAliyunEnvironment({ accessKeyId: 'pm-id', accessKeySecret: secret });
  return new Promise((resolve, reject) => {
    newman.run({ collection: collection as never, environment: environment as never, reporters: [] }).on('done', (error, summary) => {
      if (error) return reject(error);
      const codes = summary.run.executions.map((e: NewmanRunExecution) => (JSON.parse(e.response?.stream?.toString('utf8') ?? '{}') as { Code?: string }).Code ?? '?');
      resolve({ summary, codes });
    });
  });
}

it('passes every request with the right secret', async () => {
  const { summary, codes } = await run('pm-secret');
  expect(codes).toEqual(['OK', 'OK', 'OK']);
  expect(summary.run.failures).toEqual([]);
  expect(sandbox.messages().map((m) => m.outId ?? '')).toContain("postman-(1)!");
});

it('is refused on every request with a wrong secret', async () => {
  const { summary, codes } = await run('wrong');
  expect(codes).toEqual(['SignatureDoesNotMatch', 'SignatureDoesNotMatch', 'SignatureDoesNotMatch']);
  expect(summary.run.failures).toHaveLength(3);
});
