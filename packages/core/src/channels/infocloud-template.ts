import { toSmsError, SmsError } from '../errors.js';
import { assertTemplateValues } from '../rules/request.js';
import type { ChannelFailure, TemplateValues } from './channel.js';
import { classifyInfocloudError } from './infocloud-classes.js';

/** An infocloud channel's fields for a logical template, read and checked. */
export interface InfocloudTemplateFields {
  /** The approved template's number (模板编号). */
  readonly templateCode: string;
  /** The values in the template's order, from named values. */
  paramsOf(values: TemplateValues): string[] | undefined;
  /** What every request of it carries besides (the template text, the extension code). */
  readonly common: { template?: string; upExtendCode?: string };
}

function fieldsFailure(message: string): ChannelFailure {
  return { failure: 'failover', error: new SmsError({ code: 40004, message: `infocloud template fields: ${message}`, hint: 'Give { "templateCode": "100001", "params": ["code"], "text": "…{code,6}…" } (params and text optional).', retryable: false }) };
}

/**
 * Reads infocloud template fields `{ templateCode, params?, text?, upExtendCode? }` and, when
 * given, checks named values against them (every name in `params` present; with `text`, the
 * count and lengths of core's template rules, 60003/60004). A wrong field is `failover` (this
 * channel's entry is wrong, another's may be right); values that do not fit are classed as the
 * platform's answer would be.
 */
export function readInfocloudTemplate(fields: unknown, values?: TemplateValues): InfocloudTemplateFields | ChannelFailure {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return fieldsFailure('must be an object.');
  const f = fields as Record<string, unknown>;
  if (typeof f.templateCode !== 'string' || f.templateCode === '') return fieldsFailure('templateCode must be a non-empty string.');
  const params = f.params;
  if (params !== undefined && (!Array.isArray(params) || !params.every((p) => typeof p === 'string' && p !== ''))) return fieldsFailure('params must be an array of value names.');
  if (f.text !== undefined && typeof f.text !== 'string') return fieldsFailure('text must be a string.');
  if (f.upExtendCode !== undefined && typeof f.upExtendCode !== 'string') return fieldsFailure('upExtendCode must be a string.');
  const names = (params ?? []) as string[];
  const template: InfocloudTemplateFields = {
    templateCode: f.templateCode,
    paramsOf: (named) => (names.length === 0 ? undefined : names.map((n) => named[n] ?? '')),
    common: { ...(f.text === undefined ? {} : { template: f.text as string }), ...(f.upExtendCode === undefined ? {} : { upExtendCode: f.upExtendCode as string }) },
  };
  if (values === undefined) return template;
  const missing = names.filter((n) => typeof values[n] !== 'string');
  if (missing.length > 0) {
    return { failure: 'stop', error: new SmsError({ code: 60003, message: `Missing value(s) for ${missing.join(', ')}.`, hint: 'Pass every value the template names.', retryable: false }), code: '60003' };
  }
  if (f.text !== undefined) {
    try {
      assertTemplateValues({ template: f.text as string, values: template.paramsOf(values) ?? [] });
    } catch (thrown) {
      const error = toSmsError(thrown);
      return { failure: classifyInfocloudError(error), error, code: String(error.code) };
    }
  }
  return template;
}
