import { describe, expect, it } from 'vitest';
import { SmsError, sendResultOf, type SmsClient } from '../../src/index.js';
import { failed, recordingPlatform, sent } from './recording-platform.js';

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `138${String(from + i).padStart(8, '0')}`);

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsError);
  return error as SmsError;
}

describe('send: the wire format the platform wants, signed', () => {
  it('writes numbers as one comma list and values as a JSON array in a string, and signs it', async () => {
    const platform = await recordingPlatform();
    const client = platform.client();
    const result = await client.send({ phones: ['+86 138-0013-8000', '13900139000'], templateCode: '100002', params: ['张三', 'A-1', '明天'], upExtendCode: '12', bid: 'order-1' });
    expect(platform.requests).toHaveLength(1);
    const [request] = platform.requests;
    expect(request?.path).toBe('/message/send');
    expect(request?.signed).toBe(true);
    expect(request?.body).toEqual({ phones: '13800138000,13900139000', templateCode: '100002', templateParam: '["张三","A-1","明天"]', upExtendCode: '12', bid: 'order-1' });
    expect(result).toMatchObject({ status: 'sent', msgIds: ['1'], failedPhones: [], unknownPhones: [], duplicates: 0 });
    expect(result.chunks[0]).toMatchObject({ index: 0, bid: 'order-1', status: 'sent', msgId: '1', phones: ['13800138000', '13900139000'] });
  });

  it('leaves templateParam out for a template without variables, and generates a bid of at most 64 characters', async () => {
    const platform = await recordingPlatform();
    const result = await platform.client().send({ phones: ['13800138000'], templateCode: '100003' });
    const body = platform.requests[0]?.body ?? {};
    expect(Object.keys(body).sort()).toEqual(['bid', 'phones', 'templateCode']);
    expect(typeof body.bid).toBe('string');
    expect((body.bid as string).length).toBeLessThanOrEqual(64);
    expect(result.chunks[0]?.bid).toBe(body.bid);
  });

  it('sendBatch writes phonesJson and templateParamJson, keeping repeats and order', async () => {
    const platform = await recordingPlatform();
    await platform.client().sendBatch({
      templateCode: '100001',
      messages: [
        { phone: '13800138000', params: ['111111'] },
        { phone: '13900139000', params: ['222222'] },
        { phone: '138 0013 8000', params: ['333333'] },
      ],
    });
    expect(platform.requests[0]?.path).toBe('/message/sendBatch');
    expect(platform.requests[0]?.body).toMatchObject({
      phonesJson: '["13800138000","13900139000","13800138000"]',
      templateParamJson: '[["111111"],["222222"],["333333"]]',
    });
  });

  it('sendBatch for a template without variables writes ["",""…]', async () => {
    const platform = await recordingPlatform();
    await platform.client().sendBatch({ templateCode: '100003', messages: [{ phone: '13800138000' }, { phone: '13900139000' }] });
    expect(platform.requests[0]?.body.templateParamJson).toBe('["",""]');
  });
});

