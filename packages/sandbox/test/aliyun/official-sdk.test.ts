/*
 * Proof by a client nobody here wrote: Alibaba Cloud's own SMS SDK, unchanged, pointed at the
 * sandbox's Aliyun listener over real HTTP. Both of its signatures are exercised: ACS3 (its
 * default) and RPC V1 (signatureAlgorithm 'v2').
 */
import Dysmsapi, * as $Dysmsapi from '@alicloud/dysmsapi20170525';
import * as OpenApiCore from '@alicloud/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSandbox } from '../../src/index.js';

// CommonJS default exports, as ESM sees them.
const Client = ((Dysmsapi as unknown as { default?: typeof Dysmsapi }).default ?? Dysmsapi) as typeof Dysmsapi;
const { $OpenApiUtil } = OpenApiCore as unknown as { $OpenApiUtil: { Config: new (map: Record<string, unknown>) => ConstructorParameters<typeof Dysmsapi>[0] } };

const ACCESS_KEY_ID = 'LTAI-sandbox-test';
const SECRET = 'sandbox-secret-for-the-sdk';

let sandbox: ReturnType<typeof createAliyunSandbox>;
let running: Awaited<ReturnType<ReturnType<typeof createAliyunSandbox>['listen']>>;

beforeAll(async () => {
  sandbox = createAliyunSandbox({ accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET, limits: false, deliveryDelayMs: 0 });
  running = await sandbox.listen({ port: 0 });
});
afterAll(() => running.close());

function client(options: { secret: string; v1?: boolean }) {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: options.secret,
      endpoint: `127.0.0.1:${running.port}`,
      protocol: 'http',
      ...(options.v1 ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

const request = (outId: string) =>
  new $Dysmsapi.SendSmsRequest({
    phoneNumbers: '13800138000',
    signName: '阿里云短信测试',
    templateCode: 'SMS_154950909',
    templateParam: JSON.stringify({ code: '123456' }),
    outId,
  });


for (const [name, v1] of [['ACS3 (the SDK default)', false], ['RPC V1', true]] as const) {
  describe(`@alicloud/dysmsapi20170525 against the sandbox, ${name}`, () => {
    it('is accepted with the right secret, and the message lands with its rendered text', async () => {
      const outId = `sdk-${v1 ? 'v1' : 'v3'}-"!'()*~ ok`;
      const response = await client({ secret: SECRET, v1 }).sendSms(request(outId));
      expect(response.statusCode).toBe(200);
      expect(response.body?.code).toBe('OK');
      expect(response.body?.bizId).toMatch(/\^0$/);
      const message = sandbox.messages().find((m) => m.outId === outId);
      expect(message).toMatchObject({ channel: 'aliyun', phone: '13800138000', content: '【阿里云短信测试】您的验证码为：123456，该验证码5分钟内有效，请勿泄漏于他人！' });
    });

    it('is refused with SignatureDoesNotMatch, carrying the string to sign, with a wrong secret', async () => {
      const error = await client({ secret: 'wrong-secret', v1 })
        .sendSms(request('never'))
        .then(() => undefined, (e: unknown) => e as { code?: string; statusCode?: number; message?: string });
      expect(error?.code).toBe('SignatureDoesNotMatch');
      expect(error?.statusCode).toBe(400);
      expect(error?.message).toContain('server string to sign is:');
      expect(sandbox.messages().some((m) => m.outId === 'never')).toBe(false);
    });
  });
}

it('answers QuerySendDetails to the SDK in its shape', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const response = await client({ secret: SECRET }).querySendDetails(
    new $Dysmsapi.QuerySendDetailsRequest({ phoneNumber: '13800138000', sendDate: today, pageSize: 10, currentPage: 1 }),
  );
  expect(response.body?.code).toBe('OK');
  expect(Number(response.body?.totalCount)).toBeGreaterThanOrEqual(2);
  expect(response.body?.smsSendDetailDTOs?.smsSendDetailDTO?.[0]?.sendStatus).toBe(3);
});
