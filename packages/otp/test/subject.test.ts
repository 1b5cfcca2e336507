import { describe, expect, it } from 'vitest';
import { ipCountingKey, maskPhone } from '../src/index.js';

describe('ipCountingKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:1::', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(ipCountingKey(ip)).toBe(key);
  });
  it('rejects what is not an address', () => {
    expect(ipCountingKey('localhost')).toBeUndefined();
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and the last 4 digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('12345')).toBe('*****');
  });
});