describe('local checks: the platform’s codes, before anything leaves', () => {
  const template = '您的验证码是{code,6}，5分钟内有效。';
  const cases: [string, (client: SmsClient) => Promise<unknown>, number][] = [
    ['no number (40004)', (c) => c.send({ phones: [], templateCode: '1' }), 40004],
    ['no templateCode (40004)', (c) => c.send({ phones: ['13800138000'], templateCode: '' }), 40004],
    ['a malformed number, named (60007)', (c) => c.send({ phones: ['13800138000', '1380013800'], templateCode: '1' }), 60007],
    ['a value that is not a string (60006)', (c) => c.send({ phones: ['13800138000'], templateCode: '1', params: [123 as unknown as string] }), 60006],
    ['too few values for the template (60003)', (c) => c.send({ phones: ['13800138000'], templateCode: '1', template, params: [] }), 60003],
    ['a value longer than its variable (60004)', (c) => c.send({ phones: ['13800138000'], templateCode: '1', template, params: ['1234567'] }), 60004],
    ['an upExtendCode out of range (40004)', (c) => c.send({ phones: ['13800138000'], templateCode: '1', upExtendCode: '100' }), 40004],
    ['a bid over 64 characters (40004)', (c) => c.send({ phones: ['13800138000'], templateCode: '1', bid: 'x'.repeat(65) }), 40004],
    ['sendBatch with no message (40004)', (c) => c.sendBatch({ templateCode: '1', messages: [] }), 40004],
    ['sendBatch values against the template (60003)', (c) => c.sendBatch({ templateCode: '1', template, messages: [{ phone: '13800138000', params: ['1'] }, { phone: '13900139000', params: [] }] }), 60003],
    ['sendBatch with a malformed number (60007)', (c) => c.sendBatch({ templateCode: '1', messages: [{ phone: 'abc', params: [] }] }), 60007],
  ];

  it.each(cases)('%s', async (_name, call, code) => {
    const platform = await recordingPlatform();
    const error = await rejection(call(platform.client()));
    expect(error.code).toBe(code);
    expect(platform.requests).toHaveLength(0);
  });

  it('names every malformed number with its position', async () => {
    const platform = await recordingPlatform();
    const error = await rejection(platform.client().send({ phones: ['13800138000', '12345', '1380013800x'], templateCode: '1' }));
    expect(error.message).toContain('phones[1] "12345"');
    expect(error.message).toContain('phones[2] "1380013800x"');
  });

  it('uses the client’s templates option when a call gives no template text', async () => {
    const platform = await recordingPlatform();
    const client = platform.client({ templates: { '100001': template } });
    expect((await rejection(client.send({ phones: ['13800138000'], templateCode: '100001', params: ['1', '2'] }))).code).toBe(60003);
    expect(platform.requests).toHaveLength(0);
  });
});

