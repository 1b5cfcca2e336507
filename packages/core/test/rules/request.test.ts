import { describe, it, expect } from 'vitest';
import {
  assertBid,
  assertSendBatch,
  assertTemplateValues,
  assertUpExtendCode,
  decodeTemplateParam,
  decodeTemplateParamJson,
  encodeTemplateParam,
  encodeTemplateParamJson,
  parseTemplate,
} from '../../src/rules/index.js';
import { thrown } from './thrown.js';

const template = '您好{name,4}，验证码{code,6}。';

describe('values against a template', () => {
  it('returns the values when they fit', () => {
    expect(assertTemplateValues({ template, values: ['张三', '123456'] })).toEqual(['张三', '123456']);
  });

  it('takes the variables parseTemplate found as well as the text', () => {
    const { variables } = parseTemplate(template);
    expect(assertTemplateValues({ template: variables, values: ['张三', '123456'] })).toEqual(['张三', '123456']);
  });

  it('takes no values for a template without variables', () => {
    expect(assertTemplateValues({ template: '您的订单已发货。', values: [] })).toEqual([]);
    expect(assertTemplateValues({ template: '您的订单已发货。', values: undefined })).toEqual([]);
  });

  it('throws 60006 when the values are not an array of strings', () => {
    expect(thrown(() => assertTemplateValues({ template, values: 'not json' })).code).toBe(60006);
    expect(thrown(() => assertTemplateValues({ template, values: { name: '张三' } })).code).toBe(60006);
    expect(thrown(() => assertTemplateValues({ template, values: null })).code).toBe(60006);
    const error = thrown(() => assertTemplateValues({ template, values: ['张三', 123456] }));
    expect(error.code).toBe(60006);
    expect(error.message).toContain('values[1] is a number');
  });

  it('throws 60003 when the count differs, naming the variables', () => {
    const error = thrown(() => assertTemplateValues({ template, values: ['张三'] }));
    expect(error.code).toBe(60003);
    expect(error.message).toBe('values has 1 value(s); the template has 2 variable(s) ({name,4}, {code,6}).');
    expect(error.details).toEqual({ expected: 2, received: 1 });
    expect(thrown(() => assertTemplateValues({ template: '固定内容', values: ['x'] })).code).toBe(60003);
  });

  it('throws 60004 naming every value that is too long, in code points', () => {
    expect(assertTemplateValues({ template, values: ['𠀀𠀀𠀀𠀀', '123456'] })).toHaveLength(2);
    const error = thrown(() => assertTemplateValues({ template, values: ['欧阳娜娜娜', '1234567'] }));
    expect(error.code).toBe(60004);
    expect(error.message).toBe('Value too long: values[0] for {name,4} has 5 characters; values[1] for {code,6} has 7 characters.');
    expect(error.details).toEqual({
      tooLong: [
        { position: 0, name: 'name', maxLen: 4, length: 5 },
        { position: 1, name: 'code', maxLen: 6, length: 7 },
      ],
    });
  });

  it('never puts a value in an error, since values may be verification codes', () => {
    const error = thrown(() => assertTemplateValues({ template, values: ['张三', '9876543'] }));
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('9876543');
    const bad = thrown(() => assertTemplateValues({ template, values: '["张三","9876543"' }));
    expect(bad.message).not.toContain('9876543');
  });
});

