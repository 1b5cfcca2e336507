import type { ChannelReceipt, ReceiptState } from '@smskit/core/provider';
import type { PullSmsSendStatus } from './api.js';

/** The router's spelling of a number: mainland 11 digits, anything else `+` and digits. */
export function routableNumber(countryCode: string, subscriber: string): string {
  const cc = countryCode.replace(/^\+/, '');
  return cc === '86' ? subscriber : `+${cc}${subscriber}`;
}

/** `SUCCESS` → delivered, `FAIL` → failed, anything else → pending. */
export function receiptStateOf(reportStatus: string): ReceiptState {
  if (reportStatus === 'SUCCESS') return 'delivered';
  if (reportStatus === 'FAIL') return 'failed';
  return 'pending';
}

/** A pulled receipt (PullSmsSendStatus) as the channel seam's receipt. */
export function receiptOfPulled(channel: string, item: PullSmsSendStatus): ChannelReceipt {
  const receipt: { -readonly [K in keyof ChannelReceipt]: ChannelReceipt[K] } = {
    channel,
    messageId: item.SerialNo,
    number: routableNumber(item.CountryCode, item.SubscriberNumber),
    state: receiptStateOf(item.ReportStatus),
    providerState: item.ReportStatus,
  };
  if (item.Description) receipt.providerCode = item.Description;
  if (item.SessionContext) receipt.idempotencyKey = item.SessionContext;
  if (Number.isFinite(item.UserReceiveTime) && item.UserReceiveTime > 0) receipt.at = new Date(item.UserReceiveTime * 1000);
  return receipt;
}
