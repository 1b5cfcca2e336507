import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSmsError } from '@smskit/core';
import { isTencentError, TencentError, verifyTencentRequest, SMS_API_VERSION, type PullSmsReplyStatus } from '@smskit/tencent';
import { z } from 'zod';
import { nodeControlRefusal, type AllowedHosts } from '../control-guard.js';
import { DeliverySchedule, outcomeFor, type DeliveryRule } from '../delivery.js';
import { FaultInjector, type FaultPlan } from '../faults.js';
import { listenUrl } from '../listen-url.js';
import { readBodyUpTo } from '../read-body.js';
import type { MessageState, SandboxMessage, SandboxStore } from '../store.js';
import { fieldsOf } from '../wire-fields.js';
import { TencentPusher, type TencentPushAttempt } from './pusher.js';
import { sendSms, tencentStoreKey, type SendSmsContext, type TencentLimits } from './send-sms.js';
import { DEFAULT_TENCENT_TEMPLATES, prepareTencentTemplates, type TencentTemplateDefinition } from './templates.js';
import { pulledStatusOf, receiptPushItemOf, splitNumber } from './wire.js';

/** The largest body a control request may carry. */
const CONTROL_BODY_LIMIT = 65_536;
const CONTROL_PATHS = new Set(['/_sandbox/faults', '/_sandbox/deliver', '/_sandbox/replies']);
const faultCount = z.number().int().min(0).max(1_000_000).optional();
const TENCENT_FAULTS = z.object({ fail: faultCount, failCode: z.string().min(1).max(100).optional(), drop: faultCount, delay: faultCount, delayMs: z.number().int().min(0).max(600_000).optional() }).strict();
const TENCENT_REPLY = z.object({ phone: z.string().min(1).max(32), text: z.string().max(2000), signName: z.string().max(64).optional(), extendCode: z.string().max(16).optional() });

/** Faults for the Tencent listener: as infocloud's, with a Tencent code to fail with. */
export interface TencentFaultPlan extends Omit<FaultPlan, 'failCode' | 'path'> {
  /** The code `fail` answers in `Response.Error`. @defaultValue `'InternalError.Timeout'` */
  failCode?: string;
}

/** The Tencent side of the sandbox: `createSandbox({ tencent: { … } })`. */
export interface TencentSandboxOptions {
  /** The SecretId requests must be signed with. */
  secretId: string;
  /** Its SecretKey. */
  secretKey: string;
  /** The one SmsSdkAppId this sandbox serves. */
  sdkAppId: string;
  /** The port of the second listener. @defaultValue 0 (a free one) */
  port?: number;
  /** Approved templates (`{1}`-style). @defaultValue {@link DEFAULT_TENCENT_TEMPLATES} */
  templates?: readonly TencentTemplateDefinition[];
  /** Seed 004's per-number limits; `false` turns them off. @defaultValue 1 per 30 s per content, 10 a day */
  limits?: TencentLimits | false;
  /** How far X-TC-Timestamp may be off, in seconds. @defaultValue 300 */
  toleranceSeconds?: number;
  /** Where receipts are pushed (Tencent's array format). */
  receiptPushUrl?: string;
  /** Where replies are pushed. */
  replyPushUrl?: string;
  /** A push not answered in this many ms is abandoned. @defaultValue 1000 */
  pushTimeoutMs?: number;
  /** Faults from the start (see also `POST /_sandbox/faults` on the Tencent port). */
  faults?: TencentFaultPlan;
  /** Largest body in bytes. @defaultValue 1_048_576 */
  bodyLimit?: number;
  /** Receives each push attempt. */
  onPush?: (attempt: TencentPushAttempt) => void;
}

/** A reply to inject as if a handset had answered an SMS of this sandbox. */
export interface TencentInjectedReply {
  /** The sender (mainland 11 digits or E.164). */
  phone: string;
  /** What they wrote. */
  text: string;
  /** The signature answered. @defaultValue `''` */
  signName?: string;
  /** The extension code. @defaultValue `''` */
  extendCode?: string;
}

/** The Tencent side of a sandbox. */
export interface TencentSandbox {
  /** The Node request handler (SMS API 3.0 at `/`, control at `/_sandbox/*`). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Listens; closed by the returned `close`. */
  listen(options?: { port?: number; host?: string }): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }>;
  /** Messages it accepted, newest first. */
  messages(limit?: number): Promise<SandboxMessage[]>;
  /** Records a reply, queues it for PullSmsReplyStatus and pushes it. */
  injectReply(reply: TencentInjectedReply): Promise<void>;
  /** Settles every pending message now. */
  deliverNow(): Promise<number>;
  /** Replaces the faults to come. */
  setFaults(plan: TencentFaultPlan): void;
  /** Resolves once queued pushes were tried. */
  pushesIdle(): Promise<void>;
  /** Stops timers. */
  close(): void;
}

