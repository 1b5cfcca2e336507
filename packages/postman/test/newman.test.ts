import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import newman, { type NewmanRunExecution, type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCollection, generateEnvironment, type PostmanCollection, type PostmanEnvironment } from '../src/index.js';

const apiKey = 'e2e-api-key';
const accessKey = 'e2e-access-key-3c4bda9d5698a6b1';
const SIGNED_PATHS = ['/message/send', '/message/sendBatch', '/sms/arriveRes/qry', '/sms/send/statistics', '/sms/residueValue/qry'];

interface Run {
  summary: NewmanRunSummary;
  /** What the scripts printed (the Postman Console). */
  console: string[];
}

function runNewman(options: { collection: PostmanCollection; environment: PostmanEnvironment; iterationData?: Record<string, string>[] }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const printed: string[] = [];
    newman
      .run({
        collection: options.collection as never,
        environment: options.environment as never,
        iterationData: options.iterationData,
        reporters: [],
      })
      .on('console', (_error, event: { messages: unknown[] }) => printed.push(event.messages.map(String).join(' ')))
      .on('done', (error, summary) => (error ? reject(error) : resolve({ summary, console: printed })));
  });
}

function pathOf(execution: NewmanRunExecution): string {
  return `/${execution.item.request.url.path?.join('/') ?? ''}`;
}

function replyOf(execution: NewmanRunExecution): { code?: number } {
  return JSON.parse(execution.response?.stream?.toString('utf8') ?? 'null') as { code?: number };
}

function failuresOf(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map((failure) => `${failure.source?.name ?? '?'}: ${failure.error.test ?? ''} ${failure.error.message}`);
}

describe('end to end: newman runs the generated collection against the sandbox', () => {
  let sandbox: Sandbox;
  let running: RunningSandbox;
  let collection: PostmanCollection;

  beforeAll(async () => {
    // Receipts settle at once, so the receipts request finds the message sent just before.
    // Rate limits off: the runs below call the balance endpoint more than once in 15 s.
    sandbox = createSandbox({ apiKey, accessKey, deliveryDelayMs: 0, rateLimits: false });
    running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
    collection = generateCollection({ baseUrl: running.url });
  });

  afterAll(async () => {
    await running.close();
    sandbox.close();
  });

  it('passes every request and every pm.test with the right keys', async () => {
    const { summary, console: printed } = await runNewman({ collection, environment: generateEnvironment({ baseUrl: running.url, apiKey, accessKey }) });
    expect(failuresOf(summary)).toEqual([]);
    expect(summary.run.executions.map(pathOf)).toEqual([...SIGNED_PATHS, '/health/info']);
    for (const execution of summary.run.executions) {
      expect(execution.response?.code).toBe(200);
      expect(replyOf(execution).code).toBe(200);
      expect(execution.assertions?.length).toBeGreaterThanOrEqual(3);
    }
    expect(summary.run.stats.assertions.failed).toBe(0);
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(6 * 3);
    expect(summary.run.stats.prerequestScripts.failed).toBe(0);
    expect(summary.run.stats.testScripts.failed).toBe(0);
    // The last send's msgId (sendBatch, two numbers) went on to the receipts query.
    const answerAt = (path: string) => replyOf(summary.run.executions.find((execution) => pathOf(execution) === path) as NewmanRunExecution) as { data: { msgId: string }[] & { msgId: string } };
    const batchMsgId = answerAt('/message/sendBatch').data.msgId;
    expect(answerAt('/sms/arriveRes/qry').data.map((receipt) => receipt.msgId)).toEqual([batchMsgId, batchMsgId]);
    // The signed canonical string is printed; the accessKey never is.
    expect(printed.filter((line) => line.startsWith('smskit signed HmacSHA256 over: '))).toHaveLength(6);
    expect(printed.join('\n')).not.toContain(accessKey);
  });

  it('signs with every method and both dialects in the real Postman sandbox', async () => {
    const iterationData = ['HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512'].flatMap((signMethod) => [
      { signMethod, signDialect: 'skip-empty' },
      { signMethod, signDialect: 'keep-empty' },
    ]);
    const { summary } = await runNewman({ collection, environment: generateEnvironment({ baseUrl: running.url, apiKey, accessKey }), iterationData });
    expect(failuresOf(summary)).toEqual([]);
    expect(summary.run.executions).toHaveLength(12 * 6);
    const methods = summary.run.executions.map((execution) => execution.request.headers.get('x-sign-method'));
    expect(new Set(methods)).toEqual(new Set(iterationData.map((data) => data.signMethod)));
  });

  it('fails every signed request with 2001 under a wrong accessKey', async () => {
    const { summary, console: printed } = await runNewman({ collection, environment: generateEnvironment({ baseUrl: running.url, apiKey, accessKey: 'not-the-access-key' }) });
    const signed = summary.run.executions.filter((execution) => SIGNED_PATHS.includes(pathOf(execution)));
    expect(signed.map(pathOf)).toEqual(SIGNED_PATHS);
    for (const execution of signed) {
      expect(execution.response?.code).toBe(401);
      expect(replyOf(execution).code).toBe(2001);
      const failed = (execution.assertions ?? []).filter((assertion) => assertion.error);
      expect(failed.map((assertion) => assertion.assertion)).toContain('code is 200 (请求成功)');
      expect(failed.find((assertion) => assertion.assertion === 'code is 200 (请求成功)')?.error?.message).toContain('code 2001: API授权错误');
    }
    // The reachability probe is unsigned on the platform, so it still answers.
    const probe = summary.run.executions.find((execution) => pathOf(execution) === '/health/info');
    expect(replyOf(probe as NewmanRunExecution).code).toBe(200);
    expect(printed.join('\n')).not.toContain('not-the-access-key');
  });
});
