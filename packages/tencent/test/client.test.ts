/**
 * TencentSmsClient over core's HttpTransport, against servers on 127.0.0.1 that misbehave: a
 * send that passes its deadline after the request was written ends `unknown` and is never sent
 * again (by the client, the channel or the router), however the server spreads its answer out;
 * the caller's signal ends a call; nothing-written failures are `retry`. Each test is bounded by
 * its own timeout (a hang fails it), never by measuring how long it took.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ChannelRouter, type ChannelSendResult, type SmsChannel } from '@smskit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isTencentError, tencentChannel, TencentSmsClient, type TencentError, type TencentSmsClientOptions } from '../src/index.js';

const CREDENTIALS = { secretId: 'AKIDtest00000000000000000000000000', secretKey: 'test-secret' };
const HANG_BOUND = { timeout: 15_000 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * A TCP server that reads each request and then does what `onRequest` says with the socket:
 * nothing (never answers), drip, answer. Counts the requests it read.
 */
async function server(onRequest: (socket: Socket) => void) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(buffered)?.[1] ?? 0);
      if (end < 0 || buffered.length < end + 4 + length) return;
      buffered = '';
      requests++;
      onRequest(socket);
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const { port } = tcp.address() as AddressInfo;
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${port}`, port, requests: () => requests, open: () => sockets.size };
}

const neverAnswers = () => server(() => undefined);

/** Answers the headers at once, then one byte every 100 ms, never finishing. */
const drips = () =>
  server((socket) => {
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n1\r\n{\r\n');
    const timer = setInterval(() => socket.write('1\r\n \r\n'), 100);
    socket.on('close', () => clearInterval(timer));
  });

function client(options: Partial<TencentSmsClientOptions>): TencentSmsClient {
  const made = new TencentSmsClient({ ...CREDENTIALS, ...options });
  closers.push(() => made.close());
  return made;
}

const request = { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400000001', TemplateId: '1', TemplateParamSet: ['1'], SignName: 'smskit' };

async function thrown(promise: Promise<unknown>): Promise<TencentError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isTencentError(outcome)) throw new Error(`expected a TencentError, got ${String(outcome)}`);
  return outcome;
}

describe('the overall deadline (timeoutMs)', () => {
  it('a SendSms to a server that never answers ends NoAnswer (unknown), sent once', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const error = await thrown(client({ endpoint: platform.url, timeoutMs: 300 }).sendSms(request));
    expect(error).toMatchObject({ code: 'smskit.NoAnswer', class: 'unknown', details: { failure: 'response-timeout' } });
    expect(platform.requests()).toBe(1);
    // The client hung up: the connection is not left to carry a late answer into the next call.
    await expect.poll(() => platform.open()).toBe(0);
  });

  it('a SendSms whose answer drips a byte at a time ends NoAnswer (unknown) too', HANG_BOUND, async () => {
    const platform = await drips();
    const error = await thrown(client({ endpoint: platform.url, timeoutMs: 600 }).sendSms(request));
    expect(error).toMatchObject({ code: 'smskit.NoAnswer', class: 'unknown', details: { failure: 'response-timeout' } });
    expect(platform.requests()).toBe(1);
  });

  it('through the channel, the number is unknown (not failed) with the NoAnswer code', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const channel = tencentChannel({ ...CREDENTIALS, sdkAppId: '1400000001', signName: 'smskit', endpoint: platform.url, timeoutMs: 300 });
    closers.push(() => channel.close());
    const result = await channel.send({ numbers: ['13800138000'], values: { code: '1' }, template: { templateId: '1', params: ['code'] }, idempotencyKey: 'k' });
    expect(result.outcomes).toEqual([expect.objectContaining({ number: '13800138000', status: 'unknown', failure: 'unknown', code: 'smskit.NoAnswer' })]);
    expect(platform.requests()).toBe(1);
  });

  it('behind the router, with retries and a backup channel, it is never sent again', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const tencent = tencentChannel({ ...CREDENTIALS, sdkAppId: '1400000001', signName: 'smskit', endpoint: platform.url, timeoutMs: 300 });
    closers.push(() => tencent.close());
    const backupSends: string[] = [];
    const backup: SmsChannel = {
      name: 'backup',
      provider: 'test',
      capabilities: { numbers: 'international', maxNumbersPerSend: 100, maxMessagesPerBatch: 100, receipts: { pull: false, push: false } },
      checkTemplate: () => undefined,
      send: async (input): Promise<ChannelSendResult> => {
        backupSends.push(...input.numbers);
        return { outcomes: input.numbers.map((number) => ({ number, status: 'sent', messageId: 'b' })) };
      },
      sendBatch: async (input): Promise<ChannelSendResult> => ({ outcomes: input.messages.map(({ number }) => ({ number, status: 'sent', messageId: 'b' })) }),
      close: async () => undefined,
    };
    const router = new ChannelRouter({
      channels: [tencent, backup],
      templates: [{ name: 'code', channels: { tencent: { templateId: '1', params: ['code'] }, backup: {} } }],
      retry: { retries: 2, initialDelayMs: 1, maxDelayMs: 2 },
      breaker: false,
    });
    const result = await router.send({ template: 'code', to: ['13800138000'], values: { code: '1' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'tencent', status: 'unknown' });
    expect(backupSends).toEqual([]);
    expect(platform.requests()).toBe(1);
  });
});

describe("the caller's signal", () => {
  it('aborting during the exchange ends the call NoAnswer (unknown) at once', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const controller = new AbortController();
    const pending = thrown(client({ endpoint: platform.url, timeoutMs: 60_000 }).sendSms(request, { signal: controller.signal }));
    await expect.poll(() => platform.requests()).toBe(1);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'smskit.NoAnswer', class: 'unknown', details: { failure: 'aborted' } });
  });

  it('a signal aborted before the call sends nothing: Unreachable (retry)', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const error = await thrown(client({ endpoint: platform.url }).sendSms(request, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'smskit.Unreachable', class: 'retry' });
    expect(platform.requests()).toBe(0);
  });
});

describe('options', () => {
  it('the old dispatcher option is refused rather than ignored (ignoring it would send around a proxy)', () => {
    expect(() => new TencentSmsClient({ ...CREDENTIALS, dispatcher: {} } as TencentSmsClientOptions)).toThrow(/agent/);
  });
});

describe('failures before anything was written', () => {
  it('a refused connection is Unreachable (retry)', HANG_BOUND, async () => {
    const platform = await neverAnswers();
    const port = platform.port;
    await Promise.all(closers.splice(0).map((close) => close()));
    const error = await thrown(client({ endpoint: `http://127.0.0.1:${port}` }).sendSms(request));
    expect(error).toMatchObject({ code: 'smskit.Unreachable', class: 'retry', details: { failure: 'connect-refused' } });
  });
});
