import { describe, expect, it } from 'vitest';
import { ChannelConfigError, createChannels, parseChannelsConfig, type ChannelProvider } from '../../src/index.js';
import { fakeChannel } from './fake-channel.js';

const FILE = {
  channels: [
    { name: 'main', provider: 'infocloud', apiKey: { env: 'MAIN_KEY' }, accessKey: { env: 'MAIN_SECRET' }, baseUrl: 'http://127.0.0.1:9' },
    { name: 'ali', provider: 'aliyun', accessKeyId: 'id', accessKeySecret: { env: 'ALI_SECRET' } },
  ],
  templates: { verification: { main: { templateCode: '100001', params: ['code'] }, ali: { templateCode: 'SMS_1', signName: 'smskit' } } },
};
const ENV = { MAIN_KEY: 'key', MAIN_SECRET: 'secret', ALI_SECRET: 'ali-secret' };

function errorOf(run: () => unknown): ChannelConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChannelConfigError) return error;
    throw error;
  }
  throw new Error('expected a ChannelConfigError');
}

describe('parseChannelsConfig', () => {
  it('reads channels in order and templates per channel, with env values resolved', () => {
    const config = parseChannelsConfig(JSON.stringify(FILE), { env: ENV });
    expect(config.channels.map((c) => [c.name, c.provider, c.path])).toEqual([['main', 'infocloud', 'channels[0]'], ['ali', 'aliyun', 'channels[1]']]);
    expect(config.channels[1]?.fields).toEqual({ accessKeyId: 'id', accessKeySecret: 'ali-secret' });
    expect(config.templates).toEqual([{ name: 'verification', channels: FILE.templates.verification }]);
  });

  it('says a file is not JSON without quoting its text (a secret may be written there)', () => {
    const error = errorOf(() => parseChannelsConfig('{\n  "channels": [{ "accessKeySecret": S3CRETvalue }]\n}'));
    expect(error).toMatchObject({ code: 40004, path: '(file)' });
    expect(error.message).toMatch(/is not valid JSON/);
    expect(error.message).not.toContain('S3CRET');
  });

  it.each([
    ['not JSON', '{', '(file)'],
    ['no channels', {}, 'channels'],
    ['a channel without a name', { channels: [{ provider: 'infocloud' }] }, 'channels[0].name'],
    ['two channels of one name', { channels: [{ name: 'a', provider: 'x' }, { name: 'a', provider: 'x' }] }, 'channels[1].name'],
    ['a channel without a provider', { channels: [{ name: 'a' }] }, 'channels[0].provider'],
    ['a template for an unknown channel', { channels: [{ name: 'a', provider: 'x' }], templates: { otp: { b: {} } } }, 'templates.otp.b'],
    ['a template entry that is not an object', { channels: [{ name: 'a', provider: 'x' }], templates: { otp: { a: 'id' } } }, 'templates.otp.a'],
    ['an unknown top-level key', { channels: [{ name: 'a', provider: 'x' }], chanels: [] }, 'chanels'],
    ['a missing environment variable', { channels: [{ name: 'a', provider: 'x', key: { env: 'NOPE' } }] }, 'channels[0].key'],
    ['a __proto__ key', JSON.parse('{"channels":[{"name":"a","provider":"x","__proto__":{"x":1}}]}'), 'channels[0].__proto__'],
  ])('names the path of %s', (_, source, path) => {
    const error = errorOf(() => parseChannelsConfig(source, { env: ENV }));
    expect(error).toMatchObject({ code: 40004, path });
    expect(error.message.startsWith(`${path}:`)).toBe(true);
  });

  it('refuses nesting deeper than 32 levels without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(errorOf(() => parseChannelsConfig({ channels: [{ name: 'a', provider: 'x', deep }] })).message).toMatch(/deeper than 32/);
  });

  it('never puts a secret from the environment in an error about its channel', () => {
    const source = { channels: [{ name: 'main', provider: 'infocloud', apiKey: { env: 'MAIN_KEY' }, accessKey: { env: 'MAIN_SECRET' }, timeoutMs: 'soon' }] };
    const error = errorOf(() => createChannels(parseChannelsConfig(source, { env: { MAIN_KEY: 'key-1234', MAIN_SECRET: 'very-secret-5678' } })));
    expect(error.path).toBe('channels[0].timeoutMs');
    expect(JSON.stringify({ message: error.message, hint: error.hint, details: error.details })).not.toMatch(/very-secret-5678|key-1234/);
  });
});

describe('createChannels', () => {
  const aliyun: ChannelProvider = {
    provider: 'aliyun',
    create: ({ name, fields, path }) => {
      if (typeof fields.accessKeyId !== 'string') throw new ChannelConfigError({ path: `${path}.accessKeyId`, message: 'is required.' });
      return fakeChannel({ name, script: () => 'sent' });
    },
    checkTemplateFields: ({ fields, path }) => {
      if (typeof fields.templateCode !== 'string') throw new ChannelConfigError({ path: `${path}.templateCode`, message: 'is required.' });
    },
  };

  it('builds infocloud itself and other providers through their hook', async () => {
    const channels = createChannels(parseChannelsConfig(FILE, { env: ENV }), { providers: [aliyun] });
    expect(channels.map((c) => [c.name, c.provider])).toEqual([['main', 'infocloud'], ['ali', 'fake']]);
    await Promise.all(channels.map((c) => c.close()));
  });

  it('names an unknown provider and says which package to install', () => {
    const error = errorOf(() => createChannels(parseChannelsConfig(FILE, { env: ENV })));
    expect(error).toMatchObject({ path: 'channels[1].provider' });
    expect(error.hint).toMatch(/@smskit\/aliyun/);
  });

  it('lets each provider name the field at fault, in channels and in templates', () => {
    const noId = { ...FILE, channels: [FILE.channels[0], { name: 'ali', provider: 'aliyun' }] };
    expect(errorOf(() => createChannels(parseChannelsConfig(noId, { env: ENV }), { providers: [aliyun] })).path).toBe('channels[1].accessKeyId');
    const badTemplate = { ...FILE, templates: { verification: { ali: { signName: 'x' } } } };
    expect(errorOf(() => createChannels(parseChannelsConfig(badTemplate, { env: ENV }), { providers: [aliyun] })).path).toBe('templates.verification.ali.templateCode');
  });

  it('checks infocloud fields: required keys, unknown fields, template fields', () => {
    const base = { name: 'main', provider: 'infocloud', apiKey: 'k', accessKey: 's' };
    expect(errorOf(() => createChannels(parseChannelsConfig({ channels: [{ name: 'main', provider: 'infocloud', apiKey: 'k' }] }))).path).toBe('channels[0].accessKey');
    expect(errorOf(() => createChannels(parseChannelsConfig({ channels: [{ ...base, apiSecret: 'x' }] }))).path).toBe('channels[0].apiSecret');
    expect(errorOf(() => createChannels(parseChannelsConfig({ channels: [{ ...base, baseUrl: 'ftp://x' }] }))).path).toBe('channels[0]');
    expect(errorOf(() => createChannels(parseChannelsConfig({ channels: [base], templates: { otp: { main: { params: ['code'] } } } }))).path).toBe('templates.otp.main');
  });
});
