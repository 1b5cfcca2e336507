import { errors, MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { callFailureOf, sendResultOf, SmsClient, type RetryEvent, type TransportFailure } from '../../src/index.js';

const ORIGIN = 'https://platform.test';
const agents: MockAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});

/** A client whose requests to `path` fail with `error` (through undici's MockAgent: no network). */
function failingClient(options: { path: string; error: () => Error; times?: number }) {
  const agent = new MockAgent();
  agents.push(agent);
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  pool.intercept({ path: options.path, method: 'POST' }).replyWithError(options.error()).times(options.times ?? 10);
  // A send's answer carries a msgId; a query's data is a list.
  const data = options.path === '/message/send' ? { msgId: 'm1', desc: null } : [];
  pool.intercept({ path: options.path, method: 'POST' }).reply(200, { code: 200, message: 'OK', data, requestId: 'r' }).persist();
  const retries: RetryEvent[] = [];
  const client = new SmsClient({ apiKey: 'k', accessKey: 's', baseUrl: ORIGIN, dispatcher: agent, pacing: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, hooks: { onRetry: (e) => retries.push(e) } });
  return { client, retries };
}

function withCode(code: string): () => Error {
  return () => Object.assign(new Error(`getaddrinfo ${code} platform.test`), { code, syscall: 'getaddrinfo' });
}

describe('failures before the request is written are retried for every endpoint, sends included', () => {
  it.each<[string, () => Error, TransportFailure]>([
    ['a connect timeout', () => new errors.ConnectTimeoutError(), 'connect-timeout'],
    ['ENOTFOUND', withCode('ENOTFOUND'), 'dns'],
    ['EAI_AGAIN', withCode('EAI_AGAIN'), 'dns'],
    ['ECONNREFUSED', withCode('ECONNREFUSED'), 'connect-refused'],
  ])('%s: a send is retried, and reported failed (never unknown) when it keeps failing', async (_name, error, transport) => {
    const { client, retries } = failingClient({ path: '/message/send', error });
    const thrown = await client.send({ phones: ['13800138000'], templateCode: '1' }).catch((e: unknown) => e);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual([transport, transport]);
    expect(callFailureOf(thrown)).toMatchObject({ outcome: 'failed', transport, attempts: 3 });
    expect(sendResultOf(thrown)?.chunks[0]?.status).toBe('failed');
  });

  it('a send succeeds once the connection comes', async () => {
    const { client, retries } = failingClient({ path: '/message/send', error: () => new errors.ConnectTimeoutError(), times: 2 });
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
    expect(retries).toHaveLength(2);
  });
});

describe('failures after the request was written', () => {
  it.each<[string, () => Error, TransportFailure]>([
    ['no headers in time', () => new errors.HeadersTimeoutError(), 'response-timeout'],
    ['a stalled body', () => new errors.BodyTimeoutError(), 'response-timeout'],
    ['a closed socket', () => new errors.SocketError('other side closed'), 'connection-lost'],
    ['ECONNRESET', withCode('ECONNRESET'), 'connection-lost'],
    ['anything unrecognised', () => new Error('weird'), 'other'],
  ])('%s: a send is not retried and its outcome is unknown', async (_name, error, transport) => {
    const { client, retries } = failingClient({ path: '/message/send', error });
    const thrown = await client.send({ phones: ['13800138000'], templateCode: '1', bid: 'b' }).catch((e: unknown) => e);
    expect(retries).toHaveLength(0);
    expect(callFailureOf(thrown)).toMatchObject({ outcome: 'unknown', transport, bid: 'b', attempts: 1 });
    expect(thrown).toMatchObject({ code: -1, retryable: false });
  });

  it('a query is retried (it changes nothing at the platform)', async () => {
    const { client, retries } = failingClient({ path: '/sms/residueValue/qry', error: () => new errors.HeadersTimeoutError(), times: 2 });
    await expect(client.balance()).resolves.toEqual([]);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['response-timeout', 'response-timeout']);
  });
});
