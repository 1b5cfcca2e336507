import { AliyunClient } from '@smskit/aliyun';
import { expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';

it('reads one templates file for both platforms: "platform": "aliyun" entries go to the Aliyun listener', async () => {
  const sandbox = createSandbox({
    templates: [
      { code: '100001', signature: '测试', text: '您的验证码是{code,6}。' },
      { platform: 'aliyun', code: 'SMS_900001', text: '${name}，您好：${code}', signNames: ['smskit'] },
    ],
    aliyun: { accessKeyId: 'i', accessKeySecret: 's', deliveryDelayMs: 0 },
  });
  expect(sandbox.templates().map((t) => t.code)).toEqual(['100001']);
  const running = await sandbox.listen();
  const client = new AliyunClient({ accessKeyId: 'i', accessKeySecret: 's', endpoint: running.aliyunUrl });
  try {
    await client.sendSms({ phoneNumbers: ['13800138000'], signName: 'smskit', templateCode: 'SMS_900001', templateParam: { name: '张三', code: '42' } });
    expect(sandbox.aliyun?.messages()[0]?.content).toBe('【smskit】张三，您好：42');
    await expect(client.sendSms({ phoneNumbers: ['13800138001'], signName: 'other', templateCode: 'SMS_900001', templateParam: { name: 'a', code: '1' } })).rejects.toMatchObject({ code: 'isv.SMS_SIGNATURE_ILLEGAL' });
    await expect(client.sendSms({ phoneNumbers: ['13800138001'], signName: 'smskit', templateCode: 'SMS_154950909', templateParam: { code: '1' } })).rejects.toMatchObject({ code: 'isv.SMS_TEMPLATE_ILLEGAL' });
  } finally {
    await client.close();
    await running.close();
  }
});

it('refuses a malformed Aliyun entry by name', () => {
  expect(() => createSandbox({ templates: [{ platform: 'aliyun', code: 'SMS_1', text: '' }] })).toThrow(/SMS_1: "text"/);
});
