import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmsClient } from '@smskit/core';
import { CHROMIUM_PATH, chromiumAvailable } from '@smskit/test-support';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxOptions } from '../src/index.js';

// The inbox page in a real browser: Debian's chromium driven by playwright-core (Playwright's
// own browser download cannot work here). Screenshots go to test-results/ (gitignored).
const SHOTS = join(import.meta.dirname, '..', 'test-results');
const ACCOUNT = { apiKey: 'inbox-api-key', accessKey: 'inbox-access-key' };
// without a browser these tests are skipped with a line saying how to get one (failed in CI)
const hasChromium = chromiumAvailable('@smskit/sandbox inbox page');

let profile: string;
let browser: BrowserContext;
let page: Page;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'smskit-inbox-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

afterEach(async () => {
  await page?.close();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function start(options: SandboxOptions = {}) {
  const sandbox = createSandbox({ ...ACCOUNT, rateLimits: false, deliveryDelayMs: 600_000, ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const client = new SmsClient({ ...ACCOUNT, baseUrl: server.url, retry: false, pacing: false });
  closers.push(async () => {
    await client.close();
    await server.close();
  });
  page = await browser.newPage();
  return { sandbox, client, inbox: `${server.url}/_sandbox/inbox` };
}

/** The message cards as the page shows them. */
function cards() {
  return page.locator('#messages > li');
}

/** Waits until the page shows `text` somewhere under `selector`. */
async function shows(selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor();
}

// a page load and a few polls per test: more than the 5 s default on a loaded machine
describe.runIf(hasChromium)('the sandbox inbox page', { timeout: 30_000 }, () => {
  it('shows what each number received — text, parts, state, receipt — and updates live', async () => {
    const { client, inbox } = await start();
    await page.goto(inbox);
    await shows('#no-messages', 'No messages yet');
    expect(await page.locator('.note').textContent()).toContain('State lives in memory');

    await client.send({ phones: ['13800138000'], templateCode: '100001', params: ['246810'] });
    await client.send({ phones: ['13900139000'], templateCode: '100002', params: ['一位名字很长的尊敬的客户先生女士们', 'SO-2026-000000000000000000000001', '2026-12-31'] });

    // no reload: the page polls
    await shows('#messages > li', '13900139000');
    expect(await cards().count()).toBe(2);
    const code = cards().filter({ hasText: '13800138000' });
    expect(await code.locator('.text').textContent()).toBe('【smskit】您的验证码是246810，5分钟内有效。请勿泄露给他人。');
    expect(await code.locator('.badge').textContent()).toBe('PENDING');
    expect(await code.locator('.meta').textContent()).toMatch(/1 part.*template 100001.*waiting for its receipt/);
    expect(await cards().filter({ hasText: '13900139000' }).locator('.meta').textContent()).toContain('2 parts');
    await page.screenshot({ path: join(SHOTS, 'inbox-pending.png'), fullPage: true });

    await page.getByRole('button', { name: 'Deliver pending now' }).click();
    await shows('#messages > li .badge', 'DELIVRD');
    await page.locator('#messages .badge', { hasText: 'PENDING' }).first().waitFor({ state: 'detached' });
    expect(await code.locator('.meta').textContent()).toMatch(/receipt DELIVRD at \d\d:\d\d:\d\d/);
    await page.screenshot({ path: join(SHOTS, 'inbox-delivered.png'), fullPage: true });
  });

  it('labels every message with the channel the sandbox plays, and the platform API when it plays none', async () => {
    const { client, inbox } = await start({ channelName: 'backup' });
    await client.send({ phones: ['13800138000'], templateCode: '100001', params: ['135790'] });
    await page.goto(inbox);
    await shows('#messages > li', '13800138000');
    expect(await cards().first().locator('.channel').textContent()).toBe('via backup');
    expect(await page.locator('h1').textContent()).toContain('channel backup');
    await page.screenshot({ path: join(SHOTS, 'inbox-channel.png'), fullPage: true });
    await page.close();

    const plain = await start();
    await plain.client.send({ phones: ['13900139000'], templateCode: '100001', params: ['135790'] });
    await page.goto(plain.inbox);
    await shows('#messages > li', '13900139000');
    expect(await cards().first().locator('.channel').textContent()).toBe('via infocloud');
    expect(await page.locator('#channel').textContent()).toBe('');
  });

  it('filters by number, from the box, the number list and the address', async () => {
    const { client, inbox } = await start();
    await client.send({ phones: ['13800138001', '13800138002', '13900139003'], templateCode: '100003', params: [] });
    await page.goto(inbox);
    await shows('#numbers', '13900139003');
    expect(await cards().count()).toBe(3);

    await page.locator('#phone').fill('139');
    await expect.poll(() => page.locator('#messages > li').count()).toBe(1);
    expect(await cards().first().locator('.phone').textContent()).toBe('13900139003');
    expect(await page.locator('#message-count').textContent()).toBe('1 of 3');

    await page.getByRole('link', { name: '13800138002' }).click();
    await expect.poll(() => page.locator('#messages > li .phone').first().textContent()).toBe('13800138002');
    expect(await cards().count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('phone')).toBe('13800138002');

    await page.goto(`${inbox}?phone=13800138001`);
    await shows('#messages > li', '13800138001');
    expect(await cards().count()).toBe(1);
    expect(await page.locator('#phone').inputValue()).toBe('13800138001');

    await page.getByRole('button', { name: 'All' }).click();
    await expect.poll(() => page.locator('#messages > li').count()).toBe(3);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Forget everything' }).click();
    await shows('#no-messages', 'No messages yet');
    expect(await cards().count()).toBe(0);
  });

  it('shows receipt and reply pushes with their outcomes', async () => {
    const receiver = await listen((url, respond) => respond(url.endsWith('/receipts') ? 200 : 500));
    const { sandbox, client, inbox } = await start({ deliveryDelayMs: 0, pushUrl: `${receiver.url}/receipts`, replyPushUrl: `${receiver.url}/replies` });
    await client.send({ phones: ['13700137000'], templateCode: '100003', params: [] });
    await sandbox.injectReply({ tel: '13700137000', content: '退订' });
    await sandbox.pushesIdle();
    await page.goto(inbox);
    await shows('#pushes li', 'replies');
    const receipts = page.locator('#pushes li', { hasText: 'receipts' });
    expect(await receipts.locator('.badge').textContent()).toBe('ok');
    expect(await receipts.textContent()).toContain('1 item · HTTP 200');
    const replies = page.locator('#pushes li', { hasText: 'replies' });
    expect(await replies.locator('.badge').textContent()).toBe('failed');
    expect(await replies.textContent()).toContain('HTTP 500');
    expect(await page.locator('#replies li .text').textContent()).toBe('退订');
    expect(await page.locator('#push-target').textContent()).toBe(`Receipts go to ${receiver.url}/receipts; replies to ${receiver.url}/replies.`);
    await page.screenshot({ path: join(SHOTS, 'inbox-pushes.png'), fullPage: true });
  });

  it('shows markup in messages and replies as text, never running it', async () => {
    const { sandbox, client, inbox } = await start();
    const attack = '<img src=x onerror=__xss=1>'; // a template value holds 32 characters at most
    await client.send({ phones: ['13600136000'], templateCode: '100002', params: ['<b>bold</b>', attack, '<i>x</i>'] });
    await sandbox.injectReply({ tel: '13600136000', content: '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">' });
    await page.goto(inbox);
    await shows('#replies li', 'script');
    expect(await cards().first().locator('.text').textContent()).toContain(`您的订单${attack}已发货`);
    expect(await page.locator('#replies li .text').textContent()).toBe('<script>window.__xss=2</script><img src=x onerror="window.__xss=3">');
    expect(await page.locator('main img, main b, main i, main script').count()).toBe(0);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    await page.screenshot({ path: join(SHOTS, 'inbox-markup.png'), fullPage: true });
  });

  it('serves the page with a content security policy that allows no inline script', async () => {
    const { inbox } = await start();
    const response = await fetch(inbox);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).not.toMatch(/<script>|<style>|https?:\/\//);
    const slash = await fetch(`${inbox}/?phone=13800138000`, { redirect: 'manual' });
    expect([slash.status, slash.headers.get('location')]).toEqual([302, '/_sandbox/inbox?phone=13800138000']);
  });
});

/** A push receiver on 127.0.0.1 answering each push with the status `statusFor` picks. */
async function listen(statusFor: (url: string, respond: (status: number) => void) => void): Promise<{ url: string }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => statusFor(request.url ?? '', (status) => response.writeHead(status, { 'content-type': 'application/json' }).end('{"code":200}')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
