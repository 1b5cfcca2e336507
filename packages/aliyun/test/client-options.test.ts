import { describe, expect, it } from 'vitest';
import { AliyunClient, type AliyunClientOptions } from '../src/index.js';

describe('AliyunClient options', () => {
  it('the old dispatcher option is refused rather than ignored (ignoring it would send around a proxy)', () => {
    const options = { accessKeyId: 'id', accessKeySecret: 'secret', dispatcher: {} } as AliyunClientOptions;
    expect(() => new AliyunClient(options)).toThrow(/agent/);
  });
});
