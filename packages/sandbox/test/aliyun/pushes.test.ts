/*
 * The sandbox pushes SmsReport like Aliyun: a JSON array, repeated until the receiver answers
 * {"code":0}; @smskit/aliyun's parser reads what it pushes.
 */
import { createServer, type Server } from 'node:http';
import { AliyunClient, ALIYUN_PUSH_OK, parseSmsReport, parseSmsUp, type AliyunReport, type AliyunReply } from '@smskit/aliyun';
import { afterAll, expect, it } from 'vitest';
import { createAliyunSandbox } from '../../src/index.js';

const servers: { close(): unknown }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function receiver(answers: number[]): Promise<{ url: string; reports: AliyunReport[]; replies: AliyunReply[] }> {
  const reports: AliyunReport[] = [];
  const replies: AliyunReply[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200) {
        if (req.url === '/report') reports.push(...parseSmsReport(JSON.parse(body)));
        else replies.push(...parseSmsUp(JSON.parse(body)));
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? ALIYUN_PUSH_OK : { code: 1, msg: 'busy' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, reports, replies };
}

it('pushes a receipt per number after delivery, retrying a receiver that failed', async () => {
  const target = await receiver([500]);
  const sandbox = createAliyunSandbox({ accessKeyId: 'i', accessKeySecret: 's', deliveryDelayMs: 0, reportUrl: `${target.url}/report`, upUrl: `${target.url}/up`, pushRetryDelaysMs: [20, 20] });
  const running = await sandbox.listen();
  servers.push(running);
  const client = new AliyunClient({ accessKeyId: 'i', accessKeySecret: 's', endpoint: running.url });
  const answer = await client.sendSms({ phoneNumbers: ['13800138000', '13800138001'], signName: 'smskit', templateCode: 'SMS_154950909', templateParam: { code: '1234' }, outId: 'o-9' });
  await client.close();
  await sandbox.pushesIdle();
  expect(sandbox.pushAttempts().map((a) => a.ok)).toEqual([false, true]);
  expect(target.reports).toEqual([
    expect.objectContaining({ phone_number: '13800138000', biz_id: answer.BizId, success: true, out_id: 'o-9' }),
    expect.objectContaining({ phone_number: '13800138001', biz_id: answer.BizId, success: true, out_id: 'o-9' }),
  ]);
  sandbox.injectReply({ phone: '13800138000', content: 'TD' });
  await sandbox.pushesIdle();
  expect(target.replies).toEqual([expect.objectContaining({ phone_number: '13800138000', content: 'TD' })]);
});
