import { describe, expect, it } from 'vitest';
import { classifyInfocloudError, infocloudChannel, INFOCLOUD_FAILURE_CLASSES, PLATFORM_CODES, SmsError } from '../../src/index.js';

const answered = (code: number) => new SmsError({ code, details: { outcome: 'failed', attempts: 1, httpStatus: 200 } });

describe('infocloud codes → failure classes', () => {
  it('classes every code of the catalogue but 200', () => {
    expect(Object.keys(INFOCLOUD_FAILURE_CLASSES).map(Number).sort((a, b) => a - b)).toEqual(PLATFORM_CODES.filter((code) => code !== 200));
  });

  it.each([
    [-1, 'retry'],
    [6000, 'retry'],
    [60009, 'retry'],
    [2000, 'failover'],
    [2001, 'failover'],
    [40002, 'failover'],
    [60001, 'failover'],
    [40005, 'stop'],
    [60007, 'stop'],
    [60004, 'stop'],
  ] as const)('an answered %i is %s', (code, failure) => {
    expect(classifyInfocloudError(answered(code))).toBe(failure);
  });

  it('makes a request written without an answer unknown, whatever its code', () => {
    expect(classifyInfocloudError(new SmsError({ code: -1, details: { outcome: 'unknown', attempts: 1 } }))).toBe('unknown');
  });

  it('fails over on a code it does not know (the platform answered: nothing was sent)', () => {
    expect(classifyInfocloudError(answered(12345))).toBe('failover');
  });

  it('agrees with the catalogue: every code it retries is one the catalogue calls retryable', () => {
    for (const [code, failure] of Object.entries(INFOCLOUD_FAILURE_CLASSES)) {
      if (failure === 'retry') expect(new SmsError({ code: Number(code) }).retryable).toBe(true);
    }
  });
});

describe('infocloud channel template fields', () => {
  const channel = infocloudChannel({ name: 'main', clientOptions: { apiKey: 'k', accessKey: 's', baseUrl: 'http://127.0.0.1:9' } });
  const fields = { templateCode: '100001', params: ['code'], text: '您的验证码是{code,6}，5分钟内有效。' };

  it('accepts values that fit the template', () => {
    expect(channel.checkTemplate({ fields, values: { code: '123456' } })).toBeUndefined();
  });

  it('stops on a missing value or one too long for its variable', () => {
    expect(channel.checkTemplate({ fields, values: {} })).toMatchObject({ failure: 'stop', code: '60003' });
    expect(channel.checkTemplate({ fields, values: { code: '1234567' } })).toMatchObject({ failure: 'stop', code: '60004' });
  });

  it('fails over when its own entry is wrong (no templateCode, or params that do not match the text)', () => {
    expect(channel.checkTemplate({ fields: { params: ['code'] } })).toMatchObject({ failure: 'failover' });
    expect(channel.checkTemplate({ fields: { ...fields, params: ['code', 'minutes'] }, values: { code: '1', minutes: '5' } })).toMatchObject({ failure: 'failover', code: '60003' });
  });

  it('says what it can send', () => {
    expect(channel.capabilities).toEqual({ numbers: 'mainland', maxNumbersPerSend: 1000, maxMessagesPerBatch: 1000, receipts: { pull: true, push: true } });
  });
});
