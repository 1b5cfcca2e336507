import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelRouter, SmsError } from '../../src/index.js';
import { fakeChannel, FAST, templateFor } from './fake-channel.js';

const A = '13800138000';
const B = '13900139000';
const C = '15000150000';
const ABROAD = '+447700900123';

describe('per number: only the numbers refused for a fail-over reason go to the backup', () => {
  it('sends A and C through the primary and only B through the backup', async () => {
    const primary = fakeChannel({ name: 'primary', script: ({ number }) => (number === B ? 'failover' : 'sent') });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, B, C], values: { code: '1' } });
    expect(result.numbers.map((n) => [n.number, n.channel])).toEqual([[A, 'primary'], [B, 'backup'], [C, 'primary']]);
    expect(backup.handed()).toEqual([B]);
    expect(result.numbers[1]?.passedOver).toMatchObject([{ channel: 'primary', reason: 'failover', code: 'E_failover' }]);
    expect(result.status).toBe('sent');
  });

  it('retries only the numbers refused before the write, on the same channel', async () => {
    const primary = fakeChannel({ name: 'primary', script: ({ number, attempt }) => (number === B && attempt === 0 ? 'retry' : 'sent') });
    const router = new ChannelRouter({ channels: [primary], templates: templateFor('primary'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, B], values: {} });
    expect(primary.calls.map((call) => call.numbers)).toEqual([[A, B], [B]]);
    // the retry carries the same idempotency key: nothing of that request was taken
    expect(primary.calls[1]?.key).toBe(primary.calls[0]?.key);
    expect(result.status).toBe('sent');
  });

  it('keeps a number stopped on the primary away from the backup while the others fail over', async () => {
    const primary = fakeChannel({ name: 'primary', script: ({ number }) => (number === A ? 'stop' : 'failover') });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, B], values: {} });
    expect(backup.handed()).toEqual([B]);
    expect(result.numbers[0]).toMatchObject({ status: 'failed', failure: 'stop', channel: 'primary' });
    expect(result.status).toBe('partial');
  });
});

describe('capabilities', () => {
  it('never hands an international number to a mainland-only channel', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'sent' });
    const world = fakeChannel({ name: 'world', script: () => 'sent', capabilities: { numbers: 'international' } });
    const router = new ChannelRouter({ channels: [primary, world], templates: templateFor('primary', 'world'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, '+44 7700 900123'], values: {} });
    expect(primary.handed()).toEqual([A]);
    expect(world.handed()).toEqual([ABROAD]);
    expect(result.numbers[1]).toMatchObject({ channel: 'world', passedOver: [{ channel: 'primary', reason: 'capability' }] });
  });

  it('fails a number no channel can serve, saying so, and sends the rest', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary], templates: templateFor('primary'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, ABROAD], values: {} });
    expect(result.numbers[1]).toMatchObject({ number: ABROAD, status: 'failed', failure: 'stop' });
    expect(result.numbers[1]?.error?.message).toMatch(/No channel can send to international numbers/);
    expect(result.status).toBe('partial');
  });

  it('splits requests at the channel’s maximum and never mixes mainland and international numbers', async () => {
    const world = fakeChannel({ name: 'world', script: () => 'sent', capabilities: { numbers: 'international', maxNumbersPerSend: 2 } });
    const router = new ChannelRouter({ channels: [world], templates: templateFor('world'), ...FAST });
    await router.send({ template: 'verification', to: [A, B, C, ABROAD], values: {} });
    expect(world.calls.map((call) => call.numbers)).toEqual([[A, B], [C], [ABROAD]]);
    expect(new Set(world.calls.map((call) => call.key)).size).toBe(3);
  });
});

describe('templates', () => {
  it('passes over a channel the logical template has no entry for', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'sent' });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('backup'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A], values: {} });
    expect(primary.calls).toHaveLength(0);
    expect(result.numbers[0]).toMatchObject({ channel: 'backup', passedOver: [{ channel: 'primary', reason: 'template' }] });
  });

  it('stops, sending nothing anywhere, when the values fail a channel’s local check with stop', async () => {
    const error = new SmsError({ code: 60004, message: 'too long' });
    const primary = fakeChannel({ name: 'primary', script: () => 'sent', check: ({ values }) => (values?.code && values.code.length > 6 ? { failure: 'stop', error } : undefined) });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A], values: { code: '1234567' } });
    expect(primary.calls.length + backup.calls.length).toBe(0);
    expect(result.numbers[0]).toMatchObject({ status: 'failed', failure: 'stop', error });
  });

  it('refuses an unknown logical template with 40004 before sending', async () => {
    const router = new ChannelRouter({ channels: [fakeChannel({ name: 'p', script: () => 'sent' })], templates: templateFor('p'), ...FAST });
    await expect(router.send({ template: 'nope', to: [A] })).rejects.toMatchObject({ code: 40004 });
  });
});

