import { randomInt } from 'node:crypto';
import { AliyunError } from '@smskit/aliyun';
import type { AliyunNumberLimits, AliyunTemplateDefinition } from './options.js';

/** A message the Aliyun listener took, as the inbox and QuerySendDetails show it. */
export interface AliyunSandboxMessage {
  /** Always `aliyun`: the inbox marks each message with its channel. */
  channel: 'aliyun';
  /** The send's BizId (shared by the numbers of one request). */
  bizId: string;
  /** The number, as sent. */
  phone: string;
  /** The signature. */
  signName: string;
  /** The template. */
  templateCode: string;
  /** The rendered text, `【signature】` first. */
  content: string;
  /** The caller's OutId. */
  outId?: string;
  /** When it was taken, ms. */
  sentAt: number;
  /** When its receipt is due, ms. */
  deliverAt: number;
}

const MINUTE = 60_000;

function business(code: string, message?: string): AliyunError {
  return new AliyunError({ code, ...(message === undefined ? {} : { message }) });
}

/** The messages the listener took, the per-number limits, and template rendering. */
export class AliyunMessageBook {
  readonly messages: AliyunSandboxMessage[] = [];
  private readonly sentTimes = new Map<string, number[]>();
  private readonly templates: Map<string, AliyunTemplateDefinition>;

  constructor(private readonly options: { templates: readonly AliyunTemplateDefinition[]; limits: AliyunNumberLimits | false; deliveryDelayMs: number }) {
    this.templates = new Map(options.templates.map((t) => [t.code, t]));
  }

  /** Renders `templateCode` for `values`, or throws the business code Aliyun answers. */
  render(input: { templateCode: string; signName: string; values: Record<string, string> }): string {
    const template = this.templates.get(input.templateCode);
    if (!template) throw business('isv.SMS_TEMPLATE_ILLEGAL', `该账号下找不到对应模板: ${input.templateCode}`);
    if (template.signNames && !template.signNames.includes(input.signName)) throw business('isv.SMS_SIGNATURE_ILLEGAL', `该账号下找不到对应签名: ${input.signName}`);
    const missing: string[] = [];
    const text = template.text.replace(/\$\{([^}]+)\}/g, (_all, name: string) => {
      const value = Object.prototype.hasOwnProperty.call(input.values, name) ? input.values[name] : undefined;
      if (value === undefined) missing.push(name);
      return value ?? '';
    });
    if (missing.length > 0) throw business('isv.TEMPLATE_MISSING_PARAMETERS', `模板变量中存在未赋值变量: ${missing.join(', ')}`);
    return `【${input.signName}】${text}`;
  }

  /** Throws `isv.BUSINESS_LIMIT_CONTROL` when any of `phones` is over a per-number limit now. */
  checkLimits(phones: readonly string[], now: number): void {
    const limits = this.options.limits;
    if (!limits) return;
    for (const phone of phones) {
      const times = (this.sentTimes.get(phone) ?? []).filter((t) => now - t < 1440 * MINUTE);
      this.sentTimes.set(phone, times);
      const within = (ms: number) => times.filter((t) => now - t < ms).length;
      if (within(MINUTE) >= limits.perMinute) throw business('isv.BUSINESS_LIMIT_CONTROL', `触发分钟级流控Permits:${limits.perMinute}`);
      if (within(60 * MINUTE) >= limits.perHour) throw business('isv.BUSINESS_LIMIT_CONTROL', `触发小时级流控Permits:${limits.perHour}`);
      if (times.length >= limits.perDay) throw business('isv.BUSINESS_LIMIT_CONTROL', `触发天级流控Permits:${limits.perDay}`);
    }
  }

  /** Records taken messages under one new BizId, and counts them against the limits. */
  take(items: readonly Omit<AliyunSandboxMessage, 'channel' | 'bizId' | 'sentAt' | 'deliverAt'>[], now: number): { bizId: string; taken: AliyunSandboxMessage[] } {
    const bizId = `${randomInt(100_000, 999_999)}${now}^0`;
    const taken = items.map((item) => ({ channel: 'aliyun' as const, bizId, sentAt: now, deliverAt: now + this.options.deliveryDelayMs, ...item }));
    for (const message of taken) {
      this.messages.push(message);
      this.sentTimes.set(message.phone, [...(this.sentTimes.get(message.phone) ?? []), now]);
    }
    return { bizId, taken };
  }

  /** Forgets every message and counter. */
  clear(): void {
    this.messages.length = 0;
    this.sentTimes.clear();
  }
}
