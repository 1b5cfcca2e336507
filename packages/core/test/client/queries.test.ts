import { describe, expect, it } from 'vitest';
import { readPulledReceipts } from '../../src/client/receipts.js';
import { recordingPlatform } from './recording-platform.js';

const ok = (fields: Record<string, unknown>) => ({ json: { code: 200, message: 'OK', requestId: 'r', ...fields } });

describe('queryReceipts', () => {
  it('sends msgIds as a comma list with the bid, and types what comes back', async () => {
    const platform = await recordingPlatform(() =>
      ok({ data: [{ msgId: '574730770464800768', tel: '13800138000', arrive: 'DELIVRD', arriveTime: '2104091735', bid: 'order-1' }, { msgId: '574730770464800768', tel: '13900139000', arrive: 'UNDELIV', arriveTime: '2104091736', bid: null }] }),
    );
    const receipts = await platform.client().queryReceipts({ msgIds: ['574730770464800768', '574730770464800769'], bid: 'order-1' });
    expect(platform.requests[0]).toMatchObject({ path: '/sms/arriveRes/qry', signed: true, body: { msgId: '574730770464800768,574730770464800769', bid: 'order-1' } });
    expect(receipts).toEqual([
      { msgId: '574730770464800768', tel: '13800138000', status: 'DELIVRD', arriveResult: 'DELIVRD', delivered: true, arriveTime: '2104091735', arrivedAt: new Date('2021-04-09T09:35:00Z'), bid: 'order-1' },
      { msgId: '574730770464800768', tel: '13900139000', status: 'UNDELIV', arriveResult: 'UNDELIV', delivered: false, arriveTime: '2104091736', arrivedAt: new Date('2021-04-09T09:36:00Z') },
    ]);
  });

  it('sends an empty body for "every receipt waiting"', async () => {
    const platform = await recordingPlatform(() => ok({ data: [] }));
    expect(await platform.client().queryReceipts()).toEqual([]);
    expect(platform.requests[0]?.body).toEqual({});
  });

  it('rejects more than 600 msgIds and a malformed id locally (40004)', async () => {
    const platform = await recordingPlatform();
    const client = platform.client();
    await expect(client.queryReceipts({ msgIds: Array.from({ length: 601 }, (_, i) => String(i)) })).rejects.toMatchObject({ code: 40004 });
    await expect(client.queryReceipts({ msgIds: ['1,2'] })).rejects.toMatchObject({ code: 40004 });
    expect(platform.requests).toHaveLength(0);
  });

  it('keeps odd receipts instead of losing the batch (each receipt comes only once)', () => {
    expect(readPulledReceipts([{ msgId: 1, tel: '13800138000', arrive: 'WEIRD', arriveTime: 'bad' }, 'junk', { tel: 'no msgId' }])).toEqual([
      { msgId: '1', tel: '13800138000', status: 'UNKNOWN', arriveResult: 'WEIRD', delivered: false, arriveTime: 'bad' },
    ]);
    expect(readPulledReceipts(null)).toEqual([]);
  });
});

describe('statistics', () => {
  it('sends yyyy-MM-dd days (a Date as its Beijing day) with paging, and types the page', async () => {
    const platform = await recordingPlatform(() => ok({ data: [{ sendDate: '2024-01-01', totalCount: 3, successCount: 2, failCount: 1, noReceiptCount: 0 }], totalSize: 1 }));
    const page = await platform.client().statistics({ startDate: new Date('2023-12-31T16:30:00Z'), endDate: '2024-01-02', pageSize: 50 });
    expect(platform.requests[0]?.body).toEqual({ startDate: '2024-01-01', endDate: '2024-01-02', page: 1, pageSize: 50 });
    expect(page).toEqual({ days: [{ sendDate: '2024-01-01', totalCount: 3, successCount: 2, failCount: 1, noReceiptCount: 0 }], totalSize: 1 });
  });

  it.each([
    ['a day that does not exist', { startDate: '2024-02-30', endDate: '2024-03-01' }],
    ['a month that does not exist (an invalid Date, not a RangeError)', { startDate: '2024-13-01', endDate: '2024-13-02' }],
    ['a start after the end', { startDate: '2024-03-02', endDate: '2024-03-01' }],
    ['a pageSize over 50', { startDate: '2024-03-01', endDate: '2024-03-01', pageSize: 51 }],
    ['page 0', { startDate: '2024-03-01', endDate: '2024-03-01', page: 0 }],
  ])('rejects %s locally (40004)', async (_name, input) => {
    const platform = await recordingPlatform();
    await expect(platform.client().statistics(input)).rejects.toMatchObject({ code: 40004 });
    expect(platform.requests).toHaveLength(0);
  });
});

describe('balance and health', () => {
  it('balance sends no body parameters (headers alone are signed) and types the items', async () => {
    const platform = await recordingPlatform(() => ok({ data: [{ itemName: '行业短信', residueValue: 100 }, { itemName: '推广短信', residueValue: '7' }] }));
    expect(await platform.client().balance()).toEqual([{ itemName: '行业短信', residueValue: 100 }, { itemName: '推广短信', residueValue: 7 }]);
    expect(platform.requests[0]).toMatchObject({ path: '/sms/residueValue/qry', body: {}, signed: true });
  });

  it('health is an unsigned probe; an error code means up: false', async () => {
    const platform = await recordingPlatform((_, n) => (n === 1 ? ok({ data: { status: 'UP' } }) : { status: 503, json: { code: 60009, message: 'locked' } }));
    const client = platform.client({ retry: false });
    expect(await client.health()).toEqual({ up: true, data: { status: 'UP' }, requestId: 'r' });
    expect(platform.requests[0]?.headers['x-sign']).toBeUndefined();
    expect(await client.health()).toMatchObject({ up: false });
  });
});
