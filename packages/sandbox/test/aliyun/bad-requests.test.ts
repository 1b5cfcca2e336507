import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';

/** Writes raw bytes to the listener; resolves what came back (possibly nothing) once it closes. */
function raw(options: { url: string; bytes: string; abortAfterWrite?: boolean }): Promise<string> {
  const { hostname, port } = new URL(options.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(options.bytes);
      if (options.abortAfterWrite) setTimeout(() => socket.destroy(), 50);
    });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', (error) => (options.abortAfterWrite ? resolve(received) : reject(error)));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

it('answers a request line it cannot parse as a URL with 400, and a body the caller abandons does not take it down', async () => {
  const sandbox = createSandbox({ aliyun: { accessKeyId: 'i', accessKeySecret: 's', deliveryDelayMs: 0 } });
  const running = await sandbox.listen();
  const url = running.aliyunUrl as string;
  try {
    const answer = await raw({ url, bytes: 'GET //[x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"Code":"InvalidParameter"');
    expect(answer).not.toMatch(/at .*\.ts:\d+/);

    await raw({ url, bytes: 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Send', abortAfterWrite: true });
    // still serving: an unsigned request is refused in Aliyun's shape, not met by a dead port
    const after = await fetch(`${url}/?Action=SendSms`);
    expect(after.status).toBeGreaterThanOrEqual(400);
    expect(after.status).toBeLessThan(500);
  } finally {
    await running.close();
  }
});
