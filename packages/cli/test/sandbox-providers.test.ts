import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AliyunClient, type AliyunError } from '@smskit/aliyun';
import { tencentChannel } from '@smskit/tencent';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';
import { run } from './run.js';

const ALIYUN = ['--aliyun-access-key-id', 'LTAIcli', '--aliyun-access-key-secret', 'ali-very-secret'];
const TENCENT = ['--tencent-secret-id', 'AKIDcli', '--tencent-secret-key', 'tc-very-secret', '--tencent-sdk-app-id', '1400000009'];

/** Runs `smskit sandbox …` in-process until the test aborts it. */
function startInProcess(args: string[]) {
  const lines: string[] = [];
  let err = '';
  const controller = new AbortController();
  const io: CliIo = { out: (text) => void lines.push(...text.split('\n').filter(Boolean)), err: (text) => void (err += text), readStdin: async () => undefined, env: {}, signal: controller.signal };
  const exit = runCli(['sandbox', ...args], io);
  return { lines, stop: () => controller.abort(), exit, err: () => err };
}

/** A port free a moment ago (listen on 0, close): for the one test that needs a fixed --port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const urlOf = (line: string | undefined) => /listening on (http:\/\/[^ ]+)/.exec(line ?? '')?.[1] as string;

describe('smskit sandbox --aliyun-* / --tencent-*', () => {
  it('serves Aliyun and Tencent on their own ports, with the templates file\'s entries, checking the secrets, printing no secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smskit-sbflags-'));
    const file = join(dir, 'templates.json');
    await writeFile(
      file,
      JSON.stringify([
        { code: 'T', signature: '测试', text: '验证码{c,6}' },
        { platform: 'aliyun', code: 'SMS_900000001', text: '阿里码${code}' },
        { platform: 'tencent', id: '3330', text: '腾讯码{1}' },
      ]),
    );
    const sandbox = startInProcess(['--port', '0', '--quiet', '--delivery-delay', '0', '--templates', file, '--aliyun-port', '0', ...ALIYUN, '--tencent-port', '0', ...TENCENT]);
    await expect.poll(() => sandbox.lines.length, { timeout: 10_000 }).toBe(3);
    const [main, aliyunLine, tencentLine] = sandbox.lines;
    const url = urlOf(main);
    expect(main).toMatch(/^smskit sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(apiKey sandbox-api-key, 1 template;/);
    expect(aliyunLine).toMatch(/^smskit sandbox \(Aliyun dysmsapi\) listening on http:\/\/127\.0\.0\.1:\d+ \(AccessKeyId LTAIcli; inbox http/);
    expect(tencentLine).toMatch(/^smskit sandbox \(Tencent SMS 3\.0\) listening on http:\/\/127\.0\.0\.1:\d+ \(SecretId AKIDcli, SdkAppId 1400000009; inbox http/);
    const aliyunUrl = urlOf(aliyunLine);
    const tencentUrl = urlOf(tencentLine);
    expect(new Set([url, aliyunUrl, tencentUrl]).size).toBe(3);

    const aliyun = new AliyunClient({ accessKeyId: 'LTAIcli', accessKeySecret: 'ali-very-secret', endpoint: aliyunUrl });
    const wrongAliyun = new AliyunClient({ accessKeyId: 'LTAIcli', accessKeySecret: 'wrong', endpoint: aliyunUrl });
    const tencent = tencentChannel({ secretId: 'AKIDcli', secretKey: 'tc-very-secret', sdkAppId: '1400000009', endpoint: tencentUrl, timeoutMs: 5000 });
    const wrongTencent = tencentChannel({ secretId: 'AKIDcli', secretKey: 'wrong', sdkAppId: '1400000009', endpoint: tencentUrl, timeoutMs: 5000 });
    try {
      expect((await aliyun.sendSms({ phoneNumbers: ['13800138001'], signName: 'smskit', templateCode: 'SMS_900000001', templateParam: { code: '4321' } })).Code).toBe('OK');
      const refused = await wrongAliyun.sendSms({ phoneNumbers: ['13800138002'], signName: 'smskit', templateCode: 'SMS_900000001', templateParam: { code: '1' } }).then(
        () => undefined,
        (error: unknown) => error as AliyunError,
      );
      expect(refused).toMatchObject({ code: 'SignatureDoesNotMatch' });

      const template = { templateId: '3330', signName: 'smskit', params: ['code'] };
      const sent = await tencent.send({ numbers: ['13900139001'], values: { code: '8765' }, template, idempotencyKey: 'k-1' });
      expect(sent.outcomes[0]).toMatchObject({ status: 'sent', code: 'Ok' });
      const wrong = await wrongTencent.send({ numbers: ['13900139002'], values: { code: '1' }, template, idempotencyKey: 'k-2' });
      expect(wrong.outcomes[0]).toMatchObject({ status: 'failed', code: 'AuthFailure.SignatureFailure' });

      // Both providers' messages, rendered from the templates file, show in the one inbox.
      const inbox = JSON.stringify(await (await fetch(`${url}/_sandbox/messages`)).json());
      expect(inbox).toContain('阿里码4321');
      expect(inbox).toContain('腾讯码8765');
    } finally {
      await Promise.all([aliyun.close(), wrongAliyun.close(), tencent.close(), wrongTencent.close()]);
      sandbox.stop();
    }
    expect(await sandbox.exit).toBe(0);
    const all = sandbox.lines.join('\n') + sandbox.err();
    expect(all).not.toContain('ali-very-secret');
    expect(all).not.toContain('tc-very-secret');
  });

  it.each([
    [['--aliyun-port', '0', '--aliyun-access-key-id', 'LTAIcli'], '--aliyun-port needs --aliyun-access-key-secret'],
    [['--aliyun-access-key-id', 'LTAIcli', '--aliyun-access-key-secret', 'ali-very-secret'], '--aliyun-access-key-id needs --aliyun-port'],
    [['--tencent-port', '0', '--tencent-secret-id', 'AKIDcli'], '--tencent-port needs --tencent-secret-key and --tencent-sdk-app-id'],
    [['--tencent-secret-key', 'tc-very-secret'], '--tencent-secret-key needs --tencent-port'],
    [['--port', '18787', '--aliyun-port', '18787', ...ALIYUN], '--port and --aliyun-port both ask for port 18787'],
    [['--port', '0', '--aliyun-port', '18788', ...ALIYUN, '--tencent-port', '18788', ...TENCENT], '--aliyun-port and --tencent-port both ask for port 18788'],
    [['--aliyun-port', '70000', ...ALIYUN], '--aliyun-port takes a whole number from 0 to 65535'],
  ])('refuses %j as a usage mistake: exit 2, one line, no secret', async (args, message) => {
    const result = await run(['sandbox', ...args]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.out + result.err).not.toMatch(/very-secret/);
  });

  it('exits 1 naming the taken port, and leaves no listener behind, when the Tencent port is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    const free = await freePort();
    try {
      const sandbox = startInProcess(['--port', String(free), '--quiet', '--tencent-port', String(busy), ...TENCENT]);
      expect(await sandbox.exit).toBe(1);
      expect(sandbox.err()).toBe(`smskit: sandbox cannot listen on 127.0.0.1:${busy}: EADDRINUSE\n`);
      expect(sandbox.lines).toEqual([]);
      // The platform port opened first was closed again, not left open behind the error.
      const again = createServer();
      await new Promise<void>((resolve, reject) => {
        again.once('error', reject);
        again.listen(free, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => again.close(resolve));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
