import { describe, expect, it } from 'vitest';
import { classifyTencentCode, describeTencentCode, TENCENT_CODES, TENCENT_ERROR_CODES, TencentError } from '../src/index.js';

describe('the Tencent error catalogue', () => {
  it.each(TENCENT_CODES.map((code) => [code]))('%s has Chinese and English wording, a class and a hint', (code) => {
    const entry = TENCENT_ERROR_CODES[code];
    expect(entry.message).toMatch(/[\u4e00-\u9fff]/);
    expect(entry.messageEn.length).toBeGreaterThan(5);
    expect(entry.hint.length).toBeGreaterThan(5);
    expect(['retry', 'failover', 'stop', 'unknown']).toContain(entry.class);
  });

  it('classes every per-number limit as stop: a backup must not undo the anti-bombing limit', () => {
    const perNumber = TENCENT_CODES.filter((code) => code.startsWith('LimitExceeded.PhoneNumber'));
    expect(perNumber).toEqual(expect.arrayContaining(['LimitExceeded.PhoneNumberDailyLimit', 'LimitExceeded.PhoneNumberThirtySecondLimit', 'LimitExceeded.PhoneNumberOneHourLimit', 'LimitExceeded.PhoneNumberSameContentDailyLimit']));
    for (const code of perNumber) expect(classifyTencentCode(code)).toBe('stop');
  });

  it('classes a platform timeout as unknown (it may have been sent) and throttling as retry', () => {
    expect(classifyTencentCode('InternalError.Timeout')).toBe('unknown');
    expect(classifyTencentCode('InternalError.SendAndRecvFail')).toBe('unknown');
    expect(classifyTencentCode('RequestLimitExceeded')).toBe('retry');
  });

  it('classes what the channel cannot serve as failover, and what the recipient or content is as stop', () => {
    for (const code of ['FailedOperation.InsufficientBalanceInSmsPackage', 'AuthFailure.SignatureFailure', 'FailedOperation.TemplateIncorrectOrUnapproved', 'UnauthorizedOperation.SerivceSuspendDueToArrears', 'ServiceUnavailable']) {
      expect([code, classifyTencentCode(code)]).toEqual([code, 'failover']);
    }
    for (const code of ['InvalidParameterValue.IncorrectPhoneNumber', 'FailedOperation.PhoneNumberInBlacklist', 'FailedOperation.ContainSensitiveWord', 'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber']) {
      expect([code, classifyTencentCode(code)]).toEqual([code, 'stop']);
    }
  });

  it('gives an unknown code its parent class, else unknown (never resent blindly)', () => {
    expect(describeTencentCode('RequestLimitExceeded.SomethingNew')).toMatchObject({ known: false, class: 'retry' });
    expect(describeTencentCode('Totally.New')).toMatchObject({ known: false, class: 'unknown' });
  });

  it('TencentError carries code, class, hint and RequestId, and answers in Tencent’s shape', () => {
    const error = new TencentError({ code: 'LimitExceeded.PhoneNumberDailyLimit', requestId: 'r-1' });
    expect(error).toMatchObject({ name: 'TencentError', code: 'LimitExceeded.PhoneNumberDailyLimit', class: 'stop', requestId: 'r-1' });
    expect(error.platformMessage).toContain('单个手机号日下发');
    expect(error.toResponseBody('r-1')).toEqual({ Response: { Error: { Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: error.message }, RequestId: 'r-1' } });
  });
});

describe('the guide’s classification table (docs/tencent.md)', () => {
  it('lists every code of the catalogue with its class', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(new URL('../../../docs/tencent.md', import.meta.url), 'utf8');
    for (const code of TENCENT_CODES) expect(guide).toContain(`| \`${code}\` | ${TENCENT_ERROR_CODES[code].class} |`);
  });
});

describe('tencentProvider (the config file’s "provider": "tencent")', () => {
  it('builds a channel from its fields and names the field at fault, never its value', async () => {
    const { tencentProvider } = await import('../src/index.js');
    const channel = tencentProvider.create({ name: 'backup', path: 'channels[1]', fields: { secretId: 'AKIDx', secretKey: 'very-secret', sdkAppId: '1400000001', signName: '腾讯云' } });
    expect(channel).toMatchObject({ name: 'backup', provider: 'tencent' });
    await channel.close();
    let message = '';
    try {
      tencentProvider.create({ name: 'backup', path: 'channels[1]', fields: { secretId: 'AKIDx', secretKey: 42, sdkAppId: '1400000001' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('channels[1].secretKey: must be a non-empty string.');
    expect(() => tencentProvider.checkTemplateFields?.({ fields: { templateId: 'x' }, path: 'templates.verification.backup' })).toThrow(/templates\.verification\.backup/);
  });
});
