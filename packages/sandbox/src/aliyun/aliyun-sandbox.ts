import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AliyunError, isAliyunError } from '@smskit/aliyun';
import { FaultInjector } from '../faults.js';
import { listenUrl } from '../listen-url.js';
import { readBodyUpTo } from '../read-body.js';
import { ACTIONS } from './actions.js';
import { authenticate, type AliyunIncoming } from './authenticate.js';
import { AliyunMessageBook, type AliyunSandboxMessage } from './messages.js';
import { DEFAULT_ALIYUN_TEMPLATES, type AliyunFaultPlan, type AliyunSandboxOptions } from './options.js';
import { AliyunPusher, smsReportItem, type AliyunPushAttempt } from './pushes.js';

/** The Aliyun listener: dysmsapi's RPC API, and the handles tests and the inbox use. */
export interface AliyunSandbox {
  /** Serves one request (mount it on your own server, or call `listen`). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Listens on `host:port` (the options' port by default). */
  listen(options?: { port?: number; host?: string }): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }>;
  /** Messages taken, oldest first, each marked `channel: 'aliyun'`. */
  messages(): AliyunSandboxMessage[];
  /** Replaces the faults to come. */
  setFaults(plan: AliyunFaultPlan): void;
  /** Pushes an SmsUp (a reply) to `upUrl`, as if a handset had answered. */
  injectReply(reply: { phone: string; content: string; destCode?: string }): void;
  /** Push attempts so far. */
  pushAttempts(): AliyunPushAttempt[];
  /** Resolves once every queued push has been tried. */
  pushesIdle(): Promise<void>;
  /** Forgets messages, limits, nonces and faults. */
  reset(): void;
  /** Cancels queued pushes. */
  close(): void;
}

const MAX_BODY = 1024 * 1024;

function decoded(search: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(search)) out[key] = value;
  return out;
}

/**
 * Aliyun dysmsapi 2017-05-25 as a local server: V1 and V3 signatures checked with
 * `@smskit/aliyun`'s own verifiers, the gateway's and the business codes in Aliyun's JSON
 * shapes, per-number limits, `${var}` templates, QuerySendDetails, SmsReport and SmsUp pushes
 * with retries, and injectable faults.
 */
export function createAliyunSandbox(options: AliyunSandboxOptions = {}): AliyunSandbox {
  const now = options.now ?? Date.now;
  const toleranceMs = options.toleranceMs ?? 15 * 60_000;
  const secrets = new Map([[options.accessKeyId ?? 'sandbox-aliyun-id', options.accessKeySecret ?? 'sandbox-aliyun-secret']]);
  const book = new AliyunMessageBook({ templates: options.templates ?? DEFAULT_ALIYUN_TEMPLATES, limits: options.limits ?? { perMinute: 1, perHour: 5, perDay: 10 }, deliveryDelayMs: options.deliveryDelayMs ?? 2000 });
  const nonces = new Map<string, number>();
  const faults = new FaultInjector();
  let failCode = 'isp.SYSTEM_ERROR';
  const setFaults = (plan: AliyunFaultPlan) => {
    faults.set({ ...plan, failCode: undefined });
    failCode = plan.failCode ?? 'isp.SYSTEM_ERROR';
  };
  if (options.faults) setFaults(options.faults);
  const pusher = new AliyunPusher({ retryDelaysMs: options.pushRetryDelaysMs ?? [1000, 5000, 30_000], timeoutMs: 5000 });

  const useNonce = (nonce: string): boolean => {
    const at = now();
    for (const [seen, until] of nonces) if (until < at) nonces.delete(seen);
    if (nonces.has(nonce)) return false;
    nonces.set(nonce, at + 2 * toleranceMs);
    return true;
  };

  const onTaken = (taken: readonly AliyunSandboxMessage[]) => {
    if (!options.reportUrl || taken.length === 0) return;
    pusher.push({ kind: 'SmsReport', url: options.reportUrl, items: taken.map(smsReportItem), afterMs: options.deliveryDelayMs ?? 2000 });
  };

  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const answerError = (res: ServerResponse, error: AliyunError, requestId: string) => {
    const gatewayError = error.httpStatus !== 200;
    answer(res, error.httpStatus || 400, {
      ...error.toResponseBody(requestId),
      ...(gatewayError ? { HostId: 'dysmsapi.aliyuncs.com', Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Dysmsapi` } : {}),
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID().toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const fault = faults.take(url.pathname);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'fail') {
      answerError(res, new AliyunError({ code: failCode, message: 'Injected fault (sandbox).' }), requestId);
      return;
    }
    const body = await readBodyUpTo(req, MAX_BODY);
    if (body === undefined) {
      answerError(res, new AliyunError({ code: 'InvalidParameter', httpStatus: 413, message: 'The request body is larger than 1 MB.' }), requestId);
      return;
    }
    const query = decoded(url.search);
    const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const params = { ...query, ...(isForm ? decoded(body.toString('utf8')) : {}) };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    const incoming: AliyunIncoming = { method: req.method ?? 'GET', path: url.pathname, params, query, headers, body };
    try {
      const caller = authenticate(incoming, { secrets, now: now(), toleranceMs, useNonce });
      const action = Object.prototype.hasOwnProperty.call(ACTIONS, caller.action) ? ACTIONS[caller.action] : undefined;
      if (!action) throw new AliyunError({ code: 'InvalidAction.NotFound' });
      const result = action({ params: caller.params, book, now: now(), onTaken });
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
      answer(res, 200, { Code: 'OK', Message: 'OK', RequestId: requestId, ...result });
    } catch (error) {
      if (isAliyunError(error)) answerError(res, error, requestId);
      else {
        console.error('smskit sandbox (aliyun): unexpected failure', error);
        answerError(res, new AliyunError({ code: 'InternalError' }), requestId);
      }
    }
  };

  // Nothing a caller sends may take the process down: a request line Node accepts but URL does
  // not (`GET //[x`) is answered 400, a body the caller abandoned just closes the socket.
  const serveSafely = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch(() => {
      if (res.headersSent || req.destroyed || res.destroyed) req.socket.destroy();
      else answerError(res, new AliyunError({ code: 'InvalidParameter', httpStatus: 400, message: 'The request could not be read.' }), randomUUID().toUpperCase());
    });
  };

  return {
    handle: serveSafely,
    async listen(listenOptions = {}) {
      const host = listenOptions.host ?? '127.0.0.1';
      const server = createServer(serveSafely);
      server.listen({ port: listenOptions.port ?? options.port ?? 0, host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      const { port } = server.address() as AddressInfo;
      return {
        url: listenUrl(host, port),
        port,
        server,
        close: () =>
          new Promise<void>((resolve) => {
            pusher.close();
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      };
    },
    messages: () => [...book.messages],
    setFaults,
    injectReply(reply) {
      if (!options.upUrl) return;
      const at = new Date(now() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
      pusher.push({ kind: 'SmsUp', url: options.upUrl, items: [{ phone_number: reply.phone, content: reply.content, send_time: at, dest_code: reply.destCode ?? '', sequence_id: now() }] });
    },
    pushAttempts: () => [...pusher.attempts],
    pushesIdle: () => pusher.idle(),
    reset() {
      book.clear();
      nonces.clear();
      faults.clear();
    },
    close: () => pusher.close(),
  };
}