describe('wire templateParam', () => {
  it('decodes a JSON array of strings, as the manual writes it', () => {
    expect(decodeTemplateParam('["张三","02"]')).toEqual(['张三', '02']);
    expect(decodeTemplateParam('["测\\\\试一\\\\下"]')).toEqual(['测\\试一\\下']);
  });

  it('decodes "" as no values, like a left-out field', () => {
    expect(decodeTemplateParam('')).toEqual([]);
  });

  it('throws 60006 on bad JSON or another shape', () => {
    for (const wire of ['[张三]', '{"a":"b"}', '"张三"', '[1,2]', '[["a"]]', 'null']) {
      expect(thrown(() => decodeTemplateParam(wire)).code).toBe(60006);
    }
  });

  it('is accepted by assertTemplateValues, with its name in messages', () => {
    expect(assertTemplateValues({ template, values: '["张三","123456"]' })).toEqual(['张三', '123456']);
    expect(thrown(() => assertTemplateValues({ template, values: '["张三"]' })).message).toContain('templateParam has 1 value(s)');
  });

  it('encodes values, and leaves the field out when there are none', () => {
    expect(encodeTemplateParam(['张三', '02'])).toBe('["张三","02"]');
    expect(encodeTemplateParam([])).toBeUndefined();
    expect(decodeTemplateParam(encodeTemplateParam(['a"b', 'c\\d', 'e\nf']) ?? '')).toEqual(['a"b', 'c\\d', 'e\nf']);
  });
});

describe('wire templateParamJson', () => {
  it('writes [] as "" for a template without variables (SPEC §3)', () => {
    expect(encodeTemplateParamJson([[], [], []])).toBe('["","",""]');
    expect(encodeTemplateParamJson([['明'], ['张三']])).toBe('[["明"],["张三"]]');
  });

  it('decodes both forms back to lists', () => {
    expect(decodeTemplateParamJson('["",""]')).toEqual([[], []]);
    expect(decodeTemplateParamJson('[["明"],["张三"]]')).toEqual([['明'], ['张三']]);
  });

  it('throws 60006 on bad JSON or another shape, naming the entry', () => {
    expect(thrown(() => decodeTemplateParamJson('[["明"],')).code).toBe(60006);
    expect(thrown(() => decodeTemplateParamJson('["明"]')).message).toContain('templateParamJson[0]');
    expect(thrown(() => decodeTemplateParamJson('[["明"],[2]]')).message).toContain('templateParamJson[1][0] is a number');
    expect(thrown(() => decodeTemplateParamJson('{"a":[]}')).code).toBe(60006);
  });
});

describe('sendBatch shape', () => {
  const phones = ['13900000001', '+86 139 0000 0002'];

  it('returns normalised numbers aligned with their lists', () => {
    expect(assertSendBatch({ phones, params: [['张三', '1'], ['李四', '2']], template })).toEqual({
      phones: ['13900000001', '13900000002'],
      params: [['张三', '1'], ['李四', '2']],
      invalid: [],
    });
  });

  it('takes [] per number for a template without variables, and the wire form', () => {
    expect(assertSendBatch({ phones, params: [[], []], template: '固定内容' }).params).toEqual([[], []]);
    expect(assertSendBatch({ phones, params: '["",""]', template: '固定内容' }).params).toEqual([[], []]);
  });

  it('keeps a repeated number, since each has its own list', () => {
    expect(assertSendBatch({ phones: ['13900000001', '13900000001'], params: [['a'], ['b']] }).phones).toHaveLength(2);
  });

  it('throws 60002 when numbers and lists differ in count', () => {
    const error = thrown(() => assertSendBatch({ phones, params: [['张三', '1']] }));
    expect(error.code).toBe(60002);
    expect(error.details).toEqual({ phones: 2, params: 1 });
  });

  it('throws 60006 when the lists are malformed', () => {
    expect(thrown(() => assertSendBatch({ phones, params: [['a'], 'b'] })).code).toBe(60006);
    expect(thrown(() => assertSendBatch({ phones, params: '[[1],[2]]' })).code).toBe(60006);
  });

  it('throws 60007 for a malformed number, 60008 past max', () => {
    expect(thrown(() => assertSendBatch({ phones: ['13900000001', 'x'], params: [[], []] })).code).toBe(60007);
    const many = Array.from({ length: 1001 }, () => '13900000001');
    expect(thrown(() => assertSendBatch({ phones: many, params: many.map(() => []) })).code).toBe(60008);
  });

  it('checks every list against the template, naming the entry', () => {
    const error = thrown(() => assertSendBatch({ phones, params: [['张三', '1'], ['李四']], template }));
    expect(error.code).toBe(60003);
    expect(error.message).toContain('params[1] has 1 value(s)');
    const tooLong = thrown(() => assertSendBatch({ phones, params: [['张三', '1'], ['李四', '1234567']], template }));
    expect(tooLong.code).toBe(60004);
    expect(tooLong.message).toContain('params[1][1] for {code,6}');
  });

  it('throws 40004 for an empty batch', () => {
    expect(thrown(() => assertSendBatch({ phones: [], params: [] })).code).toBe(40004);
  });
});

