/*
 * The router over every failure class at every position: what the primary does with a number,
 * what the backup does, and where the number ends up.
 */
import { describe, expect, it } from 'vitest';
import { ChannelRouter } from '../../src/index.js';
import { fakeChannel, FAST, templateFor, type Behaviour } from './fake-channel.js';

const NUMBER = '13800138000';

// How a channel behaves over its attempts for one number.
const BEHAVIOURS: Record<string, (attempt: number) => Behaviour> = {
  sent: () => 'sent',
  'retry, then sent': (attempt) => (attempt === 0 ? 'retry' : 'sent'),
  'retry every time': () => 'retry',
  failover: () => 'failover',
  stop: () => 'stop',
  unknown: () => 'unknown',
  throws: () => 'throw',
};

interface Expectation {
  status: 'sent' | 'failed' | 'unknown';
  /** the channel the result names, if any */
  channel?: 'primary' | 'backup';
  failure?: 'stop' | 'unknown' | 'failover';
  /** how many times each channel was handed the number */
  primaryCalls: number;
  backupCalls: number;
  /** why the primary was passed over, when it was */
  passedOver?: 'failover' | 'retry-exhausted';
}

// When the primary settles the number, the backup is never asked.
const PRIMARY_SETTLES: Record<string, Omit<Expectation, 'backupCalls'>> = {
  sent: { status: 'sent', channel: 'primary', primaryCalls: 1 },
  'retry, then sent': { status: 'sent', channel: 'primary', primaryCalls: 2 },
  stop: { status: 'failed', channel: 'primary', failure: 'stop', primaryCalls: 1 },
  unknown: { status: 'unknown', channel: 'primary', failure: 'unknown', primaryCalls: 1 },
  throws: { status: 'unknown', channel: 'primary', failure: 'unknown', primaryCalls: 1 },
};
// When the primary passes the number on, the backup decides (retries = 2: three attempts).
const PRIMARY_PASSES: Record<string, { primaryCalls: number; passedOver: 'failover' | 'retry-exhausted' }> = {
  failover: { primaryCalls: 1, passedOver: 'failover' },
  'retry every time': { primaryCalls: 3, passedOver: 'retry-exhausted' },
};
const BACKUP_ENDS: Record<string, { status: Expectation['status']; channel?: 'backup'; failure?: Expectation['failure']; backupCalls: number }> = {
  sent: { status: 'sent', channel: 'backup', backupCalls: 1 },
  'retry, then sent': { status: 'sent', channel: 'backup', backupCalls: 2 },
  'retry every time': { status: 'failed', failure: 'failover', backupCalls: 3 },
  failover: { status: 'failed', failure: 'failover', backupCalls: 1 },
  stop: { status: 'failed', channel: 'backup', failure: 'stop', backupCalls: 1 },
  unknown: { status: 'unknown', channel: 'backup', failure: 'unknown', backupCalls: 1 },
  throws: { status: 'unknown', channel: 'backup', failure: 'unknown', backupCalls: 1 },
};

function expectationFor(primary: string, backup: string): Expectation {
  const settles = PRIMARY_SETTLES[primary];
  if (settles) return { ...settles, backupCalls: 0 };
  const passes = PRIMARY_PASSES[primary];
  const ends = BACKUP_ENDS[backup];
  if (!passes || !ends) throw new Error(`no expectation for ${primary} × ${backup}`);
  return { ...ends, ...passes };
}

const cases = Object.keys(BEHAVIOURS).flatMap((primary) => Object.keys(BEHAVIOURS).map((backup) => [primary, backup] as const));

describe('router: class × position × outcome', () => {
  it.each(cases)('primary %s, backup %s', async (primaryBehaviour, backupBehaviour) => {
    const primary = fakeChannel({ name: 'primary', script: ({ attempt }) => BEHAVIOURS[primaryBehaviour]!(attempt) });
    const backup = fakeChannel({ name: 'backup', script: ({ attempt }) => BEHAVIOURS[backupBehaviour]!(attempt) });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    const expected = expectationFor(primaryBehaviour, backupBehaviour);

    const result = await router.send({ template: 'verification', to: [NUMBER], values: { code: '123456' } });

    expect(result.numbers).toHaveLength(1);
    const [routed] = result.numbers;
    expect(routed?.status).toBe(expected.status);
    expect(routed?.channel).toBe(expected.channel);
    expect(routed?.failure).toBe(expected.failure);
    expect(primary.handed()).toHaveLength(expected.primaryCalls);
    expect(backup.handed()).toHaveLength(expected.backupCalls);
    expect(routed?.passedOver.map((p) => `${p.channel}:${p.reason}`)).toEqual([
      ...(expected.passedOver ? [`primary:${expected.passedOver}`] : []),
      ...(expected.status === 'failed' && expected.failure === 'failover' ? [`backup:${backupBehaviour === 'failover' ? 'failover' : 'retry-exhausted'}`] : []),
    ]);
    expect(result.status).toBe(expected.status === 'sent' ? 'sent' : expected.status === 'unknown' ? 'unknown' : 'failed');
  });
});
