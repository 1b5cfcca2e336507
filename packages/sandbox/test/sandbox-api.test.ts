import { describe, expect, it } from 'vitest';
import { renderTemplate } from '@smskit/core';
import fc from 'fast-check';
import { DEFAULT_TEMPLATES, MemorySandboxStore, prepareTemplates, renderPrepared } from '../src/index.js';
import { API_KEY, startSandbox } from './harness.js';

describe('/_sandbox read endpoints (for tests and the inbox page)', () => {
  it('lists the messages of a number, newest first, with the text as the handset shows it', async () => {
    const { call, admin } = await startSandbox();
    await call('/message/send', { phones: '13800138000,13900139000', templateCode: '100001', templateParam: '["111111"]' });
    await call('/message/send', { phones: '13800138000', templateCode: '100001', templateParam: '["222222"]' });
    const res = await admin('/messages?phone=13800138000');
    const data = res.json.data as { text: string; phone: string; state: string }[];
    expect(data.map((m) => m.text)).toEqual([
      '【smskit】您的验证码是222222，5分钟内有效。请勿泄露给他人。',
      '【smskit】您的验证码是111111，5分钟内有效。请勿泄露给他人。',
    ]);
    expect(data[0]).toMatchObject({ phone: '13800138000', state: 'DELIVRD', apiKey: API_KEY });
    expect((await admin('/messages?limit=1')).json.data).toHaveLength(1);
  });

  it('reports accounts, pending deliveries, pushing and faults', async () => {
    const { call, admin } = await startSandbox({ deliveryDelayMs: 3_600_000, balance: 10 });
    await call('/message/send', { phones: '13800138000', templateCode: '100003' });
    expect((await admin('/state')).json.data).toMatchObject({
      accounts: [{ apiKey: API_KEY, balance: { 行业短信: 9, 会员短信: 10, 推广短信: 10 } }],
      pendingDeliveries: 1,
      push: { stopped: false },
      faults: { fail: 0 },
    });
  });

  it('sets balances, so 40002 can be tested', async () => {
    const { call, admin } = await startSandbox();
    expect((await admin('/balance', { 行业短信: 0 })).json.data).toMatchObject({ 行业短信: 0 });
    expect((await call('/message/send', { phones: '13800138000', templateCode: '100003' })).json.code).toBe(40002);
    await admin('/balance', { all: 5 });
    expect((await call('/message/send', { phones: '13800138000', templateCode: '100003' })).json.code).toBe(200);
  });

  it('lists the templates in use', async () => {
    const { admin } = await startSandbox();
    const data = (await admin('/templates')).json.data as { code: string; variables: unknown[] }[];
    expect(data.map((t) => t.code)).toEqual(DEFAULT_TEMPLATES.map((t) => t.code));
    expect(data[0]?.variables).toMatchObject([{ name: 'code', maxLen: 6 }]);
  });

  it('forgets everything on reset', async () => {
    const { call, admin, sandbox } = await startSandbox();
    await call('/message/send', { phones: '13800138000', templateCode: '100003' });
    await admin('/reset', {});
    expect(await sandbox.messages({})).toEqual([]);
    expect((await call('/sms/arriveRes/qry')).json.data).toEqual([]);
  });

  it('keeps state in the store it is given', async () => {
    const store = new MemorySandboxStore();
    const { call } = await startSandbox({ store });
    await call('/message/send', { phones: '13800138000', templateCode: '100003' });
    expect(store.findMessages({ limit: 10 })).toHaveLength(1);
  });
});

describe('templates', () => {
  it('ships defaults that pass core’s rules: a code, a notification, a fixed text, marketing, English', () => {
    const templates = prepareTemplates(DEFAULT_TEMPLATES);
    expect(templates.get('100001')?.text).toBe('您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。');
    expect(templates.get('100003')?.variables).toEqual([]);
    expect(templates.get('100004')?.balance).toBe('推广短信');
  });

  it('refuses templates that break the platform’s rules, naming each', () => {
    expect(() => prepareTemplates([{ code: 'a', signature: 'smskit', text: '【广告】您好' }])).toThrow(/template a/);
    expect(() => prepareTemplates([{ code: 'a', signature: '【x】', text: '您好' }])).toThrow(/template a/);
    expect(() => prepareTemplates([{ code: 'a', signature: 'smskit', text: '您好' }, { code: 'a', signature: 'smskit', text: '再见' }])).toThrow(/twice/);
    expect(() => prepareTemplates([{ code: 'a', text: '您好' }])).toThrow(/signature/);
    expect(() => prepareTemplates([])).toThrow();
  });

  it('renders exactly as core’s renderTemplate, from pieces prepared once', () => {
    const templates = [...prepareTemplates([...DEFAULT_TEMPLATES, { code: 'x', signature: '签名', text: '{a,3}中间{b,2}' }]).values()];
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.array(fc.string({ maxLength: 2 }), { minLength: 3, maxLength: 3 }), (template, pool) => {
        const values = template.variables.map((_, i) => pool[i] ?? '');
        expect(renderPrepared(template, values)).toBe(renderTemplate({ template: template.text, values, signature: template.signature }));
      }),
    );
  });

  it('serves the templates it was given instead of the defaults', async () => {
    const { call } = await startSandbox({ templates: [{ code: 'T1', signature: '测试签名', text: '验证码{code,4}' }] });
    expect((await call('/message/send', { phones: '13800138000', templateCode: 'T1', templateParam: '["1234"]' })).json.code).toBe(200);
    expect((await call('/message/send', { phones: '13800138000', templateCode: '100001', templateParam: '["123456"]' })).json.code).toBe(60001);
  });
});
