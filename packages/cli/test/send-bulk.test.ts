import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgram, runCli, type CliIo } from '../src/index.js';

const API_KEY = 'bulk-key';
const ACCESS_KEY = 'bulk-secret';

const numbers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `139${String(from + i).padStart(8, '0')}`);

let dir = '';
let sandbox: Sandbox | undefined;
let running: RunningSandbox | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smskit-bulk-'));
});
afterEach(async () => {
  await running?.close();
  sandbox?.close();
  running = undefined;
  sandbox = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** The balance `smskit sandbox` starts with when no --balance is given, read from the command itself. */
function cliDefaultBalance(): number {
  const command = createProgram().commands.find((c) => c.name() === 'sandbox');
  return command?.getOptionValue('balance') as number;
}

async function startSandbox(balance: number): Promise<string> {
  sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, balance, deliveryDelayMs: 0 });
  running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  return running.url;
}

/** Runs the CLI in-process, stdout and stderr apart; `terminal` stands in for a TTY stderr. */
async function cli(argv: string[], options: { url: string; stdin?: string; terminal?: NodeJS.WritableStream }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => options.stdin,
    env: { SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY, SMSKIT_BASE_URL: options.url },
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

async function messageCount(): Promise<number> {
  return (await sandbox?.messages({ apiKey: API_KEY, limit: 1_000_000 }))?.length ?? 0;
}

describe('smskit send --to-file: many numbers without the shell in the way', () => {
  it('sends 20,000 numbers from a file against the sandbox as `smskit sandbox` starts it, with progress lines and a summary', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const file = join(dir, 'numbers.txt');
    await writeFile(file, `phone\n# this week's list\n${numbers(20_000).join('\n')}\n\n`);
    const { code, out, err } = await cli(['send', '--template', '100003', '--to-file', file], { url });
    expect({ code, err: err.split('\n').filter((line) => !line.startsWith('smskit: progress')) }).toEqual({ code: 0, err: [''] });
    expect(out).toContain('summary: 20000 numbers in 20 requests: sent 20000, failed 0, unknown 0');
    expect(out.trim().split('\n').at(-1)).toBe('sent');
    // Not a terminal: one plain line per 5% (here per request), ending at the whole send.
    const progress = err.trim().split('\n');
    expect(progress).toHaveLength(20);
    expect(progress.at(-1)).toMatch(/^smskit: progress 20000\/20000 numbers \(100%\), request 20\/20: sent 20000, failed 0, unknown 0$/);
    expect(await messageCount()).toBe(20_000);
  });

  it('the same send against the library’s default balance of 10,000 ends partial on 40002: the reason the command starts higher', async () => {
    expect(cliDefaultBalance()).toBeGreaterThanOrEqual(2_000_000);
    sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, deliveryDelayMs: 0 });
    running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
    const file = join(dir, 'numbers.txt');
    await writeFile(file, numbers(20_000).join('\n'));
    const { code, out } = await cli(['send', '--template', '100003', '--to-file', file, '--no-progress'], { url: running.url });
    expect(code).toBe(1);
    expect(out).toContain('40002');
    expect(out.trim().split('\n').at(-1)).toBe('partial');
  });

  it('--to-file - reads the numbers from standard input', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const { code, out } = await cli(['send', '--template', '100003', '--to-file', '-', '--json', '--no-progress'], { url, stdin: numbers(1500).join('\r\n') });
    expect(code).toBe(0);
    const result = JSON.parse(out) as { status: string; chunks: { phones: string[] }[] };
    expect(result.status).toBe('sent');
    expect(result.chunks.flatMap((c) => c.phones)).toEqual(numbers(1500));
  });

  it('a CSV fills the template’s values per number, through sendBatch', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const file = join(dir, 'orders.csv');
    await writeFile(file, '手机号,姓名,订单,日期\n13800138000,张三,"A-1,2",6月1日\n+86 139 0013 9000,李四,B-7,明天\n');
    const { code, err } = await cli(['send', '--template', '100002', '--to-file', file], { url });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const texts = (await sandbox?.messages({ apiKey: API_KEY, limit: 10 }))?.map((m) => [m.phone, m.text]);
    expect(texts).toEqual(
      expect.arrayContaining([
        ['13800138000', expect.stringContaining('尊敬的张三，您的订单A-1,2已发货，预计6月1日送达') as string],
        ['13900139000', expect.stringContaining('尊敬的李四，您的订单B-7已发货，预计明天送达') as string],
      ]),
    );
  });

  it('--failed-to writes the numbers not sent, in the input’s form, ready for --to-file; --json lists them too', async () => {
    const url = await startSandbox(cliDefaultBalance());
    sandbox?.setFaults({ fail: 1, failCode: 60005, path: '/message/sendBatch' });
    const file = join(dir, 'codes.csv');
    const failedFile = join(dir, 'failed.csv');
    await writeFile(file, `phone,code\n${numbers(2500).map((phone, i) => `${phone},${String(i).padStart(6, '0')}`).join('\n')}\n`);
    const { code, out, err } = await cli(['send', '--template', '100001', '--to-file', file, '--failed-to', failedFile, '--json', '--no-progress'], { url });
    expect(code).toBe(1);
    const result = JSON.parse(out) as { status: string; failedPhones: string[]; unknownPhones: string[] };
    expect(result.status).toBe('partial');
    expect(result.failedPhones).toHaveLength(1000);
    expect(err).toContain(`1000 numbers not sent written to ${failedFile}`);
    const [header, ...rows] = (await readFile(failedFile, 'utf8')).trim().split('\n');
    expect(header).toBe('phone,code');
    expect(rows.map((row) => row.split(',')[0])).toEqual(result.failedPhones);
    // Each row keeps its own value: resending the file sends what the first try would have.
    expect(rows.every((row) => { const [phone = '', value = ''] = row.split(','); return numbers(2500).indexOf(phone) === Number(value); })).toBe(true);
  });

  it('draws a cli-progress bar when standard error is a terminal', async () => {
    const url = await startSandbox(cliDefaultBalance());
    let drawn = '';
    const terminal = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          drawn += chunk.toString('utf8');
          done();
        },
      }),
      { isTTY: true, columns: 160 },
    );
    const { code, err } = await cli(['send', '--template', '100003', '--to', numbers(2000).join(',')], { url, terminal });
    expect(code).toBe(0);
    expect(err).toContain('--to-file'); // the many-numbers note, not progress lines
    expect(err).not.toContain('smskit: progress');
    expect(drawn).toMatch(/sending \[[█░]+\] 100% \| 2000\/2000 numbers \| sent 2000, failed 0, unknown 0/);
  });
});