/** What the main sandbox shares with its Tencent side. */
export interface TencentSandboxShared {
  store: SandboxStore;
  now: () => number;
  deliveryDelayMs: number;
  deliveryRules: readonly DeliveryRule[];
  nextSeq: () => number;
  /** Host names the control endpoints also answer for (the main sandbox's `allowedHosts`). @defaultValue [] */
  allowedHosts?: AllowedHosts;
}

/** Builds the Tencent side of the sandbox over the shared store (so one inbox shows every channel). */
export function createTencentSandbox(options: TencentSandboxOptions, shared: TencentSandboxShared): TencentSandbox {
  if (!options.secretId || !options.secretKey || !options.sdkAppId) throw new Error('createSandbox: tencent needs secretId, secretKey and sdkAppId.');
  const { store, now } = shared;
  const limits = options.limits === false ? false : { sameContentMs: options.limits?.sameContentMs ?? 30_000, perNumberPerDay: options.limits?.perNumberPerDay ?? 10 };
  const ctx: SendSmsContext = { sdkAppId: options.sdkAppId, templates: prepareTencentTemplates(options.templates ?? DEFAULT_TENCENT_TEMPLATES), store, limits, now, nextSeq: shared.nextSeq, lastSent: new Map() };
  const faults = new FaultInjector();
  let failCode = 'InternalError.Timeout';
  const setFaults = (plan: TencentFaultPlan) => {
    failCode = plan.failCode ?? 'InternalError.Timeout';
    faults.set({ fail: plan.fail, drop: plan.drop, delay: plan.delay, delayMs: plan.delayMs });
  };
  if (options.faults) setFaults(options.faults);
  const pusher = new TencentPusher({ timeoutMs: options.pushTimeoutMs ?? 1000, onAttempt: options.onPush });
  const replies: PullSmsReplyStatus[] = [];
  let settling: Promise<unknown> = Promise.resolve();
  const schedule = new DeliverySchedule({
    delayMs: shared.deliveryDelayMs,
    now,
    settle: (due) => {
      settling = Promise.resolve(store.settle(due)).then((settled) => {
        if (options.receiptPushUrl && settled.length > 0) pusher.enqueue({ kind: 'receipts', url: options.receiptPushUrl, body: settled.map(receiptPushItemOf) });
      });
    },
  });

  const actions: Record<string, (body: Record<string, unknown>) => Promise<object>> = {
    async SendSms(body) {
      const { statuses, accepted } = await sendSms(ctx, body);
      schedule.add(accepted.map((a) => ({ seq: a.message.seq, state: outcomeFor(a.message.phone, shared.deliveryRules) as MessageState })));
      return { SendStatusSet: statuses };
    },
    async PullSmsSendStatus(body) {
      const limit = limitOf(body);
      const taken = await store.takeReceipts({ apiKey: tencentStoreKey(options.sdkAppId), since: 0, limit });
      return { PullSmsSendStatusSet: taken.map(pulledStatusOf) };
    },
    async PullSmsReplyStatus(body) {
      return { PullSmsReplyStatusSet: replies.splice(0, limitOf(body)) };
    },
  };
  const checkApp = (body: Record<string, unknown>) => {
    if (body.SmsSdkAppId !== options.sdkAppId) throw new TencentError({ code: 'InvalidParameterValue.SdkAppIdNotExist', message: 'SmsSdkAppId does not exist.' });
  };

  async function answerApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const send = (response: object) => json(res, 200, { Response: { ...response, RequestId: requestId } });
    try {
      if (req.method !== 'POST') throw new TencentError({ code: 'UnsupportedProtocol', message: 'The sandbox serves POST with a JSON body.' });
      const body = await readBody(req, options.bodyLimit ?? 1_048_576);
      const fault = faults.take('/');
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'fail') throw new TencentError({ code: failCode, message: 'Injected fault (sandbox).' });
      const verified = verifyTencentRequest({ method: req.method, path: (req.url ?? '/').split('?')[0], query: (req.url ?? '').split('?')[1] ?? '', headers: req.headers, body, secretKeyFor: (id) => (id === options.secretId ? options.secretKey : undefined), toleranceSeconds: options.toleranceSeconds ?? 300, now });
      if (verified.version !== SMS_API_VERSION) throw new TencentError({ code: 'NoSuchVersion', message: `X-TC-Version must be ${SMS_API_VERSION}.` });
      const action = actions[verified.action];
      if (!action || !Object.prototype.hasOwnProperty.call(actions, verified.action)) throw new TencentError({ code: 'InvalidAction', message: `The sandbox has no action ${verified.action.slice(0, 40)}.` });
      let params: unknown;
      try {
        params = JSON.parse(body.toString('utf8'));
      } catch {
        throw new TencentError({ code: 'FailedOperation.JsonParseFail' });
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new TencentError({ code: 'FailedOperation.FailResolvePacket', message: 'The body must be a JSON object.' });
      if (verified.action !== 'SendSms') checkApp(params as Record<string, unknown>);
      const answer = await action(params as Record<string, unknown>);
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
      send(answer);
    } catch (error) {
      if (isTencentError(error)) return send(error.toResponseBody(requestId).Response);
      console.error('smskit sandbox (tencent): unexpected error', error);
      send({ Error: { Code: 'InternalError', Message: 'Unexpected sandbox error.' } });
    }
  }

  const sandbox: TencentSandbox = {
    handle(req, res) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const run = path.startsWith('/_sandbox/') ? control(req, res, path) : answerApi(req, res);
      run.catch((error: unknown) => {
        console.error('smskit sandbox (tencent): unexpected error', error);
        if (!res.headersSent) json(res, 500, { Response: { Error: { Code: 'InternalError', Message: 'Unexpected sandbox error.' }, RequestId: randomUUID() } });
      });
    },
    async listen(listenOptions = {}) {
      const server = createServer((req, res) => sandbox.handle(req, res));
      const host = listenOptions.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: listenOptions.port ?? options.port ?? 0, host }, resolve);
      });
      const { port } = server.address() as AddressInfo;
      return { url: listenUrl(host, port), port, server, close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }) };
    },
    messages: async (limit = 100) => store.findMessages({ apiKey: tencentStoreKey(options.sdkAppId), limit }),
    async injectReply(reply) {
      const { nationcode, mobile } = splitNumber(reply.phone);
      const at = now();
      replies.push({ ExtendCode: reply.extendCode ?? '', CountryCode: nationcode, SubscriberNumber: mobile, PhoneNumber: `+${nationcode}${mobile}`, SignName: reply.signName ?? '', ReplyContent: reply.text, ReplyTime: Math.floor(at / 1000) });
      await store.addReply({ apiKey: tencentStoreKey(options.sdkAppId), srcId: reply.extendCode ?? '', tel: reply.phone, content: reply.text, arrivedAt: at });
      if (options.replyPushUrl) pusher.enqueue({ kind: 'replies', url: options.replyPushUrl, body: { extend: reply.extendCode ?? '', mobile, nationcode, sign: reply.signName ?? '', text: reply.text, time: Math.floor(at / 1000) } });
    },
    async deliverNow() {
      const count = schedule.flush();
      await settling;
      return count;
    },
    setFaults,
    async pushesIdle() {
      await settling;
      await pusher.idle();
    },
    close: () => schedule.close(),
  };

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // The main port's guard: no foreign Host (DNS rebinding), no write from another origin's page.
    const refused = nodeControlRefusal(req, shared.allowedHosts ?? []);
    if (refused !== undefined) return json(res, 403, { error: refused });
    // JSON only: a cross-site form cannot send it without a preflight the sandbox never answers.
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) return json(res, 405, { error: 'POST application/json only' });
    let body: Buffer;
    try {
      body = await readBody(req, CONTROL_BODY_LIMIT);
    } catch (error) {
      if (isTencentError(error)) return json(res, 413, { error: error.message });
      throw error;
    }
    if (!CONTROL_PATHS.has(path)) return json(res, 404, { error: 'no such control endpoint' });
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return json(res, 400, { error: 'The body is not valid JSON.' });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return json(res, 400, { error: 'The body must be a JSON object.' });
    try {
      if (path === '/_sandbox/faults') {
        setFaults(fieldsOf(TENCENT_FAULTS, input));
        return json(res, 200, { ok: true });
      }
      if (path === '/_sandbox/replies') {
        await sandbox.injectReply(fieldsOf(TENCENT_REPLY, input));
        return json(res, 200, { ok: true });
      }
      return json(res, 200, { settled: await sandbox.deliverNow() });
    } catch (error) {
      // fieldsOf names the first field at fault
      if (isSmsError(error)) return json(res, 400, { error: error.message });
      throw error;
    }
  }

  return sandbox;
}

function limitOf(body: Record<string, unknown>): number {
  const limit = body.Limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) throw new TencentError({ code: 'InvalidParameterValue.LimitVerifyFail', message: 'Limit must be an integer from 1 to 100.' });
  return limit;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const body = await readBodyUpTo(req, limit);
  if (body === undefined) throw new TencentError({ code: 'RequestSizeLimitExceeded', message: `The body is larger than ${limit} bytes.` });
  return body;
}
