import { PLATFORM_ENDPOINTS, type PlatformEndpoint } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { startSandbox } from './harness.js';

const endpoints = Object.keys(PLATFORM_ENDPOINTS) as PlatformEndpoint[];

describe("the sandbox serves core's endpoint table", () => {
  it.each(endpoints.flatMap((endpoint) => [PLATFORM_ENDPOINTS[endpoint].path, ...PLATFORM_ENDPOINTS[endpoint].aliases].map((path) => [endpoint, path] as const)))(
    '%s at %s: signed as the table says',
    async (endpoint, path) => {
      const { raw } = await startSandbox();
      const unsigned = await raw(path, { headers: { 'content-type': 'application/json' }, body: '{}' });
      if (PLATFORM_ENDPOINTS[endpoint].signed) {
        // refused for the missing signature, not "no such endpoint"
        expect(unsigned.status).not.toBe(404);
        expect(unsigned.json.code).not.toBe(200);
      } else {
        expect(unsigned).toMatchObject({ status: 200, json: { code: 200 } });
      }
    },
  );

  it('limits each endpoint as the table says by default', async () => {
    const { call } = await startSandbox({ rateLimits: undefined });
    const { max } = PLATFORM_ENDPOINTS.balance.rateLimit;
    const answers = [];
    for (let i = 0; i <= max; i++) answers.push(await call(PLATFORM_ENDPOINTS.balance.path));
    expect(answers.slice(0, max).map((a) => a.json.code)).toEqual(Array.from({ length: max }, () => 200));
    expect(answers[max]?.json.code).toBe(6000);
  });
});
