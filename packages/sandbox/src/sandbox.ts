import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatArriveTime, SmsError, type ApiCredentials, type PlatformEndpoint, type RateLimitedEndpoint } from '@smskit/core';
import { answerPlatformError, platformErrors, verifySignature } from '@smskit/koa';
import Koa, { type Context, type Middleware, type Next } from 'koa';
import { aliyunTemplatesOf, createAliyunSandbox, isAliyunTemplate, type AliyunSandbox } from './aliyun/index.js';
import { mergeInboxMessages } from './aliyun/inbox-messages.js';
import { DeliverySchedule } from './delivery.js';
import { FaultInjector, type Fault } from './faults.js';
import { listenUrl } from './listen-url.js';
import { MemorySandboxStore } from './memory-store.js';
import { msgIdMaker } from './msg-id.js';
import type { SandboxControl } from './control.js';
import type { SandboxOptions } from './options.js';
import { platformEndpoints } from './platform-routes.js';
import { Pusher } from './pusher.js';
import { DEFAULT_RATE_LIMITS, rateLimit } from './rate-limits.js';
import { requestLog } from './request-log.js';
import { SANDBOX_PREFIX, sandboxRouter } from './sandbox-routes.js';
import type { Accepted } from './send-engine.js';
import type { MessageState, SandboxMessage, SandboxReply, SandboxStore } from './store.js';
import { BALANCE_ITEMS, DEFAULT_TEMPLATES, prepareTemplates, type BalanceItem } from './templates.js';
import { createTencentSandbox, type TencentSandbox } from './tencent/tencent-sandbox.js';
import { splitTemplatesByPlatform, type TencentTemplateDefinition } from './tencent/templates.js';

export type { InjectedReply, SandboxControl, SandboxState } from './control.js';

/** A sandbox listening on a port. */
export interface RunningSandbox {
  /** `http://host:port`, to connect to: a wildcard host (`0.0.0.0`, `::`) is given as loopback. */
  url: string;
  /** The port (useful with port 0). */
  port: number;
  /** The address listened on. */
  host: string;
  /** The Node server. */
  server: Server;
  /** The Aliyun listener's `http://host:port` (as `url`), when the sandbox has one. */
  aliyunUrl?: string;
  /** Stops accepting, ends open connections, stops timers. */
  close(): Promise<void>;
  /** The Tencent listener's `http://host:port` (as `url`), when `tencent` was configured. */
  tencentUrl?: string;
  /** The Tencent listener's port, when `tencent` was configured. */
  tencentPort?: number;
}

/** The sandbox: the Koa app and the handles tests and tools use. */
export interface Sandbox extends SandboxControl {
  /** The Koa app (mount it, or call `listen`). */
  app: Koa;
  /** The store holding its state. */
  store: SandboxStore;
  /** The Aliyun listener, when `options.aliyun` asked for one. */
  aliyun?: AliyunSandbox;
  /** Listens on `host:port`. @defaultValue 127.0.0.1, port 0 (a free one) */
  listen(options?: { port?: number; host?: string }): Promise<RunningSandbox>;
  /** Resolves once every queued push has been tried. */
  pushesIdle(): Promise<void>;
  /** Stops the delivery timer (a listening server is closed by its own `close`). */
  close(): void;
  /** The Tencent side, when `tencent` was configured. */
  tencent?: TencentSandbox;
}

const DEFAULT_API_KEY = 'sandbox-api-key';
const DEFAULT_ACCESS_KEY = 'sandbox-access-key';

