import type { FailureClass } from '@smskit/core/provider';
import { BUSINESS_CODES } from './business.js';
import type { AliyunCodeEntry } from './entry.js';
import { GATEWAY_CODES } from './gateway.js';

export type { AliyunCodeEntry } from './entry.js';

/**
 * Every documented error code of dysmsapi 2017-05-25 — the gateway's and the SMS business
 * codes — as data: the platform's wording, an English message, the class the router acts on
 * (`retry`, `failover`, `stop`, `unknown`), the HTTP status it arrives with, and a fix.
 */
export const ALIYUN_ERROR_CODES = { ...GATEWAY_CODES, ...BUSINESS_CODES } as const satisfies Record<string, AliyunCodeEntry>;

/** A code the catalogue knows. */
export type AliyunCode = keyof typeof ALIYUN_ERROR_CODES;

/** The success code of every dysmsapi answer (upper case, unlike Tencent's `Ok`). */
export const ALIYUN_OK = 'OK';

/** Every known code, sorted. */
export const ALIYUN_CODES: readonly AliyunCode[] = (Object.keys(ALIYUN_ERROR_CODES) as AliyunCode[]).sort();

/** True when the catalogue knows `code`. */
export function isAliyunCode(code: unknown): code is AliyunCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ALIYUN_ERROR_CODES, code);
}

/**
 * The catalogue entry for `code`. A code the catalogue does not know is classed by how it
 * arrived: a business answer (HTTP 200) or a 4xx is a refusal — `stop` for a business code,
 * since a new per-number or content rule must not be routed around, `failover` for a gateway
 * 4xx; a 5xx is `unknown`, because the platform may have acted on it.
 */
export function describeAliyunCode(code: string, httpStatus = 200): AliyunCodeEntry & { readonly code: string; readonly known: boolean } {
  if (isAliyunCode(code)) return { code, known: true, ...ALIYUN_ERROR_CODES[code] };
  const failure: FailureClass = httpStatus >= 500 ? 'unknown' : httpStatus >= 400 ? 'failover' : 'stop';
  return {
    code,
    known: false,
    message: `未知错误（${code}）`,
    messageEn: `Aliyun answered a code smskit does not know: ${code}.`,
    class: failure,
    httpStatus,
    hint: 'Look the code up in Aliyun’s API error codes (help.aliyun.com/document_detail/101346.html) and keep the RequestId; upgrade smskit if a newer version knows it.',
  };
}
