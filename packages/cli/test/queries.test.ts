import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';

const API_KEY = 'query-key';
const ACCESS_KEY = 'query-secret-不要外传';

let sandbox: Sandbox;
let running: RunningSandbox;

beforeEach(async () => {
  sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, balance: 500, deliveryDelayMs: 0, deliveryRules: [{ suffix: '99', state: 'UNDELIV' }] });
  running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await running.close();
  sandbox.close();
});

async function cli(argv: string[], env: Record<string, string> = { SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY, SMSKIT_BASE_URL: running.url }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => undefined, env };
  const code = await runCli(argv, io);
  return { code, out, err };
}

async function sendTwo(): Promise<string> {
  const sent = await cli(['send', '--template', '100003', '--to', '13800138000,13800138099', '--bid', 'ops-1', '--json']);
  expect(sent.code).toBe(0);
  await sandbox.deliverNow();
  return (JSON.parse(sent.out) as { msgIds: string[] }).msgIds[0] as string;
}

describe('smskit receipts, balance and stats: the query endpoints from the shell', () => {
  it('receipts pulls what the sandbox delivered, once, by bid', async () => {
    const msgId = await sendTwo();
    const first = await cli(['receipts', '--bid', 'ops-1']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`13800138000  DELIVRD  msgId ${msgId}  at \\d{10}  bid ops-1`));
    expect(first.out).toMatch(/13800138099 {2}UNDELIV/);
    expect(first.out.trim().split('\n').at(-1)).toBe('2 receipts: 1 delivered, 1 not');
    // The platform hands each receipt out once: the second pull is empty, as the help warns.
    const again = await cli(['receipts', '--bid', 'ops-1', '--json']);
    expect(JSON.parse(again.out)).toEqual([]);
  });

  it('receipts --msg-id --json gives the receipts of that send as JSON', async () => {
    const msgId = await sendTwo();
    const { code, out } = await cli(['receipts', '--msg-id', msgId, '--json']);
    expect(code).toBe(0);
    const receipts = JSON.parse(out) as { tel: string; status: string; msgId: string }[];
    expect(receipts.map((r) => [r.tel, r.status, r.msgId]).sort()).toEqual([
      ['13800138000', 'DELIVRD', msgId],
      ['13800138099', 'UNDELIV', msgId],
    ]);
  });

  it('balance shows each balance, less what was sent', async () => {
    await sendTwo();
    const text = await cli(['balance']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('行业短信  498\n');
    expect(text.out).toContain('推广短信  500\n');
  });

  it('balance --json', async () => {
    const { code, out } = await cli(['balance', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(expect.arrayContaining([{ itemName: '会员短信', residueValue: 500 }]));
  });

  it('stats counts today’s sends by default', async () => {
    await sendTwo();
    const { code, out } = await cli(['stats', '--json']);
    expect(code).toBe(0);
    const page = JSON.parse(out) as { days: { totalCount: number; successCount: number; failCount: number }[]; totalSize: number };
    expect(page.days).toHaveLength(1);
    expect(page.days[0]).toMatchObject({ totalCount: 2, successCount: 1, failCount: 1 });
    const text = await cli(['stats']);
    expect(text.out).toMatch(/^\d{4}-\d{2}-\d{2}\s+2\s+1\s+1\s+0$/m);
  });

  it.each([
    ['stats with a day that is not one', ['stats', '--start', '2026-13-01'], /startDate must be a real day/],
    ['stats with a malformed day', ['stats', '--start', 'yesterday'], /--start takes a day written yyyy-MM-dd/],
    ['stats with the days the wrong way round', ['stats', '--start', '2026-06-02', '--end', '2026-06-01'], /startDate 2026-06-02 is after endDate 2026-06-01/],
    ['receipts with a bid over 64 characters', ['receipts', '--bid', 'x'.repeat(65)], /40004/],
  ])('%s: one line, exit 2', async (_name, argv, message) => {
    const { code, out, err } = await cli(argv);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('a wrong accessKey is the platform’s 2001, on one line, without the key', async () => {
    const { code, err } = await cli(['balance'], { SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: 'wrong-secret', SMSKIT_BASE_URL: running.url });
    expect(code).toBe(2);
    expect(err).toMatch(/^smskit: 20\d\d /);
    expect(err).not.toContain('wrong-secret');
  });

  it('without credentials it says which are missing', async () => {
    const { code, err } = await cli(['receipts'], {});
    expect(code).toBe(2);
    expect(err).toBe('smskit: receipts needs SMSKIT_API_KEY and SMSKIT_ACCESS_KEY in the environment\n');
  });
});
