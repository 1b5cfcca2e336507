import { describe, expect, it } from 'vitest';
import { phones, startSandbox } from './harness.js';

const code = '100001'; // 您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。
const notify = '100002'; // 尊敬的{name,20}，您的订单{order,32}已发货，预计{date,10}送达。
const fixed = '100003'; // no variables

describe('/message/send', () => {
  it('accepts a send and answers the manual’s shape', async () => {
    const { call, sandbox } = await startSandbox();
    const res = await call('/message/send', { phones: '13800138000,13900139000', templateCode: code, templateParam: '["123456"]', bid: 'order-1' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 200, message: 'OK', data: { desc: null } });
    const data = res.json.data as { msgId: string; failPhones?: string };
    expect(data.msgId).toMatch(/^\d{18}$/);
    expect(data.failPhones).toBeUndefined();
    expect(res.json.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const messages = await sandbox.messages({ msgId: data.msgId });
    expect(messages.map((m) => m.phone).sort()).toEqual(['13800138000', '13900139000']);
    expect(messages[0]).toMatchObject({ text: '【smskit】您的验证码是123456，5分钟内有效。请勿泄露给他人。', parts: 1, bid: 'order-1', templateCode: code });
  });

  it('sends a template without variables when templateParam is left out', async () => {
    const { call } = await startSandbox();
    expect((await call('/message/send', { phones: '13800138000', templateCode: fixed })).json.code).toBe(200);
  });

  it('gives every send a new msgId', async () => {
    const { call } = await startSandbox();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(((await call('/message/send', { phones: '13800138000', templateCode: fixed })).json.data as { msgId: string }).msgId);
    expect(ids.size).toBe(5);
  });

  it('sends to the valid numbers and lists the others in failPhones', async () => {
    const { call, sandbox } = await startSandbox();
    const res = await call('/message/send', { phones: '13800138000,12345,1380013800a', templateCode: fixed });
    expect(res.json).toMatchObject({ code: 200, data: { failPhones: '12345,1380013800a' } });
    expect(await sandbox.messages({})).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, number, number]>([
    ['an unknown template: 60001', { phones: '13800138000', templateCode: '999' }, 60001, 404],
    ['too few values: 60003', { phones: '13800138000', templateCode: notify, templateParam: '["张三"]' }, 60003, 400],
    ['values for a template without variables: 60003', { phones: '13800138000', templateCode: fixed, templateParam: '["x"]' }, 60003, 400],
    ['a value past its maxLen: 60004', { phones: '13800138000', templateCode: code, templateParam: '["1234567"]' }, 60004, 400],
    ['templateParam not JSON: 60006', { phones: '13800138000', templateCode: code, templateParam: '[123456' }, 60006, 400],
    ['templateParam with a number: 60006', { phones: '13800138000', templateCode: code, templateParam: '[123456]' }, 60006, 400],
    ['templateParam as an array, not a string: 60006', { phones: '13800138000', templateCode: code, templateParam: ['123456'] }, 60006, 400],
    ['no valid number: 60007', { phones: '12345,abc', templateCode: fixed }, 60007, 400],
    ['1001 numbers: 60008', { phones: phones(1001).join(','), templateCode: fixed }, 60008, 400],
    ['phones missing: 40004', { templateCode: fixed }, 40004, 400],
    ['phones as an array: 40004', { phones: ['13800138000'], templateCode: fixed }, 40004, 400],
    ['templateCode missing: 40004', { phones: '13800138000' }, 40004, 400],
    ['an upExtendCode of 100: 40004', { phones: '13800138000', templateCode: fixed, upExtendCode: '100' }, 40004, 400],
    ['a bid of 65 characters: 40004', { phones: '13800138000', templateCode: fixed, bid: 'b'.repeat(65) }, 40004, 400],
  ])('refuses %s', async (_name, body, expected, status) => {
    const { call, sandbox } = await startSandbox();
    const res = await call('/message/send', body);
    expect(res.json.code).toBe(expected);
    expect(res.status).toBe(status);
    expect(await sandbox.messages({})).toHaveLength(0);
  });

  it('accepts exactly 1000 numbers', async () => {
    const { call } = await startSandbox({ balance: 5000 });
    expect((await call('/message/send', { phones: phones(1000).join(','), templateCode: fixed })).json.code).toBe(200);
  });

  it('never writes a value into an error message (values may be codes)', async () => {
    const { call } = await startSandbox();
    const res = await call('/message/send', { phones: '13800138000', templateCode: code, templateParam: '["9876543"]' });
    expect(res.json.code).toBe(60004);
    expect(res.json.message).not.toContain('9876543');
  });
});

describe('/message/sendBatch', () => {
  it('renders each number’s own values', async () => {
    const { call, sandbox } = await startSandbox();
    const res = await call('/message/sendBatch', {
      phonesJson: '["13800138000","13900139000"]',
      templateCode: notify,
      templateParamJson: '[["张三","A1","5月1日"],["李四","B2","5月2日"]]',
    });
    expect(res.json).toMatchObject({ code: 200, message: 'OK', data: { desc: null } });
    const [second, first] = await sandbox.messages({});
    expect(first?.text).toBe('【smskit】尊敬的张三，您的订单A1已发货，预计5月1日送达。');
    expect(second?.text).toBe('【smskit】尊敬的李四，您的订单B2已发货，预计5月2日送达。');
    expect(first?.endpoint).toBe('sendBatch');
  });

  it('takes ["",""] for a template without variables, or no templateParamJson at all', async () => {
    const { call } = await startSandbox();
    expect((await call('/message/sendBatch', { phonesJson: '["13800138000","13900139000"]', templateCode: fixed, templateParamJson: '["",""]' })).json.code).toBe(200);
    expect((await call('/message/sendBatch', { phonesJson: '["13800138000"]', templateCode: fixed })).json.code).toBe(200);
  });

  it('lists bad numbers in failPhones and sends the rest', async () => {
    const { call, sandbox } = await startSandbox();
    const res = await call('/message/sendBatch', { phonesJson: '["13800138000","999"]', templateCode: code, templateParamJson: '[["111111"],["222222"]]' });
    expect(res.json).toMatchObject({ code: 200, data: { failPhones: '999' } });
    expect((await sandbox.messages({})).map((m) => m.text)).toEqual(['【smskit】您的验证码是111111，5分钟内有效。请勿泄露给他人。']);
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['two numbers, one list: 60002', { phonesJson: '["13800138000","13900139000"]', templateCode: code, templateParamJson: '[["111111"]]' }, 60002],
    ['a list with a missing value: 60003', { phonesJson: '["13800138000"]', templateCode: notify, templateParamJson: '[["张三"]]' }, 60003],
    ['a value past its maxLen: 60004', { phonesJson: '["13800138000"]', templateCode: code, templateParamJson: '[["1234567"]]' }, 60004],
    ['templateParamJson not JSON: 60006', { phonesJson: '["13800138000"]', templateCode: code, templateParamJson: '[["1"' }, 60006],
    ['templateParamJson not arrays: 60006', { phonesJson: '["13800138000"]', templateCode: code, templateParamJson: '[{"a":1}]' }, 60006],
    ['phonesJson not JSON: 60007', { phonesJson: '13800138000', templateCode: fixed }, 60007],
    ['no valid number: 60007', { phonesJson: '["1","2"]', templateCode: fixed, templateParamJson: '["",""]' }, 60007],
    ['1001 numbers: 60008', { phonesJson: JSON.stringify(phones(1001)), templateCode: fixed }, 60008],
    ['an unknown template: 60001', { phonesJson: '["13800138000"]', templateCode: 'nope' }, 60001],
    ['phonesJson missing: 40004', { templateCode: fixed }, 40004],
  ])('refuses %s', async (_name, body, expected) => {
    const { call, sandbox } = await startSandbox();
    expect((await call('/message/sendBatch', body)).json.code).toBe(expected);
    expect(await sandbox.messages({})).toHaveLength(0);
  });
});

describe('balance and template limits', () => {
  it('charges each part and refuses with 40002 when the balance is short, sending nothing', async () => {
    const { call, sandbox } = await startSandbox({ balance: 3 });
    // 2 numbers × 1 part
    expect((await call('/message/send', { phones: '13800138000,13900139000', templateCode: fixed })).json.code).toBe(200);
    const res = await call('/message/send', { phones: '13800138000,13900139000', templateCode: fixed });
    expect(res).toMatchObject({ status: 402, json: { code: 40002 } });
    expect(await sandbox.messages({})).toHaveLength(2);
    expect((await call('/message/send', { phones: '13800138000', templateCode: fixed })).json.code).toBe(200);
  });

  it('bills a long message as several parts', async () => {
    const { call, sandbox } = await startSandbox({
      templates: [{ code: 'long', signature: '长文本测试', text: '这是一条很长的通知。'.repeat(8) + '{tail,10}' }],
    });
    await call('/message/send', { phones: '13800138000', templateCode: 'long', templateParam: '["结束"]' });
    const [message] = await sandbox.messages({});
    expect(message?.parts).toBe(2); // 【长文本测试】 + 80 + 2 = 89 characters: 67 + 22
    const state = await sandbox.state();
    expect(state.accounts[0]?.balance['行业短信']).toBe(10_000 - 2);
  });

  it('draws marketing templates from 推广短信 and enforces per-number daily limits with 40005', async () => {
    const { call, sandbox } = await startSandbox();
    // 100004 allows one message per number a day
    expect((await call('/message/send', { phones: '13800138000', templateCode: '100004', templateParam: '["张三"]' })).json.code).toBe(200);
    expect((await call('/message/send', { phones: '13800138000', templateCode: '100004', templateParam: '["张三"]' })).json.code).toBe(40005);
    expect((await call('/message/send', { phones: '13900139000', templateCode: '100004', templateParam: '["李四"]' })).json.code).toBe(200);
    expect((await sandbox.state()).accounts[0]?.balance).toEqual({ 行业短信: 10_000, 会员短信: 10_000, 推广短信: 9_998 });
  });

  it('refuses more recipients than a template allows per send with 40005', async () => {
    const { call } = await startSandbox({ templates: [{ code: 't', signature: '测试', text: '固定内容', limits: { recipientsPerSend: 1, perDay: 2 } }] });
    expect((await call('/message/send', { phones: '13800138000,13900139000', templateCode: 't' })).json.code).toBe(40005);
    expect((await call('/message/send', { phones: '13800138000', templateCode: 't' })).json.code).toBe(200);
    expect((await call('/message/send', { phones: '13800138000', templateCode: 't' })).json.code).toBe(200);
    expect((await call('/message/send', { phones: '13800138000', templateCode: 't' })).json.code).toBe(40005);
  });
});
