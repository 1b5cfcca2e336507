import { SmsError } from '@smskit/core/provider';
import type { ChannelFailure } from '@smskit/core/provider';

/**
 * A Tencent channel's fields for one logical template, as written in the config file under
 * the channel's name: `{ "templateId": "1110", "signName": "腾讯云", "params": ["code", "minutes"] }`.
 */
export interface TencentTemplateFields {
  /** The approved template's id (a string of digits). */
  readonly templateId: string;
  /** The signature; falls back to the channel's `signName`. Mainland numbers need one. */
  readonly signName?: string;
  /** The names of the values that fill `{1}`, `{2}`, …, in order. */
  readonly params?: readonly string[];
  /** The extension code, when enabled for the account. */
  readonly extendCode?: string;
  /** The sender id for international SMS, when enabled. */
  readonly senderId?: string;
}

function wrong(message: string): ChannelFailure {
  // Wrong fields are this channel's configuration: another channel may still send it.
  return { failure: 'failover', error: new SmsError({ code: 40004, message: `Tencent template fields: ${message}`, hint: 'Write { "templateId": "1110", "signName": "…", "params": ["code"] } under the channel name in the template.' }) };
}

const OPTIONAL_STRINGS = ['signName', 'extendCode', 'senderId'] as const;

/** Checks a template entry's fields for a Tencent channel: the fields, or a `failover` failure saying what is wrong. */
export function parseTemplateFields(fields: unknown): TencentTemplateFields | ChannelFailure {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return wrong('not an object.');
  const f = fields as Record<string, unknown>;
  if (typeof f.templateId !== 'string' || !/^\d{1,20}$/.test(f.templateId)) return wrong('templateId must be the template id as a string of digits.');
  for (const key of OPTIONAL_STRINGS) {
    if (f[key] !== undefined && (typeof f[key] !== 'string' || f[key] === '')) return wrong(`${key} must be a non-empty string.`);
  }
  if (f.params !== undefined && (!Array.isArray(f.params) || !f.params.every((p) => typeof p === 'string' && p !== ''))) return wrong('params must be an array of value names.');
  return f as unknown as TencentTemplateFields;
}
