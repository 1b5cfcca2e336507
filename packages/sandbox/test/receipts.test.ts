import { describe, expect, it } from 'vitest';
import { MAX_RECEIPT_QUERY_IDS as MAX_RECEIPTS_PER_QUERY } from '@smskit/core';
import { phones, startSandbox } from './harness.js';

const fixed = '100003';
type Receipt = { msgId: string; tel: string; arrive: string; arriveTime: string; bid: string | null };

describe('/sms/arriveRes/qry', () => {
  it('returns each receipt once, in the manual’s shape', async () => {
    const { call } = await startSandbox({ now: () => Date.UTC(2023, 7, 7, 5, 15) });
    const sent = await call('/message/send', { phones: '13800138000,13900139000', templateCode: fixed, bid: '202303231335001220' });
    const msgId = (sent.json.data as { msgId: string }).msgId;
    const first = await call('/sms/arriveRes/qry', {});
    expect(first.json).toMatchObject({ code: 200, message: '查询成功' });
    expect(first.json.data).toEqual([
      { msgId, tel: '13800138000', arrive: 'DELIVRD', arriveTime: '2308071315', bid: '202303231335001220' },
      { msgId, tel: '13900139000', arrive: 'DELIVRD', arriveTime: '2308071315', bid: '202303231335001220' },
    ]);
    expect((await call('/sms/arriveRes/qry', {})).json.data).toEqual([]);
  });

  it('answers the /sms/arrive/qry alias of the Java sample the same way', async () => {
    const { call } = await startSandbox();
    await call('/message/send', { phones: '13800138000', templateCode: fixed });
    expect((await call('/sms/arrive/qry', {})).json.data).toHaveLength(1);
  });

  it('returns nothing before the delivery delay has passed; settles on /_sandbox/deliver', async () => {
    const { call, admin } = await startSandbox({ deliveryDelayMs: 3_600_000 });
    await call('/message/send', { phones: '13800138000', templateCode: fixed });
    expect((await call('/sms/arriveRes/qry', {})).json.data).toEqual([]);
    expect((await admin('/deliver', {})).json.data).toEqual({ settled: 1 });
    expect((await call('/sms/arriveRes/qry', {})).json.data).toHaveLength(1);
  });

  it('settles by itself after the delay', async () => {
    const { call, sandbox } = await startSandbox({ deliveryDelayMs: 20 });
    await call('/message/send', { phones: '13800138000', templateCode: fixed });
    await expect.poll(async () => (await sandbox.messages({}))[0]?.state, { timeout: 10_000 }).toBe('DELIVRD');
  });

  it('filters by msgId and by bid, leaving the others for later', async () => {
    const { call } = await startSandbox();
    const a = ((await call('/message/send', { phones: '13800138000', templateCode: fixed, bid: 'A' })).json.data as { msgId: string }).msgId;
    const b = ((await call('/message/send', { phones: '13900139000', templateCode: fixed, bid: 'B' })).json.data as { msgId: string }).msgId;
    await call('/message/send', { phones: '13700137000', templateCode: fixed, bid: 'C' });
    expect(((await call('/sms/arriveRes/qry', { msgId: `${b},999` })).json.data as Receipt[]).map((r) => r.msgId)).toEqual([b]);
    expect(((await call('/sms/arriveRes/qry', { bid: 'C' })).json.data as Receipt[]).map((r) => r.bid)).toEqual(['C']);
    expect(((await call('/sms/arriveRes/qry', {})).json.data as Receipt[]).map((r) => r.msgId)).toEqual([a]);
  });

  it(`returns at most ${MAX_RECEIPTS_PER_QUERY} a call, the rest on the next`, async () => {
    const { call } = await startSandbox();
    await call('/message/send', { phones: phones(700).join(','), templateCode: fixed });
    expect((await call('/sms/arriveRes/qry', {})).json.data).toHaveLength(600);
    expect((await call('/sms/arriveRes/qry', {})).json.data).toHaveLength(100);
  });

  it('forgets receipts older than 6 hours', async () => {
    let clock = Date.UTC(2024, 0, 1, 0, 0);
    const { call } = await startSandbox({ now: () => clock });
    await call('/message/send', { phones: '13800138000', templateCode: fixed });
    clock += 6 * 60 * 60 * 1000 + 60_000;
    await call('/message/send', { phones: '13900139000', templateCode: fixed });
    expect(((await call('/sms/arriveRes/qry', {})).json.data as Receipt[]).map((r) => r.tel)).toEqual(['13900139000']);
  });

  it('ends numbers as the delivery rules say; PENDING never gets a receipt', async () => {
    const { call, sandbox } = await startSandbox({ deliveryRules: [{ suffix: '4', state: 'UNDELIV' }, { suffix: '99', state: 'PENDING' }, { suffix: '8', state: 'REJECTD' }] });
    await call('/message/send', { phones: '13800138004,13800138099,13800138008,13800138001', templateCode: fixed });
    const receipts = (await call('/sms/arriveRes/qry', {})).json.data as Receipt[];
    expect(Object.fromEntries(receipts.map((r) => [r.tel, r.arrive]))).toEqual({ '13800138004': 'UNDELIV', '13800138008': 'REJECTD', '13800138001': 'DELIVRD' });
    expect((await sandbox.messages({ phone: '13800138099' }))[0]?.state).toBe('PENDING');
  });

  it('refuses a msgId that is not a string with 40004', async () => {
    const { call } = await startSandbox();
    expect((await call('/sms/arriveRes/qry', { msgId: 123 })).json.code).toBe(40004);
  });
});

