import { countSegments } from '@smskit/core';
import type { MessageQuery, SandboxMessage } from '../store.js';
import type { AliyunSandboxMessage } from './messages.js';

/** The account name the inbox shows for Aliyun messages (the listener has no apiKey). */
export const ALIYUN_INBOX_ACCOUNT = 'aliyun';

/** An Aliyun message in the inbox's shape, marked with its channel. */
export function inboxMessageOf(message: AliyunSandboxMessage, now: number): SandboxMessage {
  const delivered = message.deliverAt <= now;
  return {
    seq: -1,
    channel: 'aliyun',
    msgId: message.bizId,
    apiKey: ALIYUN_INBOX_ACCOUNT,
    phone: message.phone,
    templateCode: message.templateCode,
    text: message.content,
    parts: countSegments({ text: message.content }).parts,
    ...(message.outId === undefined ? {} : { bid: message.outId }),
    endpoint: 'send',
    submittedAt: message.sentAt,
    state: delivered ? 'DELIVRD' : 'PENDING',
    ...(delivered ? { arrivedAt: message.deliverAt } : {}),
    pulled: false,
  };
}

/** The seed platform's messages and the Aliyun listener's, newest first, filtered as `query` asks. */
export function mergeInboxMessages(input: { own: readonly SandboxMessage[]; aliyun: readonly AliyunSandboxMessage[]; query: MessageQuery; now: number }): SandboxMessage[] {
  const { query } = input;
  const wanted = input.aliyun.filter(
    (m) => (query.apiKey === undefined || query.apiKey === ALIYUN_INBOX_ACCOUNT) && (query.phone === undefined || m.phone === query.phone) && (query.msgId === undefined || m.bizId === query.msgId),
  );
  const merged = [...input.own, ...wanted.map((m) => inboxMessageOf(m, input.now))];
  return merged.sort((a, b) => b.submittedAt - a.submittedAt).slice(0, query.limit);
}
