import { randomInt, randomUUID } from 'node:crypto';
import { redisAnswers } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { codeSentTo, startTestDemo } from './demo-harness.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

// As in @smskit/redis: locally a missing Redis skips this with a message; in CI it fails.
const available = await redisAnswers(REDIS_URL);
if (!available) {
  if (process.env.CI) throw new Error(`The demo's Redis test needs Redis, and none answers at ${REDIS_URL} (CI is set, so this fails instead of skipping).`);
  console.warn(`\n  @smskit/demo: no Redis answers at ${REDIS_URL}; skipping the REDIS_URL test.\n`);
}

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.runIf(available)('REDIS_URL: the OTP state in Redis', () => {
  it('is shared by two instances: the cool-down holds across them, and a code sent by one verifies on the other', async () => {
    const shared = { redisUrl: REDIS_URL, redisKeyPrefix: `demo-test-${randomUUID()}`, otpSecret: 'shared-demo-secret-0123456789abcdef' };
    const first = await startTestDemo(shared);
    const second = await startTestDemo(shared);
    expect([first.stores, second.stores]).toEqual(['redis', 'redis']);
    const phone = `139${String(randomInt(100_000_000)).padStart(8, '0')}`;

    expect(await post(`${first.appUrl}/api/code`, { phone, human: 'demo-not-a-robot' })).toMatchObject({ status: 200, json: { ok: true } });
    expect(await post(`${second.appUrl}/api/code`, { phone, human: 'demo-not-a-robot' })).toMatchObject({ status: 429, json: { limit: 'phone-scene' } });
    const code = await codeSentTo(first, phone);
    expect(await post(`${second.appUrl}/api/verify`, { phone, code })).toMatchObject({ status: 200, json: { ok: true } });
    expect(await post(`${first.appUrl}/api/verify`, { phone, code })).toMatchObject({ status: 400, json: { reason: 'missing' } });
  });
});