describe('/sms/send/statistics', () => {
  it('counts what was sent, delivered, failed and still without receipt, per Beijing day', async () => {
    let clock = Date.UTC(2024, 4, 1, 17, 0); // 2024-05-02 01:00 in Beijing
    const { call, sandbox } = await startSandbox({ now: () => clock, deliveryRules: [{ suffix: '4', state: 'UNDELIV' }, { suffix: '9', state: 'PENDING' }] });
    await call('/message/send', { phones: '13800138001,13800138004,13800138009', templateCode: fixed });
    clock += 24 * 60 * 60 * 1000;
    await call('/message/send', { phones: '13800138001', templateCode: fixed });
    await sandbox.deliverNow();
    const res = await call('/sms/send/statistics', { startDate: '2024-05-01', endDate: '2024-05-31', page: 1, pageSize: 10 });
    expect(res.json).toMatchObject({ code: 200, totalSize: 2 });
    expect(res.json.data).toEqual([
      { sendDate: '2024-05-02', totalCount: 3, successCount: 1, failCount: 1, noReceiptCount: 1 },
      { sendDate: '2024-05-03', totalCount: 1, successCount: 1, failCount: 0, noReceiptCount: 0 },
    ]);
  });

  it('pages, and takes page numbers written as strings', async () => {
    let clock = Date.UTC(2024, 4, 1, 4, 0);
    const { call } = await startSandbox({ now: () => clock });
    for (let day = 0; day < 3; day++) {
      await call('/message/send', { phones: '13800138001', templateCode: fixed });
      clock += 24 * 60 * 60 * 1000;
    }
    const res = await call('/sms/send/statistics', { startDate: '2024-05-01', endDate: '2024-05-03', page: '2', pageSize: '2' });
    expect(res.json).toMatchObject({ totalSize: 3, data: [{ sendDate: '2024-05-03' }] });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no dates', {}],
    ['a date in another format', { startDate: '2024/05/01', endDate: '2024-05-02' }],
    ['an impossible date', { startDate: '2024-02-30', endDate: '2024-03-01' }],
    ['start after end', { startDate: '2024-05-02', endDate: '2024-05-01' }],
    ['pageSize 51', { startDate: '2024-05-01', endDate: '2024-05-02', pageSize: 51 }],
    ['page 0', { startDate: '2024-05-01', endDate: '2024-05-02', page: 0 }],
  ])('refuses %s with 40004', async (_name, body) => {
    const { call } = await startSandbox();
    expect(await call('/sms/send/statistics', body)).toMatchObject({ status: 400, json: { code: 40004 } });
  });
});

describe('/sms/residueValue/qry', () => {
  it('answers the three balances, lowered by what was sent', async () => {
    const { call } = await startSandbox({ balance: { 行业短信: 100, 会员短信: 50, 推广短信: 7 } });
    await call('/message/send', { phones: '13800138000,13900139000', templateCode: fixed });
    expect((await call('/sms/residueValue/qry', {})).json.data).toEqual([
      { itemName: '行业短信', residueValue: 98 },
      { itemName: '会员短信', residueValue: 50 },
      { itemName: '推广短信', residueValue: 7 },
    ]);
  });
});