describe('smskit send: who to send to, said plainly', () => {
  it('a huge --to still works, and says --to-file is the way before the shell refuses', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const { code, err } = await cli(['send', '--template', '100003', '--to', numbers(1200).join(','), '--no-progress'], { url });
    expect(code).toBe(0);
    expect(err).toMatch(/note: 1200 numbers in --to; for many numbers use --to-file FILE .*--to-file - .*Argument list too long.*npx.*249/);
  });

  it.each([
    ['neither --to nor --to-file', ['send', '--template', '1'], /no numbers: pass --to NUMBERS or --to-file FILE/],
    ['both --to and --to-file', ['send', '--template', '1', '--to', '13800138000', '--to-file', 'x.txt'], /--to or with --to-file, not both/],
    ['a file that is not there', ['send', '--template', '1', '--to-file', '/nonexistent/numbers.txt'], /cannot read --to-file \/nonexistent\/numbers.txt: ENOENT/],
    ['stdin that is a terminal', ['send', '--template', '1', '--to-file', '-'], /standard input, but it is a terminal/],
  ])('%s: one line, exit 2, nothing sent', async (_name, argv, message) => {
    const url = await startSandbox(cliDefaultBalance());
    const { code, out, err } = await cli(argv, { url });
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(await messageCount()).toBe(0);
  });

  it('a CSV row with a column too few is named by its line, and nothing is sent', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'phone,code\n13800138000,111111\n13900139000\n');
    const { code, err } = await cli(['send', '--template', '100001', '--to-file', file], { url });
    expect(code).toBe(2);
    expect(err).toMatch(/is not a readable CSV: .*line 3/);
    expect(await messageCount()).toBe(0);
  });

  it('a CSV with --param is refused: the columns give the values', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const file = join(dir, 'codes.csv');
    await writeFile(file, '13800138000,111111\n');
    const { code, err } = await cli(['send', '--template', '100001', '--to-file', file, '--param', '1'], { url });
    expect(code).toBe(2);
    expect(err).toContain('drop --param');
  });
});

describe('the real executable, as a shell runs it', () => {
  it('takes 20,000 numbers piped to --to-file -, prints progress lines on stderr (not a terminal) and the summary', async () => {
    const url = await startSandbox(cliDefaultBalance());
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const child = spawn(tsx, [bin, 'send', '--template', '100003', '--to-file', '-'], {
      env: { ...process.env, SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY, SMSKIT_BASE_URL: url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdin.end(numbers(20_000).join('\n'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, last: out.trim().split('\n').at(-1) }).toEqual({ code: 0, last: 'sent' });
    expect(out).toContain('summary: 20000 numbers in 20 requests: sent 20000, failed 0, unknown 0');
    expect(err).toContain('smskit: progress 20000/20000 numbers (100%)');
    expect(await messageCount()).toBe(20_000);
  }, 60_000);
});
