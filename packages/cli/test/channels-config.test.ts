import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@smskit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './run.js';

// `smskit send --config` and `smskit channels` over two real sandboxes on 127.0.0.1: the
// primary and the backup channel, each with its own account, state and faults.
const PRIMARY = { apiKey: 'primary-key', accessKey: 'primary-secret-不外传' };
const BACKUP = { apiKey: 'backup-key', accessKey: 'backup-secret-不外传' };
const ENV = { P_KEY: PRIMARY.apiKey, P_SECRET: PRIMARY.accessKey, B_KEY: BACKUP.apiKey, B_SECRET: BACKUP.accessKey };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function sandbox(account: typeof PRIMARY, channelName: string): Promise<{ sandbox: Sandbox; url: string }> {
  const box = createSandbox({ ...account, channelName, rateLimits: false, deliveryDelayMs: 600_000 });
  const running = await box.listen({ port: 0, host: '127.0.0.1' });
  closers.push(() => running.close());
  return { sandbox: box, url: running.url };
}

async function configFile(value: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smskit-channels-'));
  const file = join(dir, 'channels.json');
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function twoChannels(primaryUrl: string, backupUrl: string) {
  return {
    channels: [
      { name: 'primary', provider: 'infocloud', apiKey: { env: 'P_KEY' }, accessKey: { env: 'P_SECRET' }, baseUrl: primaryUrl },
      { name: 'backup', provider: 'infocloud', apiKey: { env: 'B_KEY' }, accessKey: { env: 'B_SECRET' }, baseUrl: backupUrl },
    ],
    templates: {
      verification: {
        primary: { templateCode: '100001', params: ['code'], text: '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。' },
        backup: { templateCode: '100005', params: ['code'] },
      },
    },
  };
}

async function pair() {
  const primary = await sandbox(PRIMARY, 'primary');
  const backup = await sandbox(BACKUP, 'backup');
  return { primary, backup, file: await configFile(twoChannels(primary.url, backup.url)) };
}

const sendArgs = (file: string) => ['send', '--config', file, '--template', 'verification', '--to', '13800138000', '--param', 'code=246810', '--json'];

describe('smskit send --config', () => {
  it('sends through the primary while it is well, and names it for the number', async () => {
    const { primary, backup, file } = await pair();
    const { code, out, err } = await run(sendArgs(file), undefined, ENV);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out) as { status: string; numbers: { number: string; status: string; channel: string; passedOver: unknown[] }[] };
    expect(result.status).toBe('sent');
    expect(result.numbers).toMatchObject([{ number: '13800138000', status: 'sent', channel: 'primary', passedOver: [] }]);
    expect((await primary.sandbox.messages({ phone: '13800138000' })).map((m) => m.text)).toEqual(['【smskit】您的验证码是246810，5分钟内有效。请勿泄露给他人。']);
    expect(await backup.sandbox.messages({})).toEqual([]);
  });

  it('fails over to the backup when the primary cannot serve, and says why the primary was passed over', async () => {
    const { primary, backup, file } = await pair();
    await primary.sandbox.setBalance({ values: { 行业短信: 0, 会员短信: 0, 推广短信: 0 } });
    const { code, out } = await run(sendArgs(file), undefined, ENV);
    expect(code).toBe(0);
    const [number] = (JSON.parse(out) as { numbers: { channel: string; status: string; passedOver: { channel: string; reason: string; code?: string }[] }[] }).numbers;
    expect(number).toMatchObject({ status: 'sent', channel: 'backup', passedOver: [{ channel: 'primary', reason: 'failover', code: '40002' }] });
    expect(await primary.sandbox.messages({})).toEqual([]);
    expect((await backup.sandbox.messages({ phone: '13800138000' })).map((m) => m.text)).toEqual(['【smskit】Your code is 246810. It expires in 5 minutes.']);
    expect(out).not.toContain(PRIMARY.accessKey);
  });

  it('does not hand a number the primary stopped (a per-number limit) to the backup, and exits 1', async () => {
    const { primary, backup, file } = await pair();
    primary.sandbox.setFaults({ fail: 1, failCode: 40005 });
    const { code, out } = await run(sendArgs(file).filter((a) => a !== '--json'), undefined, ENV);
    expect(code).toBe(1);
    expect(out).toMatch(/^13800138000: failed \(stop at primary\) — 40005 /m);
    expect(await backup.sandbox.messages({})).toEqual([]);
  });

  it('prints, without --json, the channel that took each number and why earlier ones did not', async () => {
    const { primary, file } = await pair();
    primary.sandbox.setFaults({ fail: 1, failCode: 2001 });
    const { code, out } = await run(sendArgs(file).filter((a) => a !== '--json'), undefined, ENV);
    expect(code).toBe(0);
    expect(out).toMatch(/^13800138000: sent by backup, msgId \S+; passed over primary \(failover 2001: /m);
    expect(out.trim().split('\n').at(-1)).toBe('sent');
  });

  it('refuses a number that is none before reading the channels, unless --skip-invalid', async () => {
    const { backup, file } = await pair();
    const refused = await run(['send', '--config', file, '--template', 'verification', '--to', '13800138000,12345', '--param', 'code=1'], undefined, ENV);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toContain('not a phone number: 12345');
    expect(await backup.sandbox.messages({})).toEqual([]);
  });

  it('takes --param as NAME=VALUE and names an unknown logical template', async () => {
    const { file } = await pair();
    const positional = await run(['send', '--config', file, '--template', 'verification', '--to', '13800138000', '--param', '246810'], undefined, ENV);
    expect(positional.code).toBe(2);
    expect(positional.err).toContain('--param takes NAME=VALUE');
    const unknown = await run(['send', '--config', file, '--template', 'welcome', '--to', '13800138000'], undefined, ENV);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(`smskit: ${file}: no template "welcome" (templates: verification)\n`);
  });
});

describe('smskit send --config with an Aliyun channel', () => {
  it('sends through Aliyun (the sandbox\'s Aliyun listener) and fails over to infocloud on an empty Aliyun balance', async () => {
    const box = createSandbox({ ...BACKUP, rateLimits: false, deliveryDelayMs: 600_000, aliyun: { accessKeyId: 'ali-id', accessKeySecret: 'ali-secret-不外传', deliveryDelayMs: 600_000 } });
    const running = await box.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => running.close());
    const file = await configFile({
      channels: [
        { name: 'ali', provider: 'aliyun', accessKeyId: 'ali-id', accessKeySecret: { env: 'ALI_SECRET' }, endpoint: running.aliyunUrl },
        { name: 'info', provider: 'infocloud', apiKey: { env: 'B_KEY' }, accessKey: { env: 'B_SECRET' }, baseUrl: running.url },
      ],
      templates: { verification: { ali: { templateCode: 'SMS_154950909', signName: 'smskit' }, info: { templateCode: '100001', params: ['code'] } } },
    });
    const env = { ...ENV, ALI_SECRET: 'ali-secret-不外传' };
    const first = await run(sendArgs(file), undefined, env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ numbers: [{ channel: 'ali', status: 'sent', passedOver: [] }] });
    box.aliyun?.setFaults({ fail: 1, failCode: 'isv.AMOUNT_NOT_ENOUGH' });
    const second = await run([...sendArgs(file).slice(0, 6), '13900139000', ...sendArgs(file).slice(7)], undefined, env);
    expect(JSON.parse(second.out)).toMatchObject({ numbers: [{ number: '13900139000', channel: 'info', status: 'sent', passedOver: [{ channel: 'ali', reason: 'failover', code: 'isv.AMOUNT_NOT_ENOUGH' }] }] });
    expect(first.out + second.out).not.toContain('ali-secret');
  });
});

