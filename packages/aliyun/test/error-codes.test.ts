import { describe, expect, it } from 'vitest';
import {
  ALIYUN_CODES,
  ALIYUN_ERROR_CODES,
  AliyunError,
  describeAliyunCode,
  explainSignatureMismatch,
  isAliyunError,
  rpcStringToSign,
  serverStringToSign,
} from '../src/index.js';

describe('the Aliyun error catalogue', () => {
  it('classes every code as exactly one of retry, failover, stop, unknown, with a message, an English message and a hint', () => {
    expect(ALIYUN_CODES.length).toBeGreaterThanOrEqual(50);
    for (const code of ALIYUN_CODES) {
      const entry = ALIYUN_ERROR_CODES[code];
      expect(['retry', 'failover', 'stop', 'unknown'], code).toContain(entry.class);
      expect(entry.message.length, code).toBeGreaterThan(1);
      expect(entry.messageEn.length, code).toBeGreaterThan(5);
      expect(entry.hint.length, code).toBeGreaterThan(5);
    }
  });

  it('answers business codes with HTTP 200 and gateway codes with 4xx/5xx', () => {
    for (const code of ALIYUN_CODES) {
      const status = ALIYUN_ERROR_CODES[code].httpStatus;
      if (/^is[vp]\./.test(code)) expect(status, code).toBe(200);
      else expect(status, code).toBeGreaterThanOrEqual(400);
    }
  });

  it('never fails over a per-number limit, a bad number or rejected content', () => {
    for (const code of ['isv.BUSINESS_LIMIT_CONTROL', 'isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_CONTENT_ILLEGAL', 'isv.BLACK_KEY_CONTROL_LIMIT', 'isv.CUSTOMER_REFUSED'] as const) {
      expect(ALIYUN_ERROR_CODES[code].class, code).toBe('stop');
    }
  });

  it('fails over what this channel cannot serve, retries what it did not take, and never resends a platform error', () => {
    expect(ALIYUN_ERROR_CODES['isv.AMOUNT_NOT_ENOUGH'].class).toBe('failover');
    expect(ALIYUN_ERROR_CODES['isv.SMS_TEMPLATE_ILLEGAL'].class).toBe('failover');
    expect(ALIYUN_ERROR_CODES.SignatureDoesNotMatch.class).toBe('failover');
    expect(ALIYUN_ERROR_CODES['InvalidAccessKeyId.NotFound'].class).toBe('failover');
    expect(ALIYUN_ERROR_CODES['Throttling.User'].class).toBe('retry');
    expect(ALIYUN_ERROR_CODES.SignatureNonceUsed.class).toBe('retry');
    expect(ALIYUN_ERROR_CODES['isp.SYSTEM_ERROR'].class).toBe('unknown');
    expect(ALIYUN_ERROR_CODES.InternalError.class).toBe('unknown');
  });

  it('classes a code it does not know by how it arrived', () => {
    expect(describeAliyunCode('isv.SOMETHING_NEW').class).toBe('stop');
    expect(describeAliyunCode('Something.New', 403).class).toBe('failover');
    expect(describeAliyunCode('Something.New', 502).class).toBe('unknown');
    expect(describeAliyunCode('isv.SOMETHING_NEW').known).toBe(false);
  });

  it('builds typed errors that keep the code, class, RequestId and hint, recognisable across copies', () => {
    const error = new AliyunError({ code: 'isv.BUSINESS_LIMIT_CONTROL', requestId: 'R1' });
    expect(error).toMatchObject({ name: 'AliyunError', code: 'isv.BUSINESS_LIMIT_CONTROL', class: 'stop', httpStatus: 200, requestId: 'R1', platformMessage: '业务限流' });
    expect(error.toResponseBody('R1')).toEqual({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: error.message, RequestId: 'R1' });
    expect(isAliyunError({ name: 'AliyunError', code: 'x', class: 'stop', message: '' })).toBe(true);
    expect(isAliyunError(new Error('x'))).toBe(false);
  });
});

describe('showing a signature mismatch', () => {
  const params = { Action: 'SendSms', OutId: "order(1)!", PhoneNumbers: '13800138000', SignatureNonce: 'n' };

  it("names the parameter a client encoded loosely (encodeURIComponent leaves !'() bare)", () => {
    const ours = rpcStringToSign({ method: 'POST', params });
    // What a client that signs with plain encodeURIComponent computes.
    const loose = `POST&%2F&${encodeURIComponent(Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'))}`;
    const message = `Specified signature is not matched with our calculation. server string to sign is:${ours}`;
    const explained = explainSignatureMismatch({ ours: loose, server: serverStringToSign(message)! });
    expect(explained.params).toEqual([{ name: 'OutId', ours: 'order(1)!', server: 'order%281%29%21' }]);
    expect(explained.summary).toContain('OutId');
  });

  it('says the secret is wrong when both strings are equal, and names a method mismatch', () => {
    const ours = rpcStringToSign({ method: 'POST', params });
    expect(explainSignatureMismatch({ ours, server: ours }).summary).toMatch(/secret/);
    expect(explainSignatureMismatch({ ours, server: rpcStringToSign({ method: 'GET', params }) }).summary).toMatch(/method/);
    expect(serverStringToSign('no marker here')).toBeUndefined();
  });
});

describe('the classification table in docs/aliyun.md', () => {
  it('lists every code with the class the catalogue gives it', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/aliyun.md', import.meta.url), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `([^`]+)` \| (\d+) \| \*\*(\w+)\*\* \|/gm)].map((m) => [m[1], { httpStatus: Number(m[2]), class: m[3] }]));
    expect([...rows.keys()].sort()).toEqual([...ALIYUN_CODES]);
    for (const code of ALIYUN_CODES) expect(rows.get(code), code).toEqual({ httpStatus: ALIYUN_ERROR_CODES[code].httpStatus, class: ALIYUN_ERROR_CODES[code].class });
  });
});
