/*
 * AliyunClient signs with a signer prepared once, and still signs every attempt afresh: a
 * loopback server records what it sends, and the one-shot verifiers check each request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AliyunClient, parseAcs3Authorization, verifyAcs3, verifyRpc } from '../src/index.js';

interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    received.push({ method: request.method ?? '', url: new URL(request.url ?? '/', 'http://127.0.0.1'), headers: request.headers, body });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz-${received.length}`, RequestId: `req-${received.length}` }));
  });
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

const input = { phoneNumbers: ['13800138000'], signName: '阿里云短信测试', templateCode: 'SMS_154950909', templateParam: { code: '123456', name: "O'Brien (test)*" }, outId: 'order-(42)!' };

function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') record[name] = value;
  return record;
}

describe('AliyunClient with its prepared signer', () => {
  it('V3: every attempt has its own nonce and a signature the verifier accepts', async () => {
    received.length = 0;
    const client = new AliyunClient({ accessKeyId: 'id', accessKeySecret: 'secret', endpoint });
    try {
      await client.sendSms(input);
      await client.sendSms(input);
      await client.querySendDetails({ phoneNumber: '13800138000', sendDate: new Date(), pageSize: 10 });
    } finally {
      await client.close();
    }
    expect(received).toHaveLength(3);
    const nonces = new Set(received.map((r) => r.headers['x-acs-signature-nonce']));
    expect(nonces.size).toBe(3);
    for (const request of received) {
      const headers = headerRecord(request.headers);
      const authorization = parseAcs3Authorization(headers.authorization);
      expect(authorization).toBeDefined();
      const query = Object.fromEntries(request.url.searchParams);
      const check = { method: request.method, pathname: request.url.pathname, query, headers, authorization: authorization!, accessKeySecret: 'secret' };
      expect(verifyAcs3(check).ok).toBe(true);
      expect(verifyAcs3({ ...check, accessKeySecret: 'secreT' }).ok).toBe(false);
    }
    expect(received[0]!.headers.authorization).not.toBe(received[1]!.headers.authorization);
  });

  it('V1: every attempt has its own nonce and a signature the verifier accepts', async () => {
    received.length = 0;
    const client = new AliyunClient({ accessKeyId: 'id', accessKeySecret: 'secret', endpoint, signatureVersion: 'v1' });
    try {
      await client.sendSms(input);
      await client.sendSms(input);
    } finally {
      await client.close();
    }
    expect(received).toHaveLength(2);
    const params = received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(params[0]!.SignatureNonce).not.toBe(params[1]!.SignatureNonce);
    expect(params[0]!.Signature).not.toBe(params[1]!.Signature);
    for (const p of params) {
      expect(p.OutId).toBe('order-(42)!');
      expect(verifyRpc({ method: 'POST', params: p, accessKeySecret: 'secret' }).ok).toBe(true);
      expect(verifyRpc({ method: 'POST', params: p, accessKeySecret: 'secreT' }).ok).toBe(false);
    }
  });
});
