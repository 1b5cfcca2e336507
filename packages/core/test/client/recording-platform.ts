import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { SmsClient, SmsError, verifyRequest, type SmsClientOptions } from '../../src/index.js';

export const API_KEY = 'test-api-key';
export const ACCESS_KEY = 'test-access-key-secret';

/** One request as the recording platform saw it. */
export interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Whether the signature verified against the test credentials. */
  signed: boolean;
}

/** How the recording platform answers: a status and a JSON (or raw text) body. */
export type Answer = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> };

/**
 * A stand-in for the platform that records every request and verifies its signature with
 * core's own verifier; for the client's unit tests (the sandbox tests live with the sandbox).
 */
export async function recordingPlatform(answer: (request: Recorded, n: number) => Answer = () => ({ json: { code: 200, message: 'OK', data: { msgId: '1', desc: null }, requestId: 'r' } })) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = (raw === '' ? {} : JSON.parse(raw)) as Record<string, unknown>;
        const verdict = await verifyRequest({ headers: req.headers, body, credentials: { [API_KEY]: { accessKey: ACCESS_KEY } } });
        const recorded: Recorded = { path: req.url ?? '', headers: req.headers, body, signed: verdict.ok };
        requests.push(recorded);
        const reply = answer(recorded, requests.length);
        res.writeHead(reply.status ?? 200, { 'content-type': reply.text === undefined ? 'application/json' : 'text/html', ...reply.headers });
        res.end(reply.text ?? JSON.stringify(reply.json));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: SmsClient[] = [];
  const platform = {
    url,
    requests,
    client(options: Partial<SmsClientOptions> = {}): SmsClient {
      const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: url, pacing: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, ...options });
      clients.push(client);
      return client;
    },
    async close(): Promise<void> {
      await Promise.all(clients.map((c) => c.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  opened.push(platform);
  return platform;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

/** Ok answer of a send. */
export function sent(msgId: string, failPhones?: string): Answer {
  return { json: { code: 200, message: 'OK', data: { msgId, desc: null, ...(failPhones === undefined ? {} : { failPhones }) }, requestId: `req-${msgId}` } };
}

/** A platform error answer. */
export function failed(code: number, message = 'failed', status = 400): Answer {
  return { status, json: { code, message, requestId: `req-${code}` } };
}

/** The SmsError a call rejects with (fails the test when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SmsError)) throw new Error(`expected an SmsError, got ${String(outcome)}`);
  return outcome;
}
