import { COMMON_CODES } from './common.js';
import type { TencentCodeEntry, TencentFailureClass } from './entry.js';
import { SMS_CODES } from './sms.js';

export type { TencentCodeEntry, TencentFailureClass } from './entry.js';

/**
 * Every documented code of Tencent Cloud SMS 2021-01-11, common and product, as data: the
 * platform's Chinese wording, an English message, how the router treats it, and a fix.
 */
export const TENCENT_ERROR_CODES = { ...COMMON_CODES, ...SMS_CODES } as const satisfies Record<string, TencentCodeEntry>;

/** A code the catalogue knows. */
export type TencentCode = keyof typeof TENCENT_ERROR_CODES;

/** The per-number success code (`SendStatusSet[i].Code`), mixed case as Tencent writes it. */
export const TENCENT_OK = 'Ok';

/** Every known code, sorted. */
export const TENCENT_CODES: readonly TencentCode[] = (Object.keys(TENCENT_ERROR_CODES) as TencentCode[]).sort();

/** True when the catalogue knows `code`. */
export function isTencentCode(code: unknown): code is TencentCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(TENCENT_ERROR_CODES, code);
}

/**
 * The catalogue entry for `code`. An unknown code still gets an entry: its class is taken from
 * the longest known prefix (`LimitExceeded.Foo` → `LimitExceeded`), else `unknown`, because an
 * unexplained answer to a send must never be resent blindly.
 */
export function describeTencentCode(code: string): TencentCodeEntry & { readonly code: string; readonly known: boolean } {
  if (isTencentCode(code)) return { code, known: true, ...TENCENT_ERROR_CODES[code] };
  let parent = code;
  while (parent.includes('.')) {
    parent = parent.slice(0, parent.lastIndexOf('.'));
    if (isTencentCode(parent)) {
      const entry = TENCENT_ERROR_CODES[parent];
      return { code, known: false, message: entry.message, messageEn: `${entry.messageEn} (${code})`, class: entry.class, hint: entry.hint };
    }
  }
  return {
    code,
    known: false,
    message: `未知错误（${code}）`,
    messageEn: `Unknown Tencent Cloud code ${code}.`,
    class: 'unknown',
    hint: 'Tencent answered a code smskit does not know: check receipts before sending again; keep the RequestId; upgrade smskit if a newer version knows it.',
  };
}

/** How the router treats `code`: `retry`, `failover`, `stop` or `unknown`. */
export function classifyTencentCode(code: string): TencentFailureClass {
  return describeTencentCode(code).class;
}
