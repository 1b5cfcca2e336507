import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxOptions, type TencentSandboxOptions } from '../src/index.js';

// The official SDK (a dev dependency), unchanged: the client nobody here wrote.
const require = createRequire(import.meta.url);
const { Client } = require('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client.js') as {
  Client: new (config: unknown) => { SendSms(req: unknown): Promise<{ SendStatusSet: { Code: string; PhoneNumber: string; SerialNo: string; Fee: number; SessionContext: string }[]; RequestId: string }>; PullSmsSendStatus(req: unknown): Promise<{ PullSmsSendStatusSet: { SerialNo: string; ReportStatus: string; SessionContext: string; PhoneNumber: string }[] }> };
};

const TENCENT: TencentSandboxOptions = { secretId: 'AKIDsandbox0000000000000000000000', secretKey: 'sandbox-secret-key-不外传', sdkAppId: '1400000001' };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function start(options: SandboxOptions = {}, tencent: Partial<TencentSandboxOptions> = {}) {
  const sandbox = createSandbox({ deliveryDelayMs: 0, rateLimits: false, ...options, tencent: { ...TENCENT, ...tencent } });
  const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  closers.push(running.close);
  return { sandbox, running, port: running.tencentPort as number };
}

function sdk(port: number, credential: { secretId: string; secretKey: string } = TENCENT) {
  return new Client({ credential, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: 'http://', reqTimeout: 10 } } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return code || `network: ${message}`;
  }
  return 'no error';
}

const send = { SmsSdkAppId: TENCENT.sdkAppId, TemplateId: '1110', SignName: '腾讯云', TemplateParamSet: ['123456', '5'], SessionContext: 'ctx-1' };

