import type { ChannelReceipt, ReceiptQuery, ReceiptState } from '@smskit/core/provider';
import type { AliyunClient, SmsSendDetail } from '../client/aliyun-client.js';

/** QuerySendDetails's `SendStatus` as a receipt state: 1 waiting, 2 failed, 3 delivered. */
export function receiptStateOf(sendStatus: number): ReceiptState {
  return sendStatus === 3 ? 'delivered' : sendStatus === 2 ? 'failed' : 'pending';
}

// "2024-01-02 03:04:05" in China Standard Time.
function chinaTime(text: string | undefined): Date | undefined {
  if (text === undefined || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text)) return undefined;
  return new Date(`${text.replace(' ', 'T')}+08:00`);
}

/**
 * Pulls receipts for the given sends, one QuerySendDetails per message (the API asks per
 * number and day): by BizId when the send answered one, otherwise — a send that got no
 * answer — every record of that number and day whose OutId is the idempotency key.
 */
export async function receiptsOf(input: { client: AliyunClient; channel: string; messages: readonly ReceiptQuery[]; now: () => Date }): Promise<ChannelReceipt[]> {
  const receipts: ChannelReceipt[] = [];
  for (const message of input.messages) {
    const wire = message.number.startsWith('+') ? message.number.slice(1) : message.number;
    const answer = await input.client.querySendDetails({ phoneNumber: wire, sendDate: message.sentAt ?? input.now(), ...(message.messageId === undefined ? {} : { bizId: message.messageId }) });
    const details: SmsSendDetail[] = answer.SmsSendDetailDTOs?.SmsSendDetailDTO ?? [];
    for (const detail of details) {
      if (message.messageId === undefined && (message.idempotencyKey === undefined || detail.OutId !== message.idempotencyKey)) continue;
      const at = chinaTime(detail.ReceiveDate) ?? chinaTime(detail.SendDate);
      receipts.push({
        channel: input.channel,
        messageId: message.messageId ?? '',
        number: message.number,
        state: receiptStateOf(detail.SendStatus),
        providerState: String(detail.SendStatus),
        ...(detail.ErrCode ? { providerCode: detail.ErrCode } : {}),
        ...(detail.OutId ? { idempotencyKey: detail.OutId } : {}),
        ...(at ? { at } : {}),
      });
    }
  }
  return receipts;
}
