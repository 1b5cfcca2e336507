/**
 * @smskit/tencent beside the official tencentcloud-sdk-nodejs-sms, in one run:
 *
 * 1. Install footprint: each installed alone by npm into an empty folder (ours from the packed
 *    tarballs), counting installed packages and bytes (footprint.ts). Goal: ≤ 1/5 of the SDK's.
 * 2. Cold import: a fresh process times its own `require()` and `import()` of the package,
 *    interleaved, median of 15 (footprint.ts). Goal: ≤ 1/5 of the SDK's.
 * 3. Signing: signTencentRequest (with the JSON.stringify our client does) against the SDK's
 *    own Sign.sign3 over the same parameters. Goal: ≥ 2× its throughput.
 * 4. Sends per second against the sandbox (one process, limits off): TencentSmsClient.sendSms
 *    against the SDK's Client.SendSms, 8 in flight, interleaved rounds.
 *
 * Needs the built packages (`pnpm build`) and the npm registry for steps 1 and 2. Run: `pnpm bench tencent`.
 */
import { createRequire } from 'node:module';
import { createSandbox } from '@smskit/sandbox';
import { signTencentRequest, TencentSmsClient } from '@smskit/tencent';
import { providerFootprint } from './footprint.js';
import { interleaved, median } from './measure.js';

const require = createRequire(import.meta.url);
const SDK_VERSION = (require('tencentcloud-sdk-nodejs-sms/package.json') as { version: string }).version;

function signing() {
  const Sign = (require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as { default: { sign3(o: object): string } }).default;
  const params = { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', TemplateId: '449739', SignName: '腾讯云', TemplateParamSet: ['123456', '5'], SessionContext: 'order-42' };
  const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
  const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
  let sink = '';
  const result = interleaved({
    ours: () => {
      sink = signTencentRequest({ secretId, secretKey, action: 'SendSms', region: 'ap-guangzhou', body: JSON.stringify(params) }).headers.Authorization;
    },
    sdk: () => {
      sink = Sign.sign3({ method: 'POST', url: 'https://sms.tencentcloudapi.com/', payload: params, timestamp: Math.floor(Date.now() / 1000), service: 'sms', secretId, secretKey, headers: { 'Content-Type': 'application/json' } });
    },
  });
  if (!sink.startsWith('TC3-HMAC-SHA256')) throw new Error('unexpected signature');
  return { ours: result.opsPerSec.ours ?? 0, sdk: result.opsPerSec.sdk ?? 0, ratio: result.ratio('ours', 'sdk') };
}

async function sends() {
  const tencent = { secretId: 'AKIDbench00000000000000000000000', secretKey: 'bench-secret-key', sdkAppId: '1400000009' };
  const sandbox = createSandbox({ deliveryDelayMs: 60_000, rateLimits: false, tencent: { ...tencent, limits: false } });
  const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const ours = new TencentSmsClient({ ...tencent, endpoint: running.tencentUrl, connections: 8 });
  const { Client } = require('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client.js') as { Client: new (c: object) => { SendSms(r: object): Promise<unknown> } };
  const sdk = new Client({ credential: tencent, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: `127.0.0.1:${running.tencentPort}`, protocol: 'http://' } } });
  let n = 0;
  const request = () => ({ PhoneNumberSet: [`+86138${String(n++ % 1e8).padStart(8, '0')}`], SmsSdkAppId: tencent.sdkAppId, TemplateId: '1110', SignName: 'smskit', TemplateParamSet: ['123456', '5'] });
  const rate = async (send: () => Promise<unknown>, count: number) => {
    const start = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next++ < count) await send();
    }));
    return count / ((performance.now() - start) / 1000);
  };
  const rounds = { ours: [] as number[], sdk: [] as number[] };
  await rate(() => ours.sendSms(request()), 200);
  await rate(() => sdk.SendSms(request()), 200);
  for (let i = 0; i < 5; i++) {
    rounds.ours.push(await rate(() => ours.sendSms(request()), 1000));
    rounds.sdk.push(await rate(() => sdk.SendSms(request()), 1000));
  }
  await ours.close();
  await running.close();
  return { ours: median(rounds.ours), sdk: median(rounds.sdk) };
}

console.log(`@smskit/tencent vs tencentcloud-sdk-nodejs-sms@${SDK_VERSION} — node ${process.version}`);
for (const line of providerFootprint({ ours: '@smskit/tencent', sdk: 'tencentcloud-sdk-nodejs-sms', atMost: 0.2 })) console.log(line);
const sign = signing();
console.log(`signing     ours ${Math.round(sign.ours).toLocaleString('en')}/s | sdk ${Math.round(sign.sdk).toLocaleString('en')}/s | ours/sdk = ${sign.ratio.toFixed(2)} (goal ≥ 2: ${sign.ratio >= 2 ? 'met' : 'MISSED'})`);
const sent = await sends();
console.log(`sandbox     ours ${Math.round(sent.ours).toLocaleString('en')} sends/s | sdk ${Math.round(sent.sdk).toLocaleString('en')} sends/s | ours/sdk = ${(sent.ours / sent.sdk).toFixed(2)}`);
