import { describe, expect, it } from 'vitest';
import { MemorySendLog, type SendLogRecord } from '../../src/index.js';

describe('MemorySendLog', () => {
  it('keeps the channel and the channels passed over as they were when logged', async () => {
    const log = new MemorySendLog();
    const record: SendLogRecord = { id: 'r1', type: 'verification', channel: 'backup', passedOver: [{ channel: 'main', reason: 'failover', code: '2001' }], phone: '138****8000', time: 1, result: 'sent' };
    await log.append(record);
    record.channel = 'changed';
    (record.passedOver ?? [])[0]!.reason = 'changed';
    expect(await log.recent()).toEqual([{ id: 'r1', type: 'verification', channel: 'backup', passedOver: [{ channel: 'main', reason: 'failover', code: '2001' }], phone: '138****8000', time: 1, result: 'sent' }]);
  });

  it('returns the newest first, up to the capacity', async () => {
    const log = new MemorySendLog({ capacity: 3 });
    for (let i = 0; i < 10; i++) await log.append({ id: String(i), type: 'verification', channel: 'c', phone: 'p', time: i, result: 'sent' });
    expect((await log.recent()).map((r) => r.id)).toEqual(['9', '8', '7']);
  });
});
