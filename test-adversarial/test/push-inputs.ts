import { gzipSync } from 'node:zlib';
import { ACCOUNT, nested, type Attempt, type Expectation, type Input } from './inputs.js';

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];

function push(to: 'receipts' | 'replies', name: string, expect: Expectation, body: string | Buffer | (() => string | Buffer), headers: [string, string][] = [JSON_TYPE]): Input {
  const build = (): Attempt => {
    const text = typeof body === 'function' ? body() : body;
    return { headers, body: typeof text === 'string' ? Buffer.from(text) : text };
  };
  return { name: `${to}: ${name}`, expect, to, build };
}

let msgSeq = 0;
/** Receipt items with fresh msgIds (pushes are de-duplicated by msgId). */
function receipts(n: number): unknown[] {
  return Array.from({ length: n }, () => {
    msgSeq += 1;
    return { msgId: `${7_000_000_000_000 + msgSeq}${process.pid}`, tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2104091735', bid: 'order-000000000001' };
  });
}
const reply = () => ({ srcId: '106900001234', tel: '13800138000', content: `TD ${++msgSeq}`, arriveTime: '2104091735' });
const receiptPush = (n: number) => JSON.stringify({ apiKey: ACCOUNT.apiKey, data: receipts(n) });

/** Bad input of every kind for the push endpoints (Koa receivePushes, Nest push controller). */
export const PUSH_INPUTS: Input[] = [
  push('receipts', 'valid, one receipt', 'accept', () => receiptPush(1)),
  push('replies', 'valid, one reply', 'accept', () => JSON.stringify({ apiKey: ACCOUNT.apiKey, data: [reply()] })),
  // the platform pushes up to 1,000 items at once: a little over (1,100, ~112 KB, past
  // Express's 100 KB default) must still be taken, or the platform repeats it forever
  push('receipts', '1,100 receipts (about 112 KB)', 'accept', () => receiptPush(1100)),
  push('receipts', 'unknown apiKey', 'reject', () => JSON.stringify({ apiKey: 'nobody', data: receipts(1) })),
  push('receipts', 'no apiKey', 'reject', () => JSON.stringify({ data: receipts(1) })),
  push('receipts', 'apiKey a number', 'reject', () => JSON.stringify({ apiKey: 1, data: receipts(1) })),
  push('receipts', 'data not an array', 'reject', JSON.stringify({ apiKey: ACCOUNT.apiKey, data: { msgId: '1' } })),
  push('receipts', 'items of the wrong shape', 'reject', JSON.stringify({ apiKey: ACCOUNT.apiKey, data: [1, 'a', null, { msgId: {} }] })),
  push('replies', 'receipt items sent to the reply path', 'any', () => receiptPush(1)),
  push('receipts', '__proto__ at the top', 'reject', () => `{"apiKey":"${ACCOUNT.apiKey}","__proto__":{"x":1},"data":[]}`),
  push('receipts', '__proto__ in an item', 'reject', () => `{"apiKey":"${ACCOUNT.apiKey}","data":[{"__proto__":{"x":1},"msgId":"1","tel":"13800138000","arriveResult":"DELIVRD","arriveTime":"2104091735"}]}`),
  push('receipts', '__proto__ 40 levels down', 'reject', () => `{"apiKey":"${ACCOUNT.apiKey}","data":[],"x":${'{"a":'.repeat(40)}{"__proto__":{}}${'}'.repeat(40)}}`),
  push('receipts', 'data nested 5000 deep', 'reject', () => `{"apiKey":"${ACCOUNT.apiKey}","data":${nested(5000, 'array')}}`),
  push('receipts', 'objects nested 5000 deep', 'reject', () => nested(5000, 'object')),
  ...['', 'null', '[]', '{', '"text"', '{"apiKey":}'].map((text) => push('receipts', `body ${JSON.stringify(text)}`, 'reject', text)),
  push('receipts', '3 MB body', 'reject', () => JSON.stringify({ apiKey: ACCOUNT.apiKey, data: [], pad: 'x'.repeat(3_000_000) })),
  push('receipts', 'gzip, valid', 'any', () => gzipSync(receiptPush(1)), [JSON_TYPE, ['content-encoding', 'gzip']]),
  push('receipts', 'broken gzip', 'reject', 'not gzip at all', [JSON_TYPE, ['content-encoding', 'gzip']]),
  push('receipts', 'gzip bomb (64 MiB of zeros)', 'reject', () => gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }), [JSON_TYPE, ['content-encoding', 'gzip']]),
  push('receipts', 'content-encoding x-unknown (Fastify reads the bytes as sent)', 'any', () => receiptPush(1), [JSON_TYPE, ['content-encoding', 'x-unknown']]),
  push('receipts', 'charset=no-such-charset', 'any', () => receiptPush(1), [['content-type', 'application/json; charset=no-such-charset']]),
  push('receipts', 'no content-type', 'any', () => receiptPush(1), []),
  push('receipts', 'text/plain', 'any', () => receiptPush(1), [['content-type', 'text/plain']]),
  push('receipts', 'content-type twice', 'any', () => receiptPush(1), [JSON_TYPE, JSON_TYPE]),
];
