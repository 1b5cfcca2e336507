import { describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('smskit check-template', () => {
  it('reports every violation with its position and exits 1', async () => {
    const { code, out } = await run(['check-template', '【测试】您的验证码是{code, 6}😀']);
    expect(code).toBe(1);
    expect(out).toMatch(/^4 errors/);
    expect(out).toMatch(/signature-bracket\] at 0/);
    expect(out).toMatch(/signature-bracket\] at 3/);
    expect(out).toMatch(/variable-syntax\] at 10/);
    expect(out).toMatch(/character\] at 19: Remove U\+1F600/);
  });

  it('lists the variables of a good template and exits 0', async () => {
    const { code, out } = await run(['check-template', '您好{name,10}，您的订单{order,20}已发货。']);
    expect(code).toBe(0);
    expect(out).toBe('OK: 2 variables (name ≤ 10, order ≤ 20)\n');
  });

  it('checks the signature too, and prints JSON', async () => {
    const { code, out } = await run(['check-template', '您好', '--signature', '【x】', '--json']);
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { signatureViolations: { rule: string }[] };
    expect(parsed.signatureViolations.map((v) => v.rule)).toContain('bracket');
  });

  it('reads the template from standard input', async () => {
    expect((await run(['check-template'], '您的验证码是{code,6}\n')).out).toMatch(/^OK: 1 variable \(code ≤ 6\)/);
  });
});

describe('smskit segments', () => {
  it('counts a signed Chinese message as UCS-2 with the signature included', async () => {
    const { out } = await run(['segments', '您的验证码是{code,6}，5分钟内有效。', '--param', '123456', '--signature', '智云', '--json']);
    expect(JSON.parse(out)).toEqual({ characters: 24, encoding: 'UCS-2', parts: 1, perPart: 67, maxSingle: 70 });
  });

  it('splits a long message into parts of 67', async () => {
    const { out } = await run(['segments', '测'.repeat(71)]);
    expect(out).toBe('71 characters, UCS-2, 2 parts (up to 70 in one SMS, 67 per part when split)\n');
  });

  it('counts GSM-7 extension characters twice', async () => {
    expect(JSON.parse((await run(['segments', 'a{b}c', '--json'])).out)).toMatchObject({ characters: 7, encoding: 'GSM-7' });
  });
});
