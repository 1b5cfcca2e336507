import { describe, expect, it } from 'vitest';
import * as clientEvents from '../../src/client/events.js';
import { maskPhone } from '../../src/index.js';

describe('maskPhone, the one way core writes a number into logs and the send log', () => {
  it('keeps the first 3 and the last 4 digits, and hides a short number whole', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+8613800138000')).toBe('+86*******8000');
    expect(maskPhone('12345678')).toBe('123*5678');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('is the only one: the client logger masks numbers in platform messages with it, and keeps no copy of its own', () => {
    expect(Object.keys(clientEvents)).not.toContain('maskPhone');
    expect(clientEvents.maskPhonesIn('手机号13800138000,13900139000格式错误; 8613800138000 is not one')).toBe(
      `手机号${maskPhone('13800138000')},${maskPhone('13900139000')}格式错误; 8613800138000 is not one`,
    );
  });
});
