import { describe, expect, it } from 'vitest';
import { ChannelConfigError, createRouterFromConfig, SmsError, type ChannelProvider } from '../../src/index.js';
import { fakeChannel } from './fake-channel.js';

const ENV = { MAIN_KEY: 'key', MAIN_SECRET: 'secret' };

/** A provider of scripted channels, to see what createRouterFromConfig builds and closes. */
function fakeProvider(script: 'sent' | 'failover') {
  const closed: string[] = [];
  const provider: ChannelProvider = {
    provider: 'fake',
    create: ({ name, fields, path }) => {
      if (fields.account !== 'ok') throw new ChannelConfigError({ path: `${path}.account`, message: 'must be "ok".' });
      const channel = fakeChannel({ name, script: () => script });
      return { ...channel, close: async () => void closed.push(name) };
    },
  };
  return { provider, closed };
}

describe('createRouterFromConfig', () => {
  it('builds the channels in file order with their providers and routes the logical templates', async () => {
    const { provider } = fakeProvider('failover');
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = createRouterFromConfig(
      {
        channels: [{ name: 'main', provider: 'fake', account: 'ok' }, backup],
        templates: { verification: { main: { id: 1 }, backup: { id: 2 } } },
      },
      { providers: [provider], retry: false, breaker: false },
    );
    expect(router.channels.map((c) => c.name)).toEqual(['main', 'backup']);
    const result = await router.send({ template: 'verification', to: ['13800138000'], values: { code: '123456' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'backup', status: 'sent', passedOver: [{ channel: 'main', reason: 'failover' }] });
    expect(backup.handed()).toEqual(['13800138000']);
  });

  it('reads the file text with env values, infocloud built in', () => {
    const text = JSON.stringify({
      channels: [{ name: 'main', provider: 'infocloud', apiKey: { env: 'MAIN_KEY' }, accessKey: { env: 'MAIN_SECRET' }, baseUrl: 'http://127.0.0.1:9' }],
      templates: { verification: { main: { templateCode: '100001', params: ['code'] } } },
    });
    const router = createRouterFromConfig(text, { env: ENV });
    expect(router.channels.map((c) => [c.name, c.provider])).toEqual([['main', 'infocloud']]);
    return router.close();
  });

  it('names the path of a bad entry, never its secret, and closes the channels it built', () => {
    const { provider, closed } = fakeProvider('sent');
    const run = () =>
      createRouterFromConfig({ channels: [{ name: 'a', provider: 'fake', account: 'ok' }, { name: 'b', provider: 'fake', account: 'secret-value' }] }, { providers: [provider] });
    expect(run).toThrow(ChannelConfigError);
    expect(run).toThrow(/^channels\[1\]\.account: must be "ok"\.$/);
    expect(closed).toContain('a');
  });

  it('checks template entries of ready channels too, and leaves ready channels open on error', () => {
    const closed: string[] = [];
    const ready = fakeChannel({ name: 'ready', script: () => 'sent', check: () => ({ failure: 'failover', error: new SmsError({ code: 40004, message: 'templateCode is missing.' }) }) });
    const run = () => createRouterFromConfig({ channels: [{ ...ready, close: async () => void closed.push('ready') }], templates: { verification: { ready: {} } } });
    expect(run).toThrow(/^templates\.verification\.ready: templateCode is missing\.$/);
    expect(closed).toEqual([]);
  });

  it('refuses an unknown provider with the package to install', () => {
    expect(() => createRouterFromConfig({ channels: [{ name: 'ali', provider: 'aliyun' }] })).toThrow(/channels\[0\]\.provider: no provider "aliyun"/);
  });
});