describe('a config file that is wrong', () => {
  const cases: [string, unknown, string][] = [
    ['an unset variable', { channels: [{ name: 'a', provider: 'infocloud', apiKey: 'k', accessKey: { env: 'NOT_SET_ANYWHERE' } }] }, 'channels[0].accessKey'],
    ['a provider not installed', { channels: [{ name: 'tw', provider: 'twilio', sid: 'x' }] }, 'channels[0].provider'],
    ['an Aliyun entry without its secret', { channels: [{ name: 'ali', provider: 'aliyun', accessKeyId: 'x' }] }, 'channels[0].accessKeySecret'],
    ['a Tencent template without its id', { channels: [{ name: 'tc', provider: 'tencent', secretId: 'i', secretKey: 'k', sdkAppId: '1400000000' }], templates: { v: { tc: { signName: 's' } } } }, 'templates.v.tc'],
    ['a field infocloud has not', { channels: [{ name: 'a', provider: 'infocloud', apiKey: 'k', accessKey: 's', region: 'x' }] }, 'channels[0].region'],
    ['a template for no channel', { channels: [{ name: 'a', provider: 'infocloud', apiKey: 'k', accessKey: 's' }], templates: { v: { b: { templateCode: '1' } } } }, 'templates.v.b'],
    ['template fields infocloud cannot read', { channels: [{ name: 'a', provider: 'infocloud', apiKey: 'k', accessKey: 's' }], templates: { v: { a: { params: ['code'] } } } }, 'templates.v.a'],
    ['text that is no JSON', '{ "channels": [', '(file)'],
  ];
  for (const command of ['send', 'channels']) {
    it.each(cases)(`${command}: %s is one line naming the file and the path, exit 2`, async (_, config, path) => {
      const file = await configFile(config);
      const args = command === 'send' ? ['send', '--config', file, '--template', 'v', '--to', '13800138000'] : ['channels', '--config', file];
      const { code, out, err } = await run(args, undefined, { P_SECRET: PRIMARY.accessKey });
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err.split('\n')).toHaveLength(2);
      expect(err).toContain(`smskit: ${file}: ${path}`);
    });
  }

  it('never prints a secret read from the environment, even when the entry holding it is wrong', async () => {
    const file = await configFile({ channels: [{ name: 'a', provider: 'infocloud', apiKey: { env: 'P_KEY' }, accessKey: { env: 'P_SECRET' }, signMethod: { env: 'P_SECRET' } }] });
    const { code, err } = await run(['channels', '--config', file], undefined, ENV);
    expect(code).toBe(2);
    expect(err).toContain('channels[0]');
    expect(err).not.toContain(PRIMARY.accessKey);
  });

  it('names a file that cannot be read', async () => {
    const { code, err } = await run(['channels', '--config', '/nonexistent/channels.json'], undefined, {});
    expect({ code, err }).toEqual({ code: 2, err: 'smskit: cannot read --config /nonexistent/channels.json: ENOENT\n' });
  });
});

