import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { listenUrl } from '../src/listen-url.js';

describe('the URLs a listening sandbox prints', () => {
  it('reach a wildcard address through loopback, and bracket IPv6', () => {
    expect(listenUrl('0.0.0.0', 8787)).toBe('http://127.0.0.1:8787');
    expect(listenUrl('::', 8787)).toBe('http://[::1]:8787');
    expect(listenUrl('::1', 8787)).toBe('http://[::1]:8787');
    expect(listenUrl('127.0.0.1', 8787)).toBe('http://127.0.0.1:8787');
    expect(listenUrl('localhost', 8787)).toBe('http://localhost:8787');
  });

  it('are usable for the platform, Aliyun and Tencent listeners alike (IPv6 loopback)', async () => {
    const sandbox = createSandbox({ aliyun: { accessKeyId: 'i', accessKeySecret: 's' }, tencent: { secretId: 'AKIDurl', secretKey: 'k', sdkAppId: '1400000001' } });
    const running = await sandbox.listen({ port: 0, host: '::1' });
    try {
      for (const url of [running.url, running.aliyunUrl, running.tencentUrl]) {
        expect(url).toMatch(/^http:\/\/\[::1\]:\d+$/);
        // whatever each answers, it answers: the URL parses and reaches the listener
        expect((await fetch(`${url as string}/`)).status).toBeGreaterThanOrEqual(200);
      }
    } finally {
      await running.close();
    }
  });
});
