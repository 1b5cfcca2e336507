import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '@smskit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SHOTS } from './browser.js';
import { codeSentTo, startTestDemo } from './demo-harness.js';

// without a browser these tests are skipped with a line saying how to get one (failed in CI)
const hasChromium = chromiumAvailable('@smskit/demo sign-up in a browser');
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the element `selector` reads `pattern`, and answers its text. */
async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const node = page.locator(selector).filter({ hasText: pattern });
  await node.waitFor();
  return (await node.textContent()) ?? '';
}

async function requestCode(page: Page, phone: string): Promise<void> {
  await page.locator('#phone').fill(phone);
  await page.locator('#send').click();
}

describe.runIf(hasChromium)('the demo in a browser: sign-up by SMS code', () => {
  it('takes the whole path: number, code read in the sandbox inbox, a wrong code, the cool-down, success', async () => {
    const demo = await startTestDemo();
    const page = await browser.context.newPage();
    await page.goto(demo.appUrl);
    await waitForText(page, '#limits', /every 60 s/);
    expect(await page.locator('#limits').textContent()).toMatch(/10 codes per number per day/);

    await page.locator('#phone').fill('138 0013 8000');
    await page.locator('#human').check();
    await page.locator('#send').click();
    expect(await waitForText(page, '#request-result', /Code sent/)).toBe('Code sent to 138****8000: read it in the sandbox inbox.');
    expect(await waitForText(page, '#wait', /Next code for this number possible in \d+ s/)).toBeTruthy();
    await waitForText(page, '#delivery', /DELIVRD/); // the sandbox pushed the receipt to the app
    await page.screenshot({ path: join(SHOTS, 'demo-1-code-sent.png'), fullPage: true });

    // read the code where a user would: in the sandbox inbox the page links to
    const [inbox] = await Promise.all([browser.context.waitForEvent('page'), page.getByRole('link', { name: 'Open the sandbox inbox' }).click()]);
    expect(inbox.url()).toBe(`${demo.inboxUrl}?phone=13800138000`);
    const text = await waitForText(inbox, '#messages > li .text', /验证码/);
    const code = /\d{6}/.exec(text)?.[0] ?? '';
    expect(code).toBe(await codeSentTo(demo, '13800138000'));
    await inbox.screenshot({ path: join(SHOTS, 'demo-2-inbox.png'), fullPage: true });
    await inbox.close();

    // the cool-down holds a second request back, and says for how long
    await page.locator('#send').click();
    expect(await waitForText(page, '#request-result', /less than 1 min ago/)).toMatch(/You can ask for a new one in \d+ s\./);
    await page.screenshot({ path: join(SHOTS, 'demo-3-cool-down.png'), fullPage: true });

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.locator('#code').fill(wrong);
    await page.locator('#verify').click();
    expect(await waitForText(page, '#verify-result', /Wrong code/)).toBe('Wrong code. 4 attempts left.');
    await page.screenshot({ path: join(SHOTS, 'demo-4-wrong-code.png'), fullPage: true });

    await page.locator('#code').fill(code);
    await page.locator('#verify').click();
    expect(await waitForText(page, '#verify-result', /Welcome/)).toBe('Welcome! The account for 138****8000 is created.');
    await page.screenshot({ path: join(SHOTS, 'demo-5-signed-up.png'), fullPage: true });

    // the code was never on the app's page, nor in its log
    expect(await page.locator('body').innerText()).not.toContain(code);
    expect(demo.log.join('\n')).not.toContain(code);
    expect(demo.log).toContain('code check for 138****8000: right');
  });

  it('breaks the primary channel from the page: the next code arrives through the backup, and the page and the inbox say so', async () => {
    const demo = await startTestDemo();
    const page = await browser.context.newPage();
    await page.goto(demo.appUrl);
    await waitForText(page, '#primary-state', /Both channels are well/);
    await page.locator('#human').check();
    await requestCode(page, '13600136000');
    await waitForText(page, '#request-result', /Code sent/);
    expect(await waitForText(page, '#carried-by', /primary/)).toBe('Carried by the primary channel.');
    expect(await demo.sandbox.messages({ phone: '13600136000' })).toHaveLength(1);

    await page.getByRole('button', { name: 'Break the primary channel' }).click();
    await waitForText(page, '#primary-state', /The primary is broken/);
    await requestCode(page, '13500135000');
    expect(await waitForText(page, '#carried-by', /backup/)).toBe('Carried by the backup channel.');
    await page.screenshot({ path: join(SHOTS, 'demo-7-backup-channel.png'), fullPage: true });
    expect(await demo.sandbox.messages({ phone: '13500135000' })).toEqual([]);
    const [sent] = await demo.backupSandbox.messages({ phone: '13500135000' });
    expect(demo.log).toContain(`code for 135****5000: sent by backup (msgId ${sent?.msgId ?? '?'})`);

    // the inbox link now leads to the backup's inbox, which labels the message with its channel
    const [inbox] = await Promise.all([browser.context.waitForEvent('page'), page.getByRole('link', { name: 'Open the sandbox inbox' }).click()]);
    expect(inbox.url()).toBe(`${demo.backupInboxUrl}?phone=13500135000`);
    await waitForText(inbox, '#messages > li .text', /验证码/);
    expect(await inbox.locator('#messages > li .channel').first().textContent()).toBe('via backup');
    const code = /\d{6}/.exec((await inbox.locator('#messages > li .text').first().textContent()) ?? '')?.[0] ?? '';
    await inbox.screenshot({ path: join(SHOTS, 'demo-8-backup-inbox.png'), fullPage: true });
    await inbox.close();

    // the code that came through the backup signs the user up like any other
    await page.locator('#code').fill(code);
    await page.locator('#verify').click();
    expect(await waitForText(page, '#verify-result', /Welcome/)).toBe('Welcome! The account for 135****5000 is created.');

    // repaired, the primary carries codes again (its breaker had not opened after one failure)
    await page.getByRole('button', { name: 'Repair the primary channel' }).click();
    await waitForText(page, '#primary-state', /Both channels are well/);
    await requestCode(page, '13700137001');
    expect(await waitForText(page, '#carried-by', /primary/)).toBe('Carried by the primary channel.');
  });

  it('refuses to flip the channel switch for a request that is not JSON (a cross-site form)', async () => {
    const demo = await startTestDemo();
    const response = await fetch(`${demo.appUrl}/api/channels/primary`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'broken=true' });
    expect(response.status).toBe(415);
    expect(demo.sandbox.faults().fail ?? 0).toBe(0);
  });

  it('sends nothing without the human check, and says why', async () => {
    const demo = await startTestDemo();
    const page = await browser.context.newPage();
    await page.goto(demo.appUrl);
    await requestCode(page, '13900139000');
    expect(await waitForText(page, '#request-result', /robot/)).toBe('Please tick "I am not a robot" first.');
    expect(await demo.sandbox.messages({ phone: '13900139000' })).toEqual([]);
  });

  it('shows the daily cap with when it lifts', async () => {
    let now = Date.parse('2026-03-01T10:00:00+08:00');
    const demo = await startTestDemo({ limits: { phoneScene: { max: 1, windowMs: 60_000 }, phoneDaily: 2 }, now: () => now });
    const page = await browser.context.newPage();
    await page.goto(demo.appUrl);
    await waitForText(page, '#limits', /At most 2 codes per number per day/);
    await page.locator('#human').check();
    for (let i = 1; i <= 2; i++) {
      await requestCode(page, '13700137000');
      await waitForText(page, '#request-result', /Code sent/);
      await page.locator('#request-result').evaluate((node) => (node.textContent = ''));
      now += 61_000; // past the cool-down
    }
    await requestCode(page, '13700137000');
    // 10:02:02 in Shanghai; the day ends at midnight
    expect(await waitForText(page, '#request-result', /for today/)).toBe('This number has had its 2 codes for today. It gets new ones tomorrow (in 13 h 58 min).');
    await page.screenshot({ path: join(SHOTS, 'demo-6-daily-cap.png'), fullPage: true });
    expect((await demo.sandbox.messages({ phone: '13700137000' })).length).toBe(2);
  });
});
