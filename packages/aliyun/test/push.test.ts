import { describe, expect, it } from 'vitest';
import { parseSmsReport, parseSmsUp, receiptOfReport, reportDedupeKey } from '../src/index.js';

const report = {
  phone_number: '13800138000',
  send_time: '2024-01-02 03:04:05',
  report_time: '2024-01-02 03:04:09',
  success: true,
  err_code: 'DELIVERED',
  err_msg: '用户接收成功',
  sms_size: '1',
  biz_id: '932702304080415357^0',
  out_id: 'k-1',
};

describe('SmsReport', () => {
  it('reads receipts and normalises them for the router, keyed by BizId and number', () => {
    const [read] = parseSmsReport([report]);
    expect(read).toEqual(report);
    expect(reportDedupeKey(read!)).toBe('aliyun:r:932702304080415357^0:13800138000');
    expect(receiptOfReport(read!, 'ali')).toEqual({
      channel: 'ali', messageId: report.biz_id, number: '13800138000', state: 'delivered', providerState: 'DELIVERED', providerCode: 'DELIVERED', idempotencyKey: 'k-1', at: new Date('2024-01-01T19:04:09Z'),
    });
    expect(receiptOfReport({ ...read!, success: false, err_code: 'MK:0001' }, 'ali')).toMatchObject({ state: 'failed', providerCode: 'MK:0001' });
  });

  it('refuses malformed bodies with a typed error naming the field, never a crash', () => {
    expect(() => parseSmsReport({})).toThrow(/SmsReport must be a JSON array/);
    expect(() => parseSmsReport([null])).toThrow(/SmsReport\[0\] must be an object/);
    expect(() => parseSmsReport([{ ...report, success: 'true' }])).toThrow(/success/);
    expect(() => parseSmsReport([{ ...report, send_time: '2024-01-02T03:04:05Z' }])).toThrow(/send_time/);
    expect(() => parseSmsReport([{ ...report, biz_id: undefined }])).toThrow(/biz_id/);
    expect(() => parseSmsReport(Array.from({ length: 10_001 }, () => report))).toThrow(/more than/);
    try {
      parseSmsReport('x');
    } catch (error) {
      expect(error).toMatchObject({ name: 'AliyunError', code: 'InvalidParameter' });
    }
  });
});

describe('SmsUp', () => {
  it('reads replies, accepting sequence_id as a number or a string', () => {
    const up = { phone_number: '13800138000', content: '退订', send_time: '2024-01-02 03:04:05', dest_code: '1234', sequence_id: 1234567 };
    expect(parseSmsUp([up, { ...up, sequence_id: '7' }]).map((r) => r.sequence_id)).toEqual([1234567, 7]);
    expect(() => parseSmsUp([{ ...up, content: 5 }])).toThrow(/content/);
  });
});