describe('smskit channels', () => {
  it('says each channel is reachable, with its balance, and exits 0', async () => {
    const { file } = await pair();
    const { code, out, err } = await run(['channels', '--config', file], undefined, ENV);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^primary \(infocloud, primary\): OK; balance 行业短信 10000, 会员短信 10000, 推广短信 10000$/);
    expect(lines[1]).toMatch(/^backup \(infocloud, backup 1\): OK; balance /);
    expect(lines[2]).toBe('all 2 channels usable');
    expect(out).not.toContain(PRIMARY.accessKey);
  });

  it('says plainly what is wrong per channel (keys refused, unreachable, no balance) and exits 1', async () => {
    const { primary, backup } = await pair();
    await primary.sandbox.setBalance({ values: { 行业短信: 0, 会员短信: 0, 推广短信: 0 } });
    const config = twoChannels(primary.url, backup.url);
    const file = await configFile({
      ...config,
      channels: [
        ...config.channels,
        { name: 'wrong-keys', provider: 'infocloud', apiKey: { env: 'B_KEY' }, accessKey: 'not-the-secret', baseUrl: backup.url },
        { name: 'gone', provider: 'infocloud', apiKey: 'k', accessKey: 's', baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 },
      ],
    });
    const { code, out } = await run(['channels', '--config', file, '--json'], undefined, ENV);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { usable: boolean; channels: { name: string; usable: boolean; reachable: boolean | null; problems: string[]; notes: string[] }[] };
    expect(report.usable).toBe(false);
    const byName = Object.fromEntries(report.channels.map((c) => [c.name, c]));
    expect(byName.primary).toMatchObject({ usable: false, reachable: true, problems: ['no balance left: every kind is at 0'] });
    expect(byName.backup).toMatchObject({ usable: true, reachable: true, problems: [] });
    expect(byName['wrong-keys']).toMatchObject({ usable: false, reachable: true });
    expect(byName['wrong-keys']?.problems[0]).toMatch(/^balance query refused: 2001 /);
    expect(byName['wrong-keys']?.notes).toEqual(['no entry for template verification (passed over for it)']);
    expect(byName.gone).toMatchObject({ usable: false, reachable: false });
    expect(byName.gone?.problems[0]).toMatch(/^not reachable: /);
    expect(out).not.toContain('not-the-secret');
  });
});