describe('upExtendCode', () => {
  it.each(['1', '9', '32', '99'])('accepts "%s"', (code) => {
    expect(assertUpExtendCode(code)).toBe(code);
  });

  it.each([undefined, null, ''])('treats %s as none', (code) => {
    expect(assertUpExtendCode(code)).toBeUndefined();
  });

  it.each(['0', '100', '05', '-1', '1.5', 'a1', ' 3', '３'])('throws 40004 for "%s"', (code) => {
    const error = thrown(() => assertUpExtendCode(code));
    expect(error.code).toBe(40004);
    expect(error.message).toContain('from 1 to 99');
  });

  it('throws 40004 for a number, asking for a string', () => {
    expect(thrown(() => assertUpExtendCode(32)).message).toBe('upExtendCode must be a string of digits such as "32", not a number.');
  });

  it('honours an account-specific max', () => {
    expect(assertUpExtendCode('123', { max: 999 })).toBe('123');
    expect(thrown(() => assertUpExtendCode('123')).code).toBe(40004);
  });
});

describe('bid', () => {
  it('accepts up to 64 characters, counted in code points', () => {
    expect(assertBid('order-202303231335001220')).toBe('order-202303231335001220');
    expect(assertBid('x'.repeat(64))).toHaveLength(64);
    expect(assertBid('𠀀'.repeat(64))).toBe('𠀀'.repeat(64));
  });

  it.each([undefined, null, ''])('treats %s as none', (bid) => {
    expect(assertBid(bid)).toBeUndefined();
  });

  it('throws 40004 past 64 characters or for a non-string', () => {
    const error = thrown(() => assertBid('x'.repeat(65)));
    expect(error.code).toBe(40004);
    expect(error.message).toBe('bid has 65 characters; at most 64.');
    expect(thrown(() => assertBid(42)).code).toBe(40004);
  });
});

describe("sendBatch with invalidPhones: 'skip' (one classification, positions kept)", () => {
  const phones = ['13900000001', 'oops', '+86 139 0000 0003'];

  it('drops each invalid number with its list and reports it at its position', () => {
    const batch = assertSendBatch({ phones, params: [['甲', '1'], ['乙', '2'], ['丙', '3']], template, invalidPhones: 'skip' });
    expect(batch).toEqual({
      phones: ['13900000001', '13900000003'],
      params: [['甲', '1'], ['丙', '3']],
      invalid: [{ input: 'oops', index: 1, reason: 'characters' }],
    });
  });

  it('still checks the list of a skipped number, and names it by its position in the input', () => {
    const error = thrown(() => assertSendBatch({ phones, params: [['甲', '1'], ['乙', '1234567'], ['丙', '3']], template, invalidPhones: 'skip' }));
    expect(error.code).toBe(60004);
    expect(error.message).toContain('params[1][1]');
  });

  it('throws 60007 when no number is left', () => {
    expect(thrown(() => assertSendBatch({ phones: ['x', 'y'], params: [[], []], invalidPhones: 'skip' })).code).toBe(60007);
  });

  it("rejects as before without 'skip'", () => {
    expect(thrown(() => assertSendBatch({ phones, params: [[], [], []] })).code).toBe(60007);
  });

  it('names lists with listLabel, and reads undefined as a template without variables', () => {
    const error = thrown(() => assertSendBatch({ phones: ['13900000001'], params: [[1]], listLabel: (i) => `messages[${i}].params` }));
    expect(error.message).toContain('messages[0].params[0] is a number');
    expect(assertSendBatch({ phones: ['13900000001'], params: [undefined], template: '固定内容' }).params).toEqual([[]]);
  });
});