describe('more than 1000 numbers', () => {
  it('de-duplicates, splits into requests of at most 1000, and reports each with its own numbers and msgId', async () => {
    const platform = await recordingPlatform((request, n) => sent(`m${n}`));
    const input = [...phones(2500), ...phones(100)]; // 100 repeats
    const result = await platform.client({ concurrency: 3 }).send({ phones: input, templateCode: '100003', bid: 'campaign-7' });
    expect(result.duplicates).toBe(100);
    expect(result.chunks.map((c) => c.phones.length)).toEqual([1000, 1000, 500]);
    expect(result.chunks.flatMap((c) => c.phones)).toEqual(phones(2500));
    expect(result.chunks.every((c) => c.bid === 'campaign-7' && c.status === 'sent')).toBe(true);
    expect(new Set(result.msgIds).size).toBe(3);
    const sentPhones = platform.requests.map((r) => (r.body.phones as string).split(',').length).sort();
    expect(sentPhones).toEqual([1000, 1000, 500]);
  });

  it('one request failing hides neither the others nor which numbers were in it', async () => {
    const platform = await recordingPlatform((request, n) => ((request.body.phones as string).startsWith('13800001000') ? failed(60005, 'nothing to send') : sent(`m${n}`, n === 1 ? '13800000007' : undefined)));
    const result = await platform.client({ concurrency: 1 }).send({ phones: phones(2500), templateCode: '100003' });
    expect(result.status).toBe('partial');
    expect(result.chunks.map((c) => c.status)).toEqual(['sent', 'failed', 'sent']);
    expect(result.chunks[1]?.error?.code).toBe(60005);
    expect(result.msgIds).toHaveLength(2);
    expect(result.failedPhones).toEqual(['13800000007', ...phones(1000, 1000)]);
    expect(new Set(result.chunks.map((c) => c.bid)).size).toBe(3); // one generated bid per request
  });

  it('stops after a failure every request would meet (2001) instead of sending the rest', async () => {
    const platform = await recordingPlatform(() => failed(2001, 'API授权错误', 401));
    const error = await rejection(platform.client({ concurrency: 1 }).send({ phones: phones(3000), templateCode: '100003' }));
    expect(error.code).toBe(2001);
    expect(platform.requests).toHaveLength(1);
    const result = sendResultOf(error);
    expect(result?.status).toBe('failed');
    expect(result?.chunks.map((c) => [c.status, c.error?.code])).toEqual([['failed', 2001], ['failed', 2001], ['failed', 2001]]);
    expect(result?.failedPhones).toHaveLength(3000);
  });

  it("invalidPhones: 'skip' sends the valid numbers and reports the others with their positions", async () => {
    const platform = await recordingPlatform();
    const result = await platform.client({ invalidPhones: 'skip' }).send({ phones: ['13800138000', 'oops', '12800138000'], templateCode: '100003' });
    expect(platform.requests[0]?.body.phones).toBe('13800138000');
    expect(result.status).toBe('partial');
    expect(result.invalid.map((i) => [i.index, i.reason])).toEqual([[1, 'characters'], [2, 'prefix']]);
  });

  it("invalidPhones: 'skip' in sendBatch names a bad value by its position in the caller's list", async () => {
    const platform = await recordingPlatform();
    const error = await rejection(
      platform.client({ invalidPhones: 'skip' }).sendBatch({
        templateCode: '1',
        template: '您好{name,3}',
        messages: [{ phone: 'oops', params: ['甲'] }, { phone: '13800138000', params: ['太长的名字'] }],
      }),
    );
    expect(error.code).toBe(60004);
    expect(error.message).toMatch(/messages\[1\]\.params/);
    expect(platform.requests).toHaveLength(0);
  });

  it("invalidPhones: 'skip' in sendBatch sends the valid messages with their own values", async () => {
    const platform = await recordingPlatform();
    await platform.client({ invalidPhones: 'skip' }).sendBatch({
      templateCode: '1',
      messages: [{ phone: '13900139000', params: ['甲'] }, { phone: 'oops', params: ['乙'] }, { phone: '13800138000', params: ['丙'] }],
    });
    expect(platform.requests[0]?.body).toMatchObject({ phonesJson: '["13900139000","13800138000"]', templateParamJson: '[["甲"],["丙"]]' });
  });

  it("invalidPhones: 'skip' still fails when no number is valid", async () => {
    const platform = await recordingPlatform();
    expect((await rejection(platform.client().send({ phones: ['oops'], templateCode: '1', invalidPhones: 'skip' }))).code).toBe(60007);
    expect(platform.requests).toHaveLength(0);
  });
});

describe('a send that sent nothing rejects, with every request in details.result', () => {
  it('rejects with the platform’s code and message', async () => {
    const platform = await recordingPlatform(() => failed(40002, '余额不足', 402));
    const error = await rejection(platform.client().send({ phones: ['13800138000'], templateCode: '1' }));
    expect(error).toMatchObject({ code: 40002, requestId: 'req-40002', retryable: false });
    expect(sendResultOf(error)?.chunks[0]).toMatchObject({ status: 'failed', phones: ['13800138000'] });
  });

  it('an answer that is not the platform’s JSON (a proxy’s 502 page) leaves a send unknown, not retried', async () => {
    const platform = await recordingPlatform(() => ({ status: 502, text: '<html>Bad Gateway</html>' }));
    const error = await rejection(platform.client().send({ phones: ['13800138000'], templateCode: '1', bid: 'b-502' }));
    expect(platform.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: -1, retryable: false });
    expect(sendResultOf(error)?.chunks[0]).toMatchObject({ status: 'unknown', bid: 'b-502' });
  });

  it('a 4xx page that is not the platform’s fails the send without a retry', async () => {
    const platform = await recordingPlatform(() => ({ status: 404, text: 'not found' }));
    const error = await rejection(platform.client().send({ phones: ['13800138000'], templateCode: '1' }));
    expect(platform.requests).toHaveLength(1);
    expect(sendResultOf(error)?.status).toBe('failed');
  });
});
