/**
 * Every way the HTTP layer can fail, over real sockets on 127.0.0.1: a port nothing listens on,
 * a name that does not resolve or a resolver that never answers (through an agent's `lookup`:
 * no network beyond loopback), a TLS handshake that never completes, servers that never
 * answer, reset or close mid-answer, answer something that is not HTTP, or answer too much.
 * Each is checked for what it means to a send (failed and retried when nothing was written,
 * unknown and never retried when it may have been) and to a query (retried either way).
 */
import { readFileSync } from 'node:fs';
import { Agent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { callFailureOf, classifyTransportError, HttpTransport, sendResultOf, SmsClient, type RetryEvent, type SmsClientOptions, type TransportFailure } from '../../src/index.js';
import { answer, closedPort, misbehavingServer, okAnswer, type RawHandler } from './misbehaving-server.js';
import { rejection } from './recording-platform.js';

const clients: SmsClient[] = [];
const agents: Agent[] = [];
const transports: HttpTransport[] = [];
afterEach(async () => {
  await Promise.all([...clients.splice(0).map((c) => c.close()), ...transports.splice(0).map((t) => t.close())]);
  for (const agent of agents.splice(0)) agent.destroy();
});

function clientOf(baseUrl: string, options: Partial<SmsClientOptions> = {}) {
  const retries: RetryEvent[] = [];
  const client = new SmsClient({ apiKey: 'k', accessKey: 's', baseUrl, pacing: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, hooks: { onRetry: (e) => retries.push(e) }, ...options });
  clients.push(client);
  return { client, retries };
}

function own<T extends Agent>(agent: T): T {
  agents.push(agent);
  return agent;
}

/** An agent whose name lookups end as `lookup` says (Node's own connect path, no resolver asked). */
function resolvingAgent(lookup: LookupFunction): Agent {
  return own(new Agent({ keepAlive: true, lookup }));
}

function lookupFailing(code: string): LookupFunction {
  return (hostname, _options, callback) => callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, syscall: 'getaddrinfo', hostname }), '', 4);
}

/** A resolver that never answers: the socket stays connecting. */
const lookupHanging: LookupFunction = () => undefined;

function lookupTo127(): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all === true) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
}

/** An agent that never hands out a socket: a proxy agent whose tunnel never opens, or a full pool. */
class NeverConnectingAgent extends Agent {
  override createConnection(_options: ClientRequestArgs, _callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    return undefined;
  }
}

const send = (client: SmsClient) => rejection(client.send({ phones: ['13800138000'], templateCode: '1', bid: 'b' }));

const silent: RawHandler = () => undefined;

/** An error and its chain of causes. */
function causesOf(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && !chain.includes(e); e = e.cause) chain.push(e);
  return chain;
}

describe('failures before the request is written: a send is retried, and failed (never unknown) when it keeps failing', () => {
  it('a refused connection (nothing listens on the port)', async () => {
    const { client, retries } = clientOf(`http://127.0.0.1:${await closedPort()}`);
    const error = await send(client);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['connect-refused', 'connect-refused']);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-refused', attempts: 3 });
    expect(sendResultOf(error)?.chunks[0]?.status).toBe('failed');
  });

  it.each<[string, TransportFailure]>([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
  ])('a name that does not resolve (%s)', async (code, transport) => {
    const { client, retries } = clientOf('http://platform.test', { agent: resolvingAgent(lookupFailing(code)) });
    const error = await send(client);
    expect(retries).toHaveLength(2);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport, attempts: 3 });
  });

  it('a connection that does not open within connectTimeoutMs (the resolver never answers)', async () => {
    const { client, retries } = clientOf('http://platform.test', { agent: resolvingAgent(lookupHanging), connectTimeoutMs: 100, timeoutMs: 60_000 });
    const error = await send(client);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['connect-timeout', 'connect-timeout']);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-timeout', attempts: 3 });
  });

  it('a TLS handshake that never completes is a connect timeout: TCP connected, nothing written', async () => {
    const server = await misbehavingServer(silent);
    const { client } = clientOf(`https://127.0.0.1:${server.port}`, { connectTimeoutMs: 150, timeoutMs: 60_000 });
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-timeout', attempts: 3 });
    expect(server.connections()).toBe(3);
    expect(server.requests()).toBe(0);
  });

  it('the deadline passing while the connection is still opening: nothing was written', async () => {
    const { client } = clientOf('http://platform.test', { agent: resolvingAgent(lookupHanging), connectTimeoutMs: 60_000, timeoutMs: 150 });
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-timeout', attempts: 3 });
  });

  it('the deadline passing before the agent handed out a socket (a proxy tunnel that never opens)', async () => {
    const { client } = clientOf('http://platform.test', { agent: own(new NeverConnectingAgent()), timeoutMs: 150 });
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-timeout', attempts: 3 });
  });

  it('a send succeeds once the connection comes', async () => {
    const server = await misbehavingServer((socket, request) => socket.write(okAnswer(request)));
    let lookups = 0;
    const lookup: LookupFunction = (hostname, options, callback) => {
      if (++lookups <= 2) return;
      lookupTo127()(hostname, options, callback);
    };
    const { client, retries } = clientOf(`http://platform.test:${server.port}`, { agent: resolvingAgent(lookup), connectTimeoutMs: 300 });
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['connect-timeout', 'connect-timeout']);
    expect(server.requests()).toBe(1);
  });
});

