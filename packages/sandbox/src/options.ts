import type { ApiCredentials, RateLimit, RateLimitedEndpoint } from '@smskit/core';
import type { AliyunSandboxOptions, AliyunTemplateDefinition } from './aliyun/options.js';
import type { DeliveryRule } from './delivery.js';
import type { FaultPlan } from './faults.js';
import type { RequestLogEntry } from './request-log.js';
import type { PushAttempt } from './pusher.js';
import type { SandboxStore } from './store.js';
import type { TencentSandboxOptions } from './tencent/tencent-sandbox.js';
import type { BalanceItem, TemplateDefinition } from './templates.js';

/** An account of the sandbox. */
export interface SandboxAccount extends ApiCredentials {
  /** The apiKey requests are signed with. */
  apiKey: string;
}

/** Options of {@link createSandbox}. Every field has a default, so `createSandbox()` runs. */
export interface SandboxOptions {
  /** The apiKey of the sandbox's one account. @defaultValue `'sandbox-api-key'` */
  apiKey?: string;
  /** The accessKey of that account. @defaultValue `'sandbox-access-key'` */
  accessKey?: string;
  /** Addresses or CIDR ranges that account may call from (2000 otherwise); any when empty. */
  allowedIps?: readonly string[];
  /** Several accounts instead of `apiKey`/`accessKey`/`allowedIps`. */
  accounts?: readonly SandboxAccount[];
  /**
   * Approved templates. Entries marked `"platform": "aliyun"` are the Aliyun listener's (unless
   * `aliyun.templates` is given).
   * @defaultValue {@link DEFAULT_TEMPLATES}
   */
  templates?: readonly (TemplateDefinition | AliyunTemplateDefinition)[];
  /** Starting balance of each account: one number for all three items, or per item. @defaultValue 10 000 each */
  balance?: number | Partial<Record<BalanceItem, number>>;
  /** Accepted clock skew of `x-timestamp`, in ms. @defaultValue 60_000 */
  toleranceMs?: number;
  /** How long a message waits for its receipt, in ms; 0 settles it at once. @defaultValue 2000 */
  deliveryDelayMs?: number;
  /** Which numbers end in which state (first match wins; the rest are `DELIVRD`). @defaultValue [] */
  deliveryRules?: readonly DeliveryRule[];
  /** Where receipts are pushed; none pushed when absent. */
  pushUrl?: string;
  /** Where uplink replies are pushed; none pushed when absent. */
  replyPushUrl?: string;
  /** A push not answered within this many ms is abandoned and counts as slow. @defaultValue 1000 */
  pushTimeoutMs?: number;
  /** Slow pushes in a row after which pushing stops. @defaultValue 3 */
  maxSlowPushes?: number;
  /** Most items in one push. @defaultValue 100 */
  pushBatchSize?: number;
  /** The access number replies are sent to; an extension code is appended. @defaultValue `'1069000'` */
  srcId?: string;
  /**
   * Per-endpoint limits per apiKey (`{ max, windowMs }`, core's `RateLimit`), answered with
   * 6000; `false` turns them all off, and `false` for one endpoint turns its limit off.
   * @defaultValue {@link DEFAULT_RATE_LIMITS} (the platform's, from core's `PLATFORM_ENDPOINTS`)
   */
  rateLimits?: false | Partial<Record<RateLimitedEndpoint, RateLimit | false>>;
  /** Faults to inject from the start (see also `/_sandbox/faults`). */
  faults?: FaultPlan;
  /** Where state is kept. @defaultValue a new {@link MemorySandboxStore} */
  store?: SandboxStore;
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
  /** Receives one entry per request (no secrets in it). */
  log?: (entry: RequestLogEntry) => void;
  /** Receives each push attempt. */
  onPush?: (attempt: PushAttempt) => void;
  /** Largest request body, bytes or a string like `'1mb'`. @defaultValue `'2mb'` */
  bodyLimit?: number | string;
  /**
   * Host names, besides IP addresses, `localhost` and `*.localhost`, for which the control
   * endpoints (`/_sandbox/*`) answer: a name (`sandbox.test`) or a suffix (`.test`); `true` for
   * any. The narrow default is what stops a DNS-rebinding page from driving the sandbox. The
   * platform endpoints answer for any host (they are signed).
   * @defaultValue []
   */
  allowedHosts?: readonly string[] | true;
  /**
   * The name of the channel this sandbox plays (`primary`, `backup`), when an app sends through
   * several: shown on every message of the inbox page and in `/_sandbox/state`, so a failover is
   * visible. Not part of the platform API.
   */
  channelName?: string;
  /**
   * Also serve Aliyun dysmsapi's RPC API on a second port (`listen` opens it too); its
   * messages are marked `channel: 'aliyun'`. Absent: no Aliyun listener.
   */
  aliyun?: AliyunSandboxOptions;
  /**
   * Also serve Tencent Cloud SMS API 3.0 at the root of a second port (`listen` starts it),
   * verifying TC3 signatures; its messages share the store and the inbox.
   */
  tencent?: TencentSandboxOptions;
}
