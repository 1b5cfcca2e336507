import { parseE164 } from '@smskit/core';
import type { PullSmsSendStatus } from '@smskit/tencent';
import type { SandboxMessage } from '../store.js';

/** `+447911123456` → `{ nationcode: '44', mobile: '7911123456' }`; mainland 11 digits → 86. */
export function splitNumber(number: string): { nationcode: string; mobile: string } {
  const parsed = parseE164(number);
  if (!parsed) return { nationcode: '', mobile: number };
  return { nationcode: parsed.countryCode, mobile: parsed.e164.slice(1 + parsed.countryCode.length) };
}

/** "YYYY-MM-DD hh:mm:ss" in Beijing time, as Tencent's callbacks write times. */
export function beijingTimeText(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A settled message as PullSmsSendStatus answers it. */
export function pulledStatusOf(message: SandboxMessage): PullSmsSendStatus {
  const { nationcode, mobile } = splitNumber(message.phone);
  return {
    UserReceiveTime: Math.floor((message.arrivedAt ?? message.submittedAt) / 1000),
    CountryCode: nationcode,
    SubscriberNumber: mobile,
    PhoneNumber: `+${nationcode}${mobile}`,
    SerialNo: message.msgId,
    ReportStatus: message.state === 'DELIVRD' ? 'SUCCESS' : 'FAIL',
    Description: String(message.state),
    SessionContext: message.bid ?? '',
  };
}

/** A settled message as Tencent's receipt callback item. */
export function receiptPushItemOf(message: SandboxMessage): Record<string, string> {
  const { nationcode, mobile } = splitNumber(message.phone);
  const delivered = message.state === 'DELIVRD';
  return {
    user_receive_time: beijingTimeText(message.arrivedAt ?? message.submittedAt),
    nationcode,
    mobile,
    report_status: delivered ? 'SUCCESS' : 'FAIL',
    errmsg: String(message.state),
    description: delivered ? '用户短信送达成功' : '用户短信未送达',
    sid: message.msgId,
  };
}
