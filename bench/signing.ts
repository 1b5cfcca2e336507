/**
 * Signing speed against the physical limit: smskit's signRequest (fresh nonce, timestamp,
 * canonical string, HMAC) beside a raw crypto.createHmac over the already-built canonical
 * string, in the same run. Goals: ≥ 0.7 of raw for a typical send, ≥ 0.9 for 1000 numbers.
 *
 * Two baselines are printed: the one the goal names (createHmac with the key and the canonical
 * string, as a user would write it), and a stricter one (a key object and the canonical string
 * already encoded to UTF-8 bytes): the cost of the HMAC alone.
 */
import { createHmac, createSecretKey } from 'node:crypto';
import { signRequest } from '@smskit/core';
import { interleaved } from './measure.js';

const apiKey = '22a71bfe4f9cab1dbce7e16bd71138c2';
const accessKey = '3c4bda9d5698a6b17103461a82ee0ae4257f29d15b04c3c';

const typical = { phones: '13800138000', templateCode: '580467552590397440', templateParam: '["张三","02"]', bid: 'order-20261122-0001' };
const phones = Array.from({ length: 1000 }, (_, i) => `138${String(i).padStart(8, '0')}`).join(',');
const thousand = { phones, templateCode: '580467552590397440', templateParam: '["您的订单已发货"]' };

function compare(label: string, body: Record<string, unknown>, goal: number): boolean {
  const canonical = signRequest({ apiKey, accessKey, body }).canonical;
  const bytes = Buffer.from(canonical, 'utf8');
  const key = createSecretKey(Buffer.from(accessKey, 'utf8'));
  let sink = '';
  const result = interleaved({
    raw: () => {
      sink = createHmac('sha256', accessKey).update(canonical, 'utf8').digest('hex');
    },
    bytes: () => {
      sink = createHmac('sha256', key).update(bytes).digest('hex');
    },
    signRequest: () => {
      sink = signRequest({ apiKey, accessKey, body }).sign;
    },
  });
  if (sink.length !== 64) throw new Error('unexpected signature');
  const fmt = (hz: number | undefined) => `${Math.round(hz ?? 0).toLocaleString('en')}/s`;
  const ratio = result.ratio('signRequest', 'raw');
  console.log(
    `${label.padEnd(13)}raw HMAC ${fmt(result.opsPerSec.raw)} | HMAC of bytes ${fmt(result.opsPerSec.bytes)} | signRequest ${fmt(result.opsPerSec.signRequest)}\n` +
      `${''.padEnd(13)}signRequest / raw HMAC = ${ratio.toFixed(3)} (goal ≥ ${goal}: ${ratio >= goal ? 'met' : 'MISSED'}); ` +
      `signRequest / HMAC of bytes = ${result.ratio('signRequest', 'bytes').toFixed(3)}`,
  );
  return ratio >= goal;
}

console.log(`signing — node ${process.version}; medians of 21 interleaved rounds; canonical string of ${signRequest({ apiKey, accessKey, body: thousand }).canonical.length} chars for 1000 numbers`);
const met = [compare('typical send', typical, 0.7), compare('1000 numbers', thousand, 0.9)];
console.log(met.every(Boolean) ? 'signing: all goals met' : 'signing: a goal was missed');
