import { setTimeout as sleep } from 'node:timers/promises';
import type { SmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { phones, sandboxWithClient } from './client-harness.js';

/** The most log entries in any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

describe('pacing keeps the client under the sandbox’s limits (counted on the sandbox side)', () => {
  it('sends at the configured rate: no 6000 from a sandbox allowing 12/s when the client paces 8/s', async () => {
    const { client, requestsTo } = await sandboxWithClient({ rateLimits: { send: { max: 12, windowMs: 1000 } } });
    const c = client({ pacing: { requestsPerSecond: 8 }, retry: false });
    const results = await Promise.all(phones(20).map((phone) => c.send({ phones: [phone], templateCode: '100003' })));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const sends = requestsTo('/message/send');
    expect(sends.filter((entry) => entry.code === 6000)).toHaveLength(0);
    expect(busiestWindow(sends.map((entry) => Date.parse(entry.time)), 1000)).toBeLessThanOrEqual(12);
  });

  it('without pacing the same burst runs into 6000 (so the pacer is what prevents it)', async () => {
    const { client, requestsTo } = await sandboxWithClient({ rateLimits: { send: { max: 12, windowMs: 1000 } } });
    const c = client({ pacing: false, retry: false });
    const settled = await Promise.allSettled(phones(20).map((phone) => c.send({ phones: [phone], templateCode: '100003' })));
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => (s.reason as SmsError).code);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([6000]));
    expect(requestsTo('/message/send').filter((entry) => entry.code === 6000)).toHaveLength(refused.length);
  });

  it('holds the 4th receipt query and the 2nd balance query instead of letting the platform answer 6000', async () => {
    const { client, requestsTo } = await sandboxWithClient({ rateLimits: undefined }); // the platform's limits
    const c = client({ retry: false, pacing: {} }); // the default pacing
    await Promise.all([c.queryReceipts(), c.queryReceipts(), c.queryReceipts(), c.balance()]);
    const fourth = c.queryReceipts().catch((error: unknown) => error);
    const secondBalance = c.balance().catch((error: unknown) => error);
    await sleep(300);
    expect(requestsTo('/sms/arriveRes/qry').map((entry) => entry.code)).toEqual([200, 200, 200]);
    expect(requestsTo('/sms/residueValue/qry').map((entry) => entry.code)).toEqual([200]);
    await c.close();
    expect(await fourth).toMatchObject({ code: -1, retryable: false });
    expect(await secondBalance).toMatchObject({ code: -1, retryable: false });
    expect(requestsTo('/sms/arriveRes/qry')).toHaveLength(3);
  });
});
