/**
 * @smskit/aliyun beside the official `@alicloud/dysmsapi20170525`, in one run:
 *
 * - installed size and cold import (`require()` and `import()` in a fresh process), each
 *   installed alone by npm from its tarball (footprint.ts; needs `pnpm build` and the npm
 *   registry). Goal: ≤ 1/5 of the SDK's;
 * - signing throughput, RPC V1 and ACS3, interleaved rounds: the SDK's own signing functions
 *   (`@alicloud/openapi-util`) against the prepared signers AliyunClient signs with
 *   (`createRpcSigner` / `createAcs3Signer`, built once as the client builds them), on the same
 *   request, after checking that both give the same signature. Goal: ≥ 2×;
 * - sends per second against the sandbox's Aliyun listener (in this process; same server for
 *   both, so the ratio is the clients' cost), 16 sends in flight, interleaved rounds.
 */
import { performance } from 'node:perf_hooks';
import Dysmsapi, * as $Dysmsapi from '@alicloud/dysmsapi20170525';
import * as OpenApiCore from '@alicloud/openapi-core';
import OpenApiUtilModule from '@alicloud/openapi-util';
import { AliyunClient, createAcs3Signer, createRpcSigner, EMPTY_BODY_SHA256, signAcs3, signRpc } from '@smskit/aliyun';
import { createAliyunSandbox } from '@smskit/sandbox';
import { providerFootprint } from './footprint.js';
import { interleaved, median } from './measure.js';

const OpenApiUtil = ((OpenApiUtilModule as unknown as { default?: typeof OpenApiUtilModule }).default ?? OpenApiUtilModule) as typeof OpenApiUtilModule;
const Client = ((Dysmsapi as unknown as { default?: typeof Dysmsapi }).default ?? Dysmsapi) as typeof Dysmsapi;
const { $OpenApiUtil } = OpenApiCore as unknown as { $OpenApiUtil: { Config: new (map: Record<string, unknown>) => ConstructorParameters<typeof Dysmsapi>[0] } };

// ---- footprint: installed size and cold import (footprint.ts) ----------------------------
for (const line of providerFootprint({ ours: '@smskit/aliyun', sdk: '@alicloud/dysmsapi20170525', atMost: 0.2 })) console.log(line);

// ---- signing -----------------------------------------------------------------------------
const params = {
  AccessKeyId: 'LTAI5tBench', Action: 'SendSms', Format: 'JSON', PhoneNumbers: '13800138000', SignName: '阿里云短信测试',
  SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0',
  TemplateCode: 'SMS_154950909', TemplateParam: '{"code":"123456"}', OutId: "order-(42)!", Timestamp: '2024-01-02T03:04:05Z', Version: '2017-05-25',
};
const secret = 'bench-secret';
const query = { PhoneNumbers: params.PhoneNumbers, SignName: params.SignName, TemplateCode: params.TemplateCode, TemplateParam: params.TemplateParam, OutId: params.OutId };
const headers = { host: 'dysmsapi.aliyuncs.com', 'x-acs-action': 'SendSms', 'x-acs-version': '2017-05-25', 'x-acs-date': params.Timestamp, 'x-acs-signature-nonce': params.SignatureNonce, 'x-acs-content-sha256': EMPTY_BODY_SHA256 };
const sdkRequest = { method: 'POST', pathname: '/', query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
const sdkV1 = () => OpenApiUtil.getRPCSignature(params, 'POST', secret);
const sdkV3 = () => OpenApiUtil.getAuthorization(sdkRequest, 'ACS3-HMAC-SHA256', OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(''), 'ACS3-HMAC-SHA256')), 'LTAI5tBench', secret);
// What AliyunClient does per request: it prepares its signer once, when it is built (so here,
// outside the timed functions), and signs each attempt with it.
const rpcSigner = createRpcSigner(secret);
const acs3Signer = createAcs3Signer({ accessKeyId: 'LTAI5tBench', accessKeySecret: secret });
const oursV1 = () => rpcSigner.sign({ method: 'POST', params });
const oursV3 = () => acs3Signer.sign({ method: 'POST', pathname: '/', query, headers }).authorization;
if (oursV1() !== sdkV1() || signRpc({ params, accessKeySecret: secret }) !== sdkV1()) throw new Error('V1 signatures differ: fix before timing');
if (oursV3() !== sdkV3() || signAcs3({ method: 'POST', pathname: '/', query, headers, accessKeyId: 'LTAI5tBench', accessKeySecret: secret }).authorization !== sdkV3()) {
  throw new Error('V3 Authorization headers differ: fix before timing');
}
const signing = interleaved({ 'SDK V1': sdkV1, 'smskit V1': oursV1, 'SDK V3': sdkV3, 'smskit V3': oursV3 });
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
for (const v of ['V1', 'V3']) {
  const ratio = signing.ratio(`smskit ${v}`, `SDK ${v}`);
  console.log(`signing ${v} — SDK ${fmt(signing.opsPerSec[`SDK ${v}`] as number)}/s, smskit ${fmt(signing.opsPerSec[`smskit ${v}`] as number)}/s, ratio ${ratio.toFixed(2)}× — goal ≥ 2×: ${ratio >= 2 ? 'met' : 'missed'}`);
}

// ---- sends per second against the sandbox ------------------------------------------------
const sandbox = createAliyunSandbox({ accessKeyId: 'bench-id', accessKeySecret: 'bench-secret', limits: false, deliveryDelayMs: 3_600_000 });
const running = await sandbox.listen({ port: 0 });
const ourClient = new AliyunClient({ accessKeyId: 'bench-id', accessKeySecret: 'bench-secret', endpoint: running.url });
const sdkClient = new Client(new $OpenApiUtil.Config({ accessKeyId: 'bench-id', accessKeySecret: 'bench-secret', endpoint: `127.0.0.1:${running.port}`, protocol: 'http' }));
const input = { phoneNumbers: ['13800138000'], signName: 'smskit', templateCode: 'SMS_154950909', templateParam: { code: '123456' } };
const senders: Record<string, () => Promise<unknown>> = {
  smskit: () => ourClient.sendSms(input),
  SDK: () => sdkClient.sendSms(new $Dysmsapi.SendSmsRequest({ phoneNumbers: '13800138000', signName: 'smskit', templateCode: 'SMS_154950909', templateParam: '{"code":"123456"}' })),
};
async function rate(send: () => Promise<unknown>, ms: number): Promise<number> {
  const until = performance.now() + ms;
  let done = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      await send();
      done++;
    }
  }));
  return (done * 1000) / (performance.now() - start);
}
for (const send of Object.values(senders)) await rate(send, 500); // warm-up
const samples: Record<string, number[]> = { smskit: [], SDK: [] };
for (let round = 0; round < 7; round++) for (const [name, send] of Object.entries(senders)) samples[name]!.push(await rate(send, 700));
const sendRatio = median(samples.smskit!.map((v, i) => v / samples.SDK![i]!));
console.log(`sends/s against the sandbox (16 in flight) — SDK ${fmt(median(samples.SDK!))}/s, smskit ${fmt(median(samples.smskit!))}/s, ratio ${sendRatio.toFixed(2)}×`);
await ourClient.close();
await running.close();
