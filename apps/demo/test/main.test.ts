import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const DEMO = join(import.meta.dirname, '..');
const TSX = join(DEMO, 'node_modules', '.bin', 'tsx');

interface Started {
  child: ChildProcess;
  output: () => string;
  urls: { app: string; inbox: string; sandbox: string };
  exited: Promise<number | null>;
}

let children: ChildProcess[] = [];
afterEach(async () => {
  // SIGTERM, not SIGKILL: tsx passes it on to the node process it started, which SIGKILL would orphan
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
  children = [];
});

/** `src/main.ts` as `pnpm start` runs it (through tsx), on free ports; resolves once it printed its URLs. */
async function startMain(): Promise<Started> {
  const child = spawn(TSX, ['src/main.ts'], { cwd: DEMO, env: { ...process.env, PORT: '0', SANDBOX_PORT: '0', BACKUP_SANDBOX_PORT: '0', REDIS_URL: '', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = () => (/Ctrl\+C stops both/.test(output) ? resolve() : undefined);
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`the demo exited (${code}) before starting:\n${output}`)));
  });
  const url = (label: string) => new RegExp(`^  ${label} +(http://127\\.0\\.0\\.1:\\d+\\S*)`, 'm').exec(output)?.[1] ?? '';
  return { child, output: () => output, urls: { app: url('app'), inbox: url('inbox'), sandbox: url('sandbox') }, exited };
}

async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('pnpm start (src/main.ts)', () => {
  it('starts the sandbox and the app, prints both URLs and the inbox, serves the sign-up, never logs the code, stops on SIGTERM', async () => {
    const demo = await startMain();
    expect(demo.urls.app).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.urls.inbox).toBe(`${demo.urls.sandbox}/_sandbox/inbox`);
    expect(demo.output()).toContain('state in memory');

    const page = await fetch(demo.urls.app);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Sign up with your phone number');
    expect((await fetch(demo.urls.inbox)).status).toBe(200);

    const phone = '13800138000';
    expect(await postJson(`${demo.urls.app}/api/code`, { phone, human: 'demo-not-a-robot' })).toMatchObject({ status: 200, json: { ok: true } });
    const messages = (await (await fetch(`${demo.urls.sandbox}/_sandbox/messages?phone=${phone}`)).json()) as { data: { text: string }[] };
    const code = /\d{6}/.exec(messages.data[0]?.text ?? '')?.[0] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const again = await postJson(`${demo.urls.app}/api/code`, { phone, human: 'demo-not-a-robot' });
    expect(again).toMatchObject({ status: 429, json: { ok: false, limit: 'phone-scene' } });
    expect(await postJson(`${demo.urls.app}/api/verify`, { phone, code })).toMatchObject({ status: 200, json: { ok: true } });

    demo.child.kill('SIGTERM');
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toContain('SIGTERM, stopping');
    expect(demo.output()).toContain('code for 138****8000: sent');
    expect(demo.output()).not.toContain(code);
    await expect(fetch(demo.urls.app)).rejects.toThrow();
    await expect(fetch(demo.urls.sandbox)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT (Ctrl+C)', async () => {
    const demo = await startMain();
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toContain('SIGINT, stopping');
  });

  it('says which port is taken instead of a stack trace', async () => {
    const first = await startMain();
    const port = new URL(first.urls.sandbox).port;
    const child = spawn(TSX, ['src/main.ts'], { cwd: DEMO, env: { ...process.env, PORT: '0', SANDBOX_PORT: port, BACKUP_SANDBOX_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(`smskit demo: could not start: port ${port} is taken; set PORT (app), SANDBOX_PORT or BACKUP_SANDBOX_PORT (sandboxes) to another one, e.g. PORT=3001 pnpm start`);
  });
});