describe('failures after the request was written: a send is unknown and never retried', () => {
  const contentLength = (bytes: number) => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${bytes}\r\n\r\n`;
  const cases: [string, RawHandler, TransportFailure][] = [
    ['a server that never answers', silent, 'response-timeout'],
    ['a reset before any answer', (socket) => socket.resetAndDestroy(), 'connection-lost'],
    ['a close before any answer ("socket hang up")', (socket) => socket.end(), 'connection-lost'],
    ['a reset in the middle of the body', (socket) => socket.write(`${contentLength(100)}{"code":20`, () => socket.resetAndDestroy()), 'connection-lost'],
    ['a close in the middle of the body (fewer bytes than content-length)', (socket) => socket.end(`${contentLength(100)}{"code":20`), 'connection-lost'],
    ['a close in the middle of a chunked body', (socket) => socket.end('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{"cod'), 'connection-lost'],
    ['an answer that is not HTTP', (socket) => socket.end('hello\r\n\r\n'), 'other'],
  ];
  it.each(cases)('%s', async (_name, handler, transport) => {
    const server = await misbehavingServer(handler);
    const { client, retries } = clientOf(server.url, { timeoutMs: 500 });
    const error = await send(client);
    expect(retries).toHaveLength(0);
    expect(error).toMatchObject({ code: -1, retryable: false });
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport, bid: 'b', attempts: 1 });
    expect(sendResultOf(error)).toMatchObject({ status: 'unknown', unknownPhones: ['13800138000'] });
    expect(server.requests()).toBe(1);
  });

  it('a query is retried (it changes nothing at the platform)', async () => {
    let n = 0;
    const server = await misbehavingServer((socket, request) => (++n <= 2 ? socket.resetAndDestroy() : socket.write(okAnswer(request))));
    const { client, retries } = clientOf(server.url);
    await expect(client.balance()).resolves.toEqual([]);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['connection-lost', 'connection-lost']);
  });
});

describe('answers larger than 8 MiB are not the platform: an error, and the connection is dropped', () => {
  const NINE_MIB = 9 * 1024 * 1024;

  it('one that declares its size up front', async () => {
    const server = await misbehavingServer((socket) => socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${NINE_MIB}\r\n\r\n{`));
    const { client } = clientOf(server.url);
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'other', attempts: 1 });
    expect(causesOf(error).map((e) => e.message)).toContainEqual(expect.stringMatching(/larger than 8388608 bytes/));
    await expect.poll(() => server.open()).toBe(0);
  });

  it('one streamed without a size, cut off once past the limit', async () => {
    // Far more than the limit and the loopback's socket buffers together: the client must hang up.
    const ENDLESS = 64 * 1024 * 1024;
    let written = 0;
    const server = await misbehavingServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = (): void => {
        while (!socket.destroyed && written < ENDLESS) {
          written += chunk.length;
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`)) {
            socket.once('drain', more);
            return;
          }
        }
      };
      more();
    });
    const { client } = clientOf(server.url, { timeoutMs: 30_000 });
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'other', attempts: 1 });
    await expect.poll(() => server.open()).toBe(0);
    expect(written).toBeLessThan(ENDLESS);
  });

  it('8 MiB exactly is still read', async () => {
    const transport = new HttpTransport({ baseUrl: (await misbehavingServer((socket) => socket.write(answer(' '.repeat(8 * 1024 * 1024))))).url, timeoutMs: 30_000, connectTimeoutMs: 5000, connections: 1 });
    transports.push(transport);
    const got = await transport.post({ path: '/', headers: {}, body: '{}' });
    expect(got.text).toHaveLength(8 * 1024 * 1024);
  });
});

describe('the connect timeout applies only while a connection opens', () => {
  it('an answer slower than connectTimeoutMs on a fresh connection is read', async () => {
    const server = await misbehavingServer((socket, request) => setTimeout(() => socket.write(okAnswer(request)), 600));
    const { client } = clientOf(server.url, { connectTimeoutMs: 200 });
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
  });

  it('a kept-alive connection is reused, and its slow answer is not a connect timeout', async () => {
    let n = 0;
    const server = await misbehavingServer((socket, request) => setTimeout(() => socket.write(okAnswer(request)), ++n === 1 ? 0 : 600));
    const { client } = clientOf(server.url, { connectTimeoutMs: 200 });
    await client.balance();
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
    expect(server.connections()).toBe(1);
    expect(server.requests()).toBe(2);
  });
});

describe('HttpTransport', () => {
  function transportTo(baseUrl: string, options: { agent?: Agent; timeoutMs?: number } = {}) {
    const transport = new HttpTransport({ baseUrl, timeoutMs: options.timeoutMs ?? 5000, connectTimeoutMs: 5000, connections: 4, ...(options.agent === undefined ? {} : { agent: options.agent }) });
    transports.push(transport);
    return transport;
  }

  it('posts the body with its length, a JSON content type unless told otherwise, and the path prefix', async () => {
    const seen: { head: string; body: string }[] = [];
    const server = await misbehavingServer((socket, request) => {
      seen.push(request);
      socket.write(answer('{}'));
    });
    const transport = transportTo(`${server.url}/prefix/`);
    await transport.post({ path: '/a', headers: { 'x-one': '1' }, body: '{"名":"值"}' });
    await transport.post({ path: '/b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(seen[0]?.head).toMatch(/^POST \/prefix\/a HTTP\/1\.1\r\n/);
    expect(seen[0]?.head).toMatch(/\r\ncontent-type: application\/json\r\n/i);
    expect(seen[0]?.head).toMatch(/\r\ncontent-length: 13\r\n/i);
    expect(seen[0]?.head).toMatch(/\r\nx-one: 1\r\n/i);
    expect(seen[0]?.body).toBe('{"名":"值"}');
    expect(seen[1]?.head.match(/content-type/gi)).toHaveLength(1);
    expect(seen[1]?.head).toMatch(/\r\ncontent-type: application\/x-www-form-urlencoded\r\n/i);
  });

  it('reads the status, a Retry-After in seconds (not a date), and the body as UTF-8 without a byte-order mark', async () => {
    let n = 0;
    const server = await misbehavingServer((socket) => {
      const retryAfter = ++n === 1 ? '2' : 'Wed, 21 Oct 2015 07:28:00 GMT';
      socket.write(answer('\uFEFF{"说":"好"}', { status: 429, headers: { 'retry-after': retryAfter } }));
    });
    const transport = transportTo(server.url);
    expect(await transport.post({ path: '/', headers: {}, body: '' })).toEqual({ status: 429, retryAfterMs: 2000, text: '{"说":"好"}' });
    expect((await transport.post({ path: '/', headers: {}, body: '' })).retryAfterMs).toBeUndefined();
  });

  it('a request on a closed transport is refused, sending nothing', async () => {
    const server = await misbehavingServer((socket) => socket.write(answer('{}')));
    const transport = transportTo(server.url);
    await transport.close();
    await expect(transport.post({ path: '/', headers: {}, body: '' })).rejects.toThrow(/closed/);
    expect(server.connections()).toBe(0);
  });

  it('close() lets an exchange under way keep its answer (a send the platform accepted is not lost), then closes its connections', async () => {
    let answerLate: (() => void) | undefined;
    const server = await misbehavingServer((socket) => {
      answerLate = () => socket.write(answer('{"accepted":true}'));
    });
    const transport = transportTo(server.url);
    const pending = transport.post({ path: '/send', headers: {}, body: '{}' });
    await expect.poll(() => server.requests()).toBe(1);
    const closing = transport.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    answerLate?.();
    expect(await pending).toMatchObject({ status: 200, text: '{"accepted":true}' });
    await closing;
    await expect.poll(() => server.open()).toBe(0);
  });

  it('close() waits for a stuck exchange only until its deadline, then closes every connection', async () => {
    const server = await misbehavingServer((socket, request) => (request.head.startsWith('POST /idle') ? socket.write(answer('{}')) : undefined));
    const transport = transportTo(server.url, { timeoutMs: 300 });
    const pending = transport.post({ path: '/stuck', headers: {}, body: '' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expect.poll(() => server.requests()).toBe(1);
    await transport.post({ path: '/idle', headers: {}, body: '' });
    expect(server.open()).toBe(2);
    await transport.close();
    expect(classifyTransportError(await pending)).toEqual({ failure: 'response-timeout', mayHaveReached: true });
    await expect.poll(() => server.open()).toBe(0);
  });

  it('a request on a closed transport, or aborted before it is sent, never reached the platform', async () => {
    const server = await misbehavingServer((socket) => socket.write(answer('{}')));
    const closed = transportTo(server.url);
    await closed.close();
    expect(classifyTransportError(await closed.post({ path: '/', headers: {}, body: '' }).catch((e: unknown) => e))).toEqual({ failure: 'other', mayHaveReached: false });
    const aborted = AbortSignal.abort();
    expect(classifyTransportError(await transportTo(server.url).post({ path: '/', headers: {}, body: '', signal: aborted }).catch((e: unknown) => e))).toEqual({ failure: 'aborted', mayHaveReached: false });
    expect(server.requests()).toBe(0);
  });

  it("the caller's signal firing while the connection opens (a TLS handshake that never completes) never reached the platform", async () => {
    const server = await misbehavingServer(silent);
    const transport = transportTo(`https://127.0.0.1:${server.port}`, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = transport.post({ path: '/', headers: {}, body: '', signal: controller.signal }).catch((e: unknown) => e);
    await expect.poll(() => server.connections()).toBe(1);
    controller.abort();
    expect(classifyTransportError(await pending)).toEqual({ failure: 'aborted', mayHaveReached: false });
    expect(server.requests()).toBe(0);
  });

  it('a request Node refuses to make (an https agent for an http URL) never reached the platform', async () => {
    const server = await misbehavingServer((socket) => socket.write(answer('{}')));
    const agent = own(new HttpsAgent());
    const error = await transportTo(server.url, { agent: agent as unknown as Agent }).post({ path: '/', headers: {}, body: '' }).catch((e: unknown) => e);
    expect(classifyTransportError(error)).toEqual({ failure: 'other', mayHaveReached: false });
    expect(server.connections()).toBe(0);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('refuses a timeout Node cannot keep (%s ms) with 40004', (timeoutMs) => {
    expect(() => new HttpTransport({ baseUrl: 'http://127.0.0.1:1', timeoutMs, connectTimeoutMs: 1000, connections: 1 })).toThrow(expect.objectContaining({ code: 40004 }));
    expect(() => new HttpTransport({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000, connectTimeoutMs: timeoutMs, connections: 1 })).toThrow(expect.objectContaining({ code: 40004 }));
  });

  it("close() leaves the caller's agent and its connections open", async () => {
    const server = await misbehavingServer((socket) => socket.write(answer('{}')));
    const agent = own(new Agent({ keepAlive: true }));
    const transport = transportTo(server.url, { agent });
    await transport.post({ path: '/', headers: {}, body: '' });
    await transport.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.open()).toBe(1);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
  });

  it('aborting during the exchange ends it at once, and drops the connection', async () => {
    const server = await misbehavingServer(silent);
    const transport = transportTo(server.url, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = transport.post({ path: '/', headers: {}, body: '', signal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expect.poll(() => server.requests()).toBe(1);
    controller.abort(Object.assign(new Error('caller'), { code: 'ECONNREFUSED' }));
    // The caller's reason (with a code that would read "never reached") is not what is classified.
    expect(classifyTransportError(await pending)).toEqual({ failure: 'aborted', mayHaveReached: true });
    await expect.poll(() => server.open()).toBe(0);
  });
});

describe('over TLS (https: a certificate for 127.0.0.1, trusted through the caller’s https.Agent)', () => {
  const tls = { key: readFileSync(new URL('./fixtures/loopback-tls.key', import.meta.url)), cert: readFileSync(new URL('./fixtures/loopback-tls.crt', import.meta.url)) };

  async function httpsServer(answerIt: boolean) {
    let requests = 0;
    const sockets = new Set<Socket>();
    const server = createHttpsServer(tls, (req, res) => {
      requests++;
      req.resume();
      if (answerIt) req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 200, message: 'OK', data: { msgId: 'm1', desc: null }, requestId: 'r' })));
    });
    server.on('secureConnection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requests: () => requests,
      async close() {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    // Clients first (the outer afterEach runs after this one): then the servers close at once.
    await Promise.all(clients.splice(0).map((c) => c.close()));
    for (const agent of agents.splice(0)) agent.destroy();
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('sends and reads the answer', async () => {
    const server = await httpsServer(true);
    opened.push(server);
    const { client } = clientOf(server.url, { agent: own(new HttpsAgent({ keepAlive: true, ca: tls.cert })) });
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
    expect(server.requests()).toBe(1);
  });

  it('a server that completes the handshake and never answers: the deadline after the write is unknown', async () => {
    const server = await httpsServer(false);
    opened.push(server);
    const { client, retries } = clientOf(server.url, { agent: own(new HttpsAgent({ keepAlive: true, ca: tls.cert })), timeoutMs: 1500, connectTimeoutMs: 1000 });
    const error = await send(client);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'response-timeout', attempts: 1 });
    expect(retries).toHaveLength(0);
    expect(server.requests()).toBe(1);
  });
});

describe('the old dispatcher option', () => {
  it('is refused (40004, naming agent) rather than ignored: ignoring it would send around a proxy', () => {
    const options = { apiKey: 'k', accessKey: 's', dispatcher: {} } as unknown as SmsClientOptions;
    expect(() => new SmsClient(options)).toThrow(expect.objectContaining({ code: 40004, hint: expect.stringMatching(/agent/) }));
  });
});

describe('classifyTransportError', () => {
  const coded = (code: string, syscall = 'connect') => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
  it.each<[string, unknown, TransportFailure, boolean]>([
    ['EHOSTUNREACH', coded('EHOSTUNREACH'), 'unreachable', false],
    ['ENETUNREACH', coded('ENETUNREACH'), 'unreachable', false],
    ['ECONNREFUSED on every address (an AggregateError)', Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), { code: 'ECONNREFUSED' }), 'connect-refused', false],
    ['a refusal nested as a cause', new Error('fetch failed', { cause: coded('ECONNREFUSED') }), 'connect-refused', false],
    ['EPIPE', coded('EPIPE', 'write'), 'connection-lost', true],
    ['ECONNRESET', coded('ECONNRESET', 'read'), 'connection-lost', true],
    ["undici's connect timeout", coded('UND_ERR_CONNECT_TIMEOUT'), 'connect-timeout', false],
    ["undici's headers timeout", coded('UND_ERR_HEADERS_TIMEOUT'), 'response-timeout', true],
    ["undici's body timeout", coded('UND_ERR_BODY_TIMEOUT'), 'response-timeout', true],
    ["undici's closed socket", coded('UND_ERR_SOCKET'), 'connection-lost', true],
    ['anything unrecognised', new Error('weird'), 'other', true],
    ['not an error at all', 'weird', 'other', true],
  ])('%s', (_name, error, failure, mayHaveReached) => {
    expect(classifyTransportError(error)).toEqual({ failure, mayHaveReached });
  });
});
