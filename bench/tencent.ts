/**
 * @smskit/tencent beside the official tencentcloud-sdk-nodejs-sms, in one run:
 *
 * 1. Install footprint: both packed/installed with npm into fresh folders under the OS temp
 *    dir (ours from `pnpm pack` of the built @smskit/core and @smskit/tencent), counting the
 *    installed packages and their bytes. Goal: ours ≤ 1/5 of the SDK's bytes.
 * 2. Cold import: `node -e "require(…)"` in a fresh process, interleaved, median of 15, with an
 *    empty `node -e ""` as the floor; the goal (≤ 1/5) is on the time above that floor.
 * 3. Signing: signTencentRequest (with the JSON.stringify our client does) against the SDK's
 *    own Sign.sign3 over the same parameters. Goal: ≥ 2× its throughput.
 * 4. Sends per second against the sandbox (one process, limits off): TencentSmsClient.sendSms
 *    against the SDK's Client.SendSms, 8 in flight, interleaved rounds.
 *
 * Needs the built packages (`pnpm --filter @smskit/core --filter @smskit/tencent build`) and
 * the npm registry for step 1. Run: `pnpm bench tencent`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '@smskit/sandbox';
import { signTencentRequest, TencentSmsClient } from '@smskit/tencent';
import { interleaved, median } from './measure.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const SDK_VERSION = (require('tencentcloud-sdk-nodejs-sms/package.json') as { version: string }).version;

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function install(dir: string, specs: string[]): { packages: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"bench-install","private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', ...specs], { cwd: dir, stdio: 'ignore' });
  const listed = execFileSync('npm', ['ls', '--all', '--parseable', '--omit=dev'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  return { packages: new Set(listed.slice(1)).size, bytes: dirBytes(join(dir, 'node_modules')) };
}

function footprint(base: string) {
  const packs = join(base, 'packs');
  mkdirSync(packs, { recursive: true });
  for (const pkg of ['core', 'tencent']) execFileSync('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', packs], { cwd: join(root, 'packages', pkg), stdio: 'ignore' });
  const tarballs = readdirSync(packs).map((name) => join(packs, name));
  return { ours: install(join(base, 'ours'), tarballs), sdk: install(join(base, 'sdk'), [`tencentcloud-sdk-nodejs-sms@${SDK_VERSION}`]) };
}

function coldImport(base: string) {
  const time = (cwd: string, code: string) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-e', code], { cwd });
    if (run.status !== 0) throw new Error(`${code} failed: ${run.stderr.toString()}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const samples = { floor: [] as number[], ours: [] as number[], sdk: [] as number[] };
  for (let i = 0; i < 15; i++) {
    samples.floor.push(time(base, ''));
    samples.ours.push(time(join(base, 'ours'), "require('@smskit/tencent')"));
    samples.sdk.push(time(join(base, 'sdk'), "require('tencentcloud-sdk-nodejs-sms')"));
  }
  return { floor: median(samples.floor), ours: median(samples.ours), sdk: median(samples.sdk) };
}

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

const base = mkdtempSync(join(tmpdir(), 'smskit-bench-tencent-'));
try {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(`@smskit/tencent vs tencentcloud-sdk-nodejs-sms@${SDK_VERSION} — node ${process.version}`);
  const size = footprint(base);
  const sizeRatio = size.ours.bytes / size.sdk.bytes;
  // A dependency ours no longer has (undici went in favour of node:http) is left out, not measured as 0.
  const installed = (name: string) => existsSync(join(base, 'ours', 'node_modules', name));
  const part = (name: string) => `${name} ${mb(dirBytes(join(base, 'ours', 'node_modules', name)))}`;
  console.log(`install     ours ${size.ours.packages} packages, ${mb(size.ours.bytes)} | sdk ${size.sdk.packages} packages, ${mb(size.sdk.bytes)} | ours/sdk = ${sizeRatio.toFixed(3)} (goal ≤ 0.2: ${sizeRatio <= 0.2 ? 'met' : 'MISSED'})`);
  console.log(`            ours by package: ${['@smskit/tencent', '@smskit/core', 'zod', 'undici', 'fastq'].filter(installed).map(part).join(', ')}`);
  const cold = coldImport(base);
  const coldRatio = (cold.ours - cold.floor) / (cold.sdk - cold.floor);
  console.log(`cold import ours ${cold.ours.toFixed(1)} ms | sdk ${cold.sdk.toFixed(1)} ms | empty node ${cold.floor.toFixed(1)} ms | above the floor ours/sdk = ${coldRatio.toFixed(3)} (goal ≤ 0.2: ${coldRatio <= 0.2 ? 'met' : 'MISSED'}); whole process ${(cold.ours / cold.sdk).toFixed(3)}`);
  const sign = signing();
  console.log(`signing     ours ${Math.round(sign.ours).toLocaleString('en')}/s | sdk ${Math.round(sign.sdk).toLocaleString('en')}/s | ours/sdk = ${sign.ratio.toFixed(2)} (goal ≥ 2: ${sign.ratio >= 2 ? 'met' : 'MISSED'})`);
  const sent = await sends();
  console.log(`sandbox     ours ${Math.round(sent.ours).toLocaleString('en')} sends/s | sdk ${Math.round(sent.sdk).toLocaleString('en')} sends/s | ours/sdk = ${(sent.ours / sent.sdk).toFixed(2)}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