/**
 * Builds a local emulation of the SMS platform (SPEC §3–§7) as a Koa app on `@smskit/koa`:
 * signed endpoints with the manual's shapes and codes, templates, messages with receipts that
 * arrive after a delay, receipt and reply pushes with the slow-receiver rule, statistics and
 * balances that follow from what was sent, rate limits, and injectable faults. State lives
 * in memory by default: a restart loses it.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ apiKey: 'k', accessKey: 's', deliveryDelayMs: 0 });
 * const { url, close } = await sandbox.listen({ port: 0 });
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const accounts = options.accounts ?? [{ apiKey: options.apiKey ?? DEFAULT_API_KEY, accessKey: options.accessKey ?? DEFAULT_ACCESS_KEY, allowedIps: options.allowedIps }];
  if (accounts.length === 0) throw new Error('createSandbox: at least one account is needed.');
  if (options.channelName !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(options.channelName)) throw new Error('createSandbox: channelName must be 1–64 letters, digits, "_", "." or "-".');
  const credentials: Record<string, ApiCredentials> = Object.create(null) as Record<string, ApiCredentials>;
  for (const account of accounts) credentials[account.apiKey] = { accessKey: account.accessKey, allowedIps: account.allowedIps };
  const firstApiKey = accounts[0]!.apiKey;
  // One templates file may hold both platforms' entries; `"platform": "aliyun"` ones go to the Aliyun listener.
  const templateEntries: readonly unknown[] = options.templates ?? DEFAULT_TEMPLATES;
  const aliyunTemplates = aliyunTemplatesOf(templateEntries);
  // ...and `"platform": "tencent"` ones to the Tencent listener (unless its options name its own).
  const { infocloud: platformEntries, tencent: tencentTemplates } = splitTemplatesByPlatform(templateEntries.filter((entry) => !isAliyunTemplate(entry)));
  // A file of Aliyun entries only leaves the platform its default templates.
  const templates = prepareTemplates(platformEntries.length > 0 ? platformEntries : DEFAULT_TEMPLATES);
  const initialBalance = typeof options.balance === 'number' ? Object.fromEntries(BALANCE_ITEMS.map((item) => [item, options.balance])) : options.balance;
  const store = options.store ?? new MemorySandboxStore({ initialBalance: initialBalance as Partial<Record<BalanceItem, number>> | undefined });
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const aliyun = options.aliyun === undefined ? undefined : createAliyunSandbox({ now, ...(aliyunTemplates.length > 0 ? { templates: aliyunTemplates } : {}), ...options.aliyun });
  const pusher = new Pusher({ timeoutMs: options.pushTimeoutMs ?? 1000, maxSlow: options.maxSlowPushes ?? 3, batchSize: options.pushBatchSize ?? 100, now, onAttempt: options.onPush });
  let seq = 0;

  const reportAsync = (what: string) => (error: unknown) => console.error(`smskit sandbox: ${what} failed`, error);

  const pushReceipts = (settled: readonly SandboxMessage[]) => {
    if (!options.pushUrl || settled.length === 0) return;
    const byAccount = new Map<string, SandboxMessage[]>();
    for (const message of settled) byAccount.set(message.apiKey, [...(byAccount.get(message.apiKey) ?? []), message]);
    for (const [apiKey, messages] of byAccount) {
      const data = messages.map((m) => ({ msgId: m.msgId, tel: m.phone, arriveResult: m.state, arriveTime: formatArriveTime(new Date(m.arrivedAt ?? now())), bid: m.bid ?? null }));
      pusher.enqueue({ kind: 'receipts', url: options.pushUrl, apiKey, data });
    }
  };

  let settling: Promise<unknown> = Promise.resolve();
  const schedule = new DeliverySchedule({
    delayMs: options.deliveryDelayMs ?? 2000,
    now,
    settle: (due) => {
      settling = Promise.resolve(store.settle(due)).then(pushReceipts, reportAsync('settling receipts'));
    },
  });

  const limiters = new Map<PlatformEndpoint, Middleware>();
  if (options.rateLimits !== false) {
    for (const endpoint of Object.keys(DEFAULT_RATE_LIMITS) as RateLimitedEndpoint[]) {
      const limit = options.rateLimits?.[endpoint] ?? DEFAULT_RATE_LIMITS[endpoint];
      if (limit) limiters.set(endpoint, rateLimit(limit));
    }
  }

  const control: SandboxControl = {
    async state() {
      const balances = await Promise.all(accounts.map(async (a) => ({ apiKey: a.apiKey, balance: await store.balance(a.apiKey) })));
      return { accounts: balances, pendingDeliveries: schedule.pending, push: { ...pusher.status(), receiptUrl: options.pushUrl, replyUrl: options.replyPushUrl }, faults: faults.snapshot(), ...(options.channelName === undefined ? {} : { channel: options.channelName }) };
    },
    templates: () => [...templates.values()],
    messages: async (query) => {
      const full = { ...query, limit: query.limit ?? 100 };
      const own = await store.findMessages(full);
      // The Aliyun listener's messages show in the same inbox, marked with their channel.
      return aliyun === undefined ? own : mergeInboxMessages({ own, aliyun: aliyun.messages(), query: full, now: now() });
    },
    replies: async (query) => store.findReplies({ ...query, limit: query.limit ?? 100 }),
    async injectReply(reply) {
      const apiKey = reply.apiKey ?? firstApiKey;
      if (!credentials[apiKey]) throw new SmsError({ code: 40004, message: 'Unknown apiKey for the reply.' });
      const srcId = reply.srcId ?? `${options.srcId ?? '1069000'}${reply.upExtendCode ?? ''}`;
      const stored: SandboxReply = { apiKey, srcId, tel: reply.tel, content: reply.content, arrivedAt: now() };
      await store.addReply(stored);
      if (options.replyPushUrl) {
        pusher.enqueue({ kind: 'replies', url: options.replyPushUrl, apiKey, data: [{ srcId, tel: stored.tel, content: stored.content, arriveTime: formatArriveTime(new Date(stored.arrivedAt)) }] });
      }
      return stored;
    },
    async deliverNow() {
      const settled = schedule.flush();
      await settling;
      return settled;
    },
    faults: () => faults.snapshot(),
    setFaults: (plan) => faults.set(plan),
    pushStatus: () => pusher.status(),
    pushAttempts: () => pusher.attempts(),
    resumePushes: () => pusher.resume(),
    async setBalance(change) {
      const apiKey = change.apiKey ?? firstApiKey;
      if (!credentials[apiKey]) throw new SmsError({ code: 40004, message: 'Unknown apiKey.' });
      await store.setBalance(apiKey, change.values);
      return store.balance(apiKey);
    },
    async reset() {
      schedule.clear();
      await store.reset();
      faults.clear();
      pusher.clear();
      pusher.resume();
      aliyun?.reset();
    },
  };

  const app = new Koa();
  app.silent = true; // unexpected errors reach stderr through platformErrors' hook below
  if (options.log) app.use(requestLog(options.log));
  app.use(platformErrors({ onError: ({ error, answered }) => void (answered.code === -1 && console.error('smskit sandbox: unexpected error', error)) }));
  const sandboxApi = sandboxRouter(control, { allowedHosts: options.allowedHosts }).routes();
  // only /_sandbox/* pays for the router's matching; the platform paths skip it
  app.use(function sandboxEndpoints(ctx: Context, next: Next) {
    return ctx.path.startsWith(SANDBOX_PREFIX) ? sandboxApi(ctx as Parameters<typeof sandboxApi>[0], next) : next();
  });
  app.use(injectFaults(faults));
  const verify = verifySignature({ credentials, toleranceMs: options.toleranceMs ?? 60_000, now, bodyLimit: options.bodyLimit ?? '2mb' });
  const platform = platformEndpoints({
    store,
    templates,
    rules: options.deliveryRules ?? [],
    now,
    nextMsgId: msgIdMaker(now),
    nextSeq: () => ++seq,
    verify,
    limit: (endpoint) => limiters.get(endpoint),
    onAccepted: (accepted: readonly Accepted[]) => schedule.add(accepted.map((a) => ({ seq: a.message.seq, state: a.outcome as MessageState }))),
  });
  app.use(platform);
  app.use(function noSuchEndpoint(ctx: Context) {
    answerPlatformError(ctx, { code: 40004, message: `No endpoint ${ctx.method} ${ctx.path}.`, status: 404 });
  });

  const tencentOptions = options.tencent && options.tencent.templates === undefined && tencentTemplates.length > 0
    ? { ...options.tencent, templates: tencentTemplates as TencentTemplateDefinition[] }
    : options.tencent;
  const tencent = tencentOptions
    ? createTencentSandbox(tencentOptions, { store, now, deliveryDelayMs: options.deliveryDelayMs ?? 2000, deliveryRules: options.deliveryRules ?? [], nextSeq: () => ++seq, allowedHosts: options.allowedHosts })
    : undefined;

  return {
    ...control,
    app,
    store,
    tencent,
    pushesIdle: async () => {
      await settling;
      await pusher.idle();
      await tencent?.pushesIdle();
    },
    ...(aliyun === undefined ? {} : { aliyun }),
    close: () => {
      schedule.close();
      tencent?.close();
      aliyun?.close();
    },
    listen: async (listenOptions = {}) => {
      const running = await listen(app, listenOptions, () => schedule.close());
      // The other providers' listeners, each on a port of its own beside the platform's.
      let second: Awaited<ReturnType<TencentSandbox['listen']>> | undefined;
      let third: Awaited<ReturnType<AliyunSandbox['listen']>> | undefined;
      try {
        second = tencent ? await tencent.listen({ host: listenOptions.host }) : undefined;
        third = aliyun ? await aliyun.listen({ host: listenOptions.host }) : undefined;
      } catch (error) {
        // A provider port already taken must not leave the platform's port open behind the error.
        await Promise.all([running.close(), second?.close()]);
        throw error;
      }
      if (second === undefined && third === undefined) return running;
      return {
        ...running,
        ...(second === undefined ? {} : { tencentUrl: second.url, tencentPort: second.port }),
        ...(third === undefined ? {} : { aliyunUrl: third.url }),
        close: async () => {
          tencent?.close();
          await Promise.all([running.close(), second?.close(), third?.close()]);
        },
      };
    },
  };
}

function injectFaults(faults: FaultInjector): Middleware {
  return function injectSandboxFaults(ctx: Context, next: Next): Promise<void> {
    if (ctx.path.startsWith(SANDBOX_PREFIX)) return next();
    const fault = faults.take(ctx.path);
    return fault ? applyFault(fault, ctx, next) : next();
  };
}

async function applyFault(fault: Fault, ctx: Context, next: Next): Promise<void> {
  if (fault.kind === 'drop') {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (fault.kind === 'fail') {
    answerPlatformError(ctx, { code: fault.code, message: 'Injected fault (sandbox).' });
    return;
  }
  await next();
  await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
}

async function listen(app: Koa, options: { port?: number; host?: string }, onClose: () => void): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const server = app.listen({ port: options.port ?? 0, host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000; // outlive clients' pools, so kept-alive sockets are not cut under them
  const { port } = server.address() as AddressInfo;
  return {
    url: listenUrl(host, port),
    port,
    host,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        onClose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