describe('numbers', () => {
  it('sends a repeated number once and reports inputs that are no number, each accounted for', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary], templates: templateFor('primary'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A, '+86 138-0013-8000', 'hello', B], values: {} });
    expect(primary.handed()).toEqual([A, B]);
    expect(result).toMatchObject({ duplicates: 1, invalid: [{ input: 'hello', index: 2 }], status: 'partial' });
  });

  it('sends different values per number through sendBatch', async () => {
    const primary = fakeChannel({ name: 'primary', script: ({ number }) => (number === B ? 'failover' : 'sent') });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    const result = await router.sendBatch({ template: 'verification', messages: [{ to: A, values: { code: '1' } }, { to: B, values: { code: '2' } }] });
    expect(primary.calls[0]?.batch).toBe(true);
    expect(backup.calls).toMatchObject([{ numbers: [B], batch: true }]);
    expect(result.numbers.map((n) => n.channel)).toEqual(['primary', 'backup']);
  });

  it('uses the caller’s idempotency key as the stem of every request’s key', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary], templates: templateFor('primary'), ...FAST });
    const result = await router.send({ template: 'verification', to: [A], values: {}, idempotencyKey: 'job-42' });
    expect(primary.calls[0]?.key).toMatch(/^job-42-/);
    expect(result.numbers[0]?.idempotencyKey).toBe(primary.calls[0]?.key);
    await expect(router.send({ template: 'verification', to: [A], idempotencyKey: 'bad key!' })).rejects.toMatchObject({ code: 40004 });
  });
});

describe('weights', () => {
  it('draws the first channel of a tier by weight and keeps the other as its backup', async () => {
    const a = fakeChannel({ name: 'a', script: () => 'failover' });
    const b = fakeChannel({ name: 'b', script: () => 'sent' });
    let draw = 0.9; // 0.9 × (1 + 3) = 3.6: past a's weight 1, inside b's
    const router = new ChannelRouter({ channels: [{ channel: a, priority: 0, weight: 1 }, { channel: b, priority: 0, weight: 3 }], templates: templateFor('a', 'b'), random: () => draw, ...FAST });
    await router.send({ template: 'verification', to: [A], values: {} });
    expect([a.calls.length, b.calls.length]).toEqual([0, 1]);
    draw = 0.1; // inside a's weight: a first, b its backup
    const result = await router.send({ template: 'verification', to: [B], values: {} });
    expect(result.numbers[0]).toMatchObject({ channel: 'b', passedOver: [{ channel: 'a', reason: 'failover' }] });
  });
});

describe('circuit breaker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('skips a channel that keeps failing for the cool-down, then probes it back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let primaryUp = false;
    const primary = fakeChannel({ name: 'primary', script: () => (primaryUp ? 'sent' : 'failover') });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), retry: false, breaker: { failures: 2, cooldownMs: 10_000 } });
    const send = () => router.send({ template: 'verification', to: [A], values: {} });
    await send();
    await send();
    expect(await router.breakerState('primary')).toBe('open');
    const skipped = await send();
    expect(primary.calls).toHaveLength(2);
    expect(skipped.numbers[0]).toMatchObject({ channel: 'backup', passedOver: [{ channel: 'primary', reason: 'breaker-open' }] });

    primaryUp = true;
    vi.setSystemTime(Date.now() + 10_001);
    const probed = await send();
    expect(primary.calls).toHaveLength(3);
    expect(probed.numbers[0]?.channel).toBe('primary');
    expect(await router.breakerState('primary')).toBe('closed');
  });

  it('does not count a stop (the request’s fault) against the channel', async () => {
    const primary = fakeChannel({ name: 'primary', script: () => 'stop' });
    const router = new ChannelRouter({ channels: [primary], templates: templateFor('primary'), retry: false, breaker: { failures: 1 } });
    await router.send({ template: 'verification', to: [A], values: {} });
    await router.send({ template: 'verification', to: [B], values: {} });
    expect(primary.calls).toHaveLength(2);
    expect(await router.breakerState('primary')).toBe('closed');
  });
});

describe('construction', () => {
  it('refuses no channels, two channels of one name and a bad weight', () => {
    const p = fakeChannel({ name: 'p', script: () => 'sent' });
    expect(() => new ChannelRouter({ channels: [], templates: [] })).toThrow(SmsError);
    expect(() => new ChannelRouter({ channels: [p, p], templates: [] })).toThrow(/Two channels are named "p"/);
    expect(() => new ChannelRouter({ channels: [{ channel: p, weight: 0 }], templates: [] })).toThrow(/weight/);
  });
});