describe('the sandbox speaks Tencent Cloud SMS to the official SDK', () => {
  it('accepts SendSms signed with the right key, answering per number, and keeps the messages in the shared inbox', async () => {
    const { sandbox, port, running } = await start();
    const answer = await sdk(port).SendSms({ ...send, PhoneNumberSet: ['+8613800138000', '13900139000'] });
    expect(answer.SendStatusSet.map((s) => [s.PhoneNumber, s.Code, s.SessionContext, s.Fee])).toEqual([
      ['+8613800138000', 'Ok', 'ctx-1', 1],
      ['+8613900139000', 'Ok', 'ctx-1', 1],
    ]);
    const messages = await sandbox.messages({ limit: 10 });
    expect(messages.map((m) => [m.phone, m.channel, m.text])).toEqual([
      ['13900139000', 'tencent', '【腾讯云】您的验证码为123456，请于5分钟内填写，如非本人操作请忽略。'],
      ['13800138000', 'tencent', '【腾讯云】您的验证码为123456，请于5分钟内填写，如非本人操作请忽略。'],
    ]);
    // The inbox page reads /_sandbox/messages on the main port: Tencent's messages are there, marked.
    const listed = (await (await fetch(`${running.url}/_sandbox/messages`)).json()) as { data: { phone: string; channel?: string }[] };
    expect(listed.data.map((m) => [m.phone, m.channel])).toEqual([['13900139000', 'tencent'], ['13800138000', 'tencent']]);
  });

  it('refuses a wrong key with AuthFailure.SignatureFailure and an unknown id with AuthFailure.SecretIdNotFound', async () => {
    const { sandbox, port } = await start();
    expect(await codeOf(sdk(port, { ...TENCENT, secretKey: 'wrong' }).SendSms({ ...send, PhoneNumberSet: ['13800138000'] }))).toBe('AuthFailure.SignatureFailure');
    expect(await codeOf(sdk(port, { ...TENCENT, secretId: 'AKIDunknown' }).SendSms({ ...send, PhoneNumberSet: ['13800138000'] }))).toBe('AuthFailure.SecretIdNotFound');
    expect(await sandbox.messages({ limit: 10 })).toEqual([]);
  });

  it('refuses a clock more than 5 minutes off with AuthFailure.SignatureExpire', async () => {
    const { port } = await start({ now: () => Date.now() + 301_000 });
    expect(await codeOf(sdk(port).SendSms({ ...send, PhoneNumberSet: ['13800138000'] }))).toBe('AuthFailure.SignatureExpire');
  });

  it("applies seed 004's limits per number: one request can partly fail", async () => {
    const { port } = await start();
    const client = sdk(port);
    await client.SendSms({ ...send, PhoneNumberSet: ['13800138000'] });
    const second = await client.SendSms({ ...send, PhoneNumberSet: ['13800138000', '13900139000'] });
    expect(second.SendStatusSet.map((s) => s.Code)).toEqual(['LimitExceeded.PhoneNumberThirtySecondLimit', 'Ok']);
    // Other content to the same number is fine up to the 10th message of the day (the limited one did not count).
    for (let i = 0; i < 9; i++) expect((await client.SendSms({ ...send, TemplateParamSet: [String(100000 + i), '5'], PhoneNumberSet: ['13800138000'] })).SendStatusSet[0]?.Code).toBe('Ok');
    expect((await client.SendSms({ ...send, TemplateParamSet: ['999999', '5'], PhoneNumberSet: ['13800138000'] })).SendStatusSet[0]?.Code).toBe('LimitExceeded.PhoneNumberDailyLimit');
  });

  it('answers request-level errors in Response.Error: unknown template, mixed numbers, wrong template kind', async () => {
    const { port } = await start();
    const client = sdk(port);
    expect(await codeOf(client.SendSms({ ...send, TemplateId: '9999', PhoneNumberSet: ['13800138000'] }))).toBe('FailedOperation.TemplateIncorrectOrUnapproved');
    expect(await codeOf(client.SendSms({ ...send, PhoneNumberSet: ['13800138000', '+447911123456'] }))).toBe('UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber');
    expect(await codeOf(client.SendSms({ ...send, PhoneNumberSet: ['+447911123456'] }))).toBe('FailedOperation.TemplateIncorrectOrUnapproved');
    expect(await codeOf(client.SendSms({ ...send, SmsSdkAppId: '1400999999', PhoneNumberSet: ['13800138000'] }))).toBe('InvalidParameterValue.SdkAppIdNotExist');
    const intl = await client.SendSms({ SmsSdkAppId: TENCENT.sdkAppId, TemplateId: '2220', TemplateParamSet: ['123456', '5'], PhoneNumberSet: ['+447911123456', '+44 12'] });
    expect(intl.SendStatusSet.map((s) => s.Code)).toEqual(['Ok', 'InvalidParameterValue.IncorrectPhoneNumber']);
  });

  it('answers PullSmsSendStatus once per receipt, with the SessionContext', async () => {
    const { sandbox, port } = await start();
    const client = sdk(port);
    const sent = await client.SendSms({ ...send, PhoneNumberSet: ['13800138000'] });
    await sandbox.tencent?.deliverNow();
    const pulled = await client.PullSmsSendStatus({ SmsSdkAppId: TENCENT.sdkAppId, Limit: 10 });
    expect(pulled.PullSmsSendStatusSet).toEqual([expect.objectContaining({ SerialNo: sent.SendStatusSet[0]?.SerialNo, ReportStatus: 'SUCCESS', SessionContext: 'ctx-1', PhoneNumber: '+8613800138000' })]);
    expect((await client.PullSmsSendStatus({ SmsSdkAppId: TENCENT.sdkAppId, Limit: 10 })).PullSmsSendStatusSet).toEqual([]);
  });

  it('injects faults: a failure code, then a dropped connection', async () => {
    const { sandbox, port } = await start();
    sandbox.tencent?.setFaults({ fail: 1, failCode: 'InternalError.Timeout', drop: 1 });
    expect(await codeOf(sdk(port).SendSms({ ...send, PhoneNumberSet: ['13800138000'] }))).toMatch(/^network: /);
    expect(await codeOf(sdk(port).SendSms({ ...send, PhoneNumberSet: ['13800138000'] }))).toBe('InternalError.Timeout');
    expect((await sdk(port).SendSms({ ...send, PhoneNumberSet: ['13800138000'] })).SendStatusSet[0]?.Code).toBe('Ok');
  });
});
