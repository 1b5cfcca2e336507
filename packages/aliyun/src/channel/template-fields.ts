import { SmsError, type ChannelFailure, type TemplateValues } from '@smskit/core/provider';

/** An Aliyun channel's fields for a logical template, as the config file's `templates` section holds them. */
export interface AliyunTemplateFields {
  /** The approved template (`SMS_154950909`). */
  readonly templateCode: string;
  /** The approved signature text. */
  readonly signName: string;
  /**
   * How the template's `${var}` names map to the logical values: `{ "code": "code" }`. Left
   * out: every value is sent under its own name.
   */
  readonly params?: Readonly<Record<string, string>>;
  /** The upstream extend code, for replies. */
  readonly smsUpExtendCode?: string;
}

function failure(message: string, failureClass: 'failover' | 'stop'): ChannelFailure {
  return {
    failure: failureClass,
    error: new SmsError({
      code: 40004,
      message: `aliyun template: ${message}`,
      hint: 'Aliyun template fields are { "templateCode": "SMS_…", "signName": "…", "params": { "<${var} name>": "<value name>" } } (params optional).',
      retryable: false,
    }),
  };
}

/**
 * Reads and checks Aliyun template fields; with `values`, that every mapped value is there. A
 * wrong field is `failover` (this channel's entry is wrong; another channel's may be right); a
 * missing value is `stop`, since no channel could render the message.
 */
export function readAliyunTemplate(fields: unknown, values?: TemplateValues): AliyunTemplateFields | ChannelFailure {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return failure('fields must be an object.', 'failover');
  const f = fields as Record<string, unknown>;
  if (typeof f.templateCode !== 'string' || f.templateCode === '') return failure('templateCode must be a non-empty string.', 'failover');
  if (typeof f.signName !== 'string' || f.signName === '') return failure('signName must be a non-empty string.', 'failover');
  if (f.smsUpExtendCode !== undefined && (typeof f.smsUpExtendCode !== 'string' || !/^\d{1,12}$/.test(f.smsUpExtendCode))) return failure('smsUpExtendCode must be digits.', 'failover');
  const params = f.params;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params) || !Object.values(params).every((v) => typeof v === 'string' && v !== ''))) {
    return failure('params must map each ${var} name to a value name.', 'failover');
  }
  const read: AliyunTemplateFields = {
    templateCode: f.templateCode,
    signName: f.signName,
    ...(params === undefined ? {} : { params: params as Record<string, string> }),
    ...(f.smsUpExtendCode === undefined ? {} : { smsUpExtendCode: f.smsUpExtendCode as string }),
  };
  if (values !== undefined && read.params !== undefined) {
    const missing = Object.values(read.params).filter((name) => typeof values[name] !== 'string');
    if (missing.length > 0) return failure(`no value for ${missing.join(', ')}.`, 'stop');
  }
  return read;
}

/** The TemplateParam object for `values`: mapped through `params`, or the values as they are. */
export function templateParamOf(fields: AliyunTemplateFields, values: TemplateValues): Record<string, string> | undefined {
  // No prototype: a value named `__proto__` is kept as a value, not swallowed by the setter.
  const out = Object.create(null) as Record<string, string>;
  if (fields.params === undefined) for (const [name, value] of Object.entries(values)) out[name] = value;
  else for (const [variable, name] of Object.entries(fields.params)) out[variable] = values[name] ?? '';
  return Object.keys(out).length === 0 ? undefined : out;
}

/** True when `read` is a failure rather than fields. */
export function isFailure(read: AliyunTemplateFields | ChannelFailure): read is ChannelFailure {
  return 'failure' in read;
}
