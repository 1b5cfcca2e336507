import type { FaultPlan } from '../faults.js';

/** An approved Aliyun template, as the templates file gives it (`"platform": "aliyun"`). */
export interface AliyunTemplateDefinition {
  /** Marks the entry as Aliyun's in a templates file shared with the seed platform. */
  platform: 'aliyun';
  /** The template code sends name (`SMS_154950909`). */
  code: string;
  /** The text with `${var}` variables. */
  text: string;
  /** The signatures approved to go with it; any non-empty one when absent. */
  signNames?: readonly string[];
}

/** The templates the Aliyun sandbox knows when none are given. */
export const DEFAULT_ALIYUN_TEMPLATES: readonly AliyunTemplateDefinition[] = [
  { platform: 'aliyun', code: 'SMS_154950909', text: '您的验证码为：${code}，该验证码5分钟内有效，请勿泄漏于他人！' },
  { platform: 'aliyun', code: 'SMS_465300001', text: '尊敬的${name}，您的订单${order}已发货。' },
];

/** Faults for the Aliyun listener: as the seed platform's, with an Aliyun code to fail with. */
export type AliyunFaultPlan = Omit<FaultPlan, 'failCode'> & {
  /** The code `fail` answers (its catalogue status: 200 for isv/isp codes). @defaultValue `'isp.SYSTEM_ERROR'` */
  failCode?: string;
};

/** Per-number limits (Aliyun's defaults for one signature: 1 a minute, 5 an hour, 10 a day). */
export interface AliyunNumberLimits {
  /** Messages per number per minute. @defaultValue 1 */
  perMinute: number;
  /** Messages per number per hour. @defaultValue 5 */
  perHour: number;
  /** Messages per number per day. @defaultValue 10 */
  perDay: number;
}

/** The Aliyun listener of {@link createSandbox}: dysmsapi's RPC API at the root of its own port. */
export interface AliyunSandboxOptions {
  /** The AccessKey id requests must name. @defaultValue `'sandbox-aliyun-id'` */
  accessKeyId?: string;
  /** Its secret. @defaultValue `'sandbox-aliyun-secret'` */
  accessKeySecret?: string;
  /** The port to listen on. @defaultValue 0 (a free one) */
  port?: number;
  /** Approved templates. @defaultValue {@link DEFAULT_ALIYUN_TEMPLATES} */
  templates?: readonly AliyunTemplateDefinition[];
  /** Per-number limits, or `false` for none. @defaultValue Aliyun's: 1/min, 5/h, 10/day */
  limits?: AliyunNumberLimits | false;
  /** How far a Timestamp may be from the sandbox's clock, in ms. @defaultValue 900_000 (15 minutes) */
  toleranceMs?: number;
  /** How long a message waits for its receipt, in ms. @defaultValue 2000 */
  deliveryDelayMs?: number;
  /** Where SmsReport (receipts) is pushed; none pushed when absent. */
  reportUrl?: string;
  /** Where SmsUp (replies) is pushed; none pushed when absent. */
  upUrl?: string;
  /** Waits before each retry of a push that was not answered `{"code":0}`, in ms. @defaultValue [1000, 5000, 30000] */
  pushRetryDelaysMs?: readonly number[];
  /** Faults to inject from the start. */
  faults?: AliyunFaultPlan;
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}
