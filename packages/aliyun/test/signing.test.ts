import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliyunTimestamp,
  parseAcs3Authorization,
  percentDecode,
  percentEncode,
  rpcStringToSign,
  signAcs3,
  signedAcs3Headers,
  signedRpcParams,
  signRpc,
  verifyAcs3,
  verifyRpc,
} from '../src/index.js';

interface RpcVector { name: string; method: string; params: Record<string, string>; accessKeySecret: string; signature: string }
interface Acs3Vector {
  name: string;
  method: string;
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  accessKeyId: string;
  accessKeySecret: string;
  authorization: string;
}
const vectors = JSON.parse(readFileSync(new URL('./vectors/signing.json', import.meta.url), 'utf8')) as { rpc: RpcVector[]; acs3: Acs3Vector[] };

describe('percentEncode (strict RFC 3986)', () => {
  it("encodes !'()* and space as %20, keeps ~ and the other unreserved characters", () => {
    expect(percentEncode("!'()* ~")).toBe('%21%27%28%29%2A%20~');
    expect(percentEncode('aZ09-_.~')).toBe('aZ09-_.~');
    expect(percentEncode('+&=/')).toBe('%2B%26%3D%2F');
    expect(percentEncode('阿')).toBe('%E9%98%BF');
    expect(percentEncode('🙂')).toBe('%F0%9F%99%82');
  });

  it('leaves only unreserved characters and %XX escapes, and decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const encoded = percentEncode(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(percentDecode(encoded)).toBe(value);
      }),
    );
  });

  it('refuses a lone surrogate, which has no UTF-8 form', () => {
    expect(() => percentEncode('\uD800')).toThrow(URIError);
  });
});

describe('RPC signature V1', () => {
  it("matches Aliyun's documented example (SendSms, GET, testSecret)", () => {
    const params = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0', TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    };
    expect(rpcStringToSign({ method: 'GET', params })).toMatch(/^GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123/);
    expect(signRpc({ method: 'GET', params, accessKeySecret: 'testSecret' })).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it.each(vectors.rpc.map((v) => [v.name, v] as const))('agrees with the official SDK: %s', (_name, vector) => {
    expect(signRpc({ method: vector.method, params: vector.params, accessKeySecret: vector.accessKeySecret })).toBe(vector.signature);
    expect(verifyRpc({ method: vector.method, params: { ...vector.params, Signature: vector.signature }, accessKeySecret: vector.accessKeySecret }).ok).toBe(true);
  });

  it('signs every attempt with a fresh nonce and the current time', () => {
    const input = { action: 'SendSms', accessKeyId: 'id', accessKeySecret: 'secret', params: { PhoneNumbers: '13800138000' } };
    const first = signedRpcParams(input);
    const second = signedRpcParams(input);
    expect(first.SignatureNonce).not.toBe(second.SignatureNonce);
    expect(first.Signature).not.toBe(second.Signature);
    expect(first.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.stringify(first)).not.toContain('secret');
  });

  it('sign → verify holds, and changing any value or the secret breaks it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/), fc.string({ unit: 'grapheme' }), { minKeys: 1 }), fc.string({ minLength: 1 }), (extra, tamper) => {
        const signed = signedRpcParams({ action: 'SendSms', accessKeyId: 'id', accessKeySecret: 'secret', params: extra });
        expect(verifyRpc({ method: 'POST', params: signed, accessKeySecret: 'secret' }).ok).toBe(true);
        expect(verifyRpc({ method: 'POST', params: signed, accessKeySecret: 'secreT' }).ok).toBe(false);
        const key = Object.keys(extra)[0] as string;
        const changed = signed[key] + tamper;
        expect(verifyRpc({ method: 'POST', params: { ...signed, [key]: changed }, accessKeySecret: 'secret' }).ok).toBe(false);
      }),
    );
  });
});

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  it.each(vectors.acs3.map((v) => [v.name, v] as const))('agrees with the official SDK: %s', (_name, vector) => {
    const signed = signAcs3(vector);
    expect(signed.authorization).toBe(vector.authorization);
    expect(signed.signedHeaders).not.toContain('user-agent');
    const authorization = parseAcs3Authorization(vector.authorization);
    expect(authorization).toBeDefined();
    expect(verifyAcs3({ ...vector, authorization: authorization!, accessKeySecret: vector.accessKeySecret }).ok).toBe(true);
    expect(verifyAcs3({ ...vector, authorization: authorization!, accessKeySecret: 'wrong' }).ok).toBe(false);
  });

  it('builds complete headers with a fresh nonce per attempt, and a tampered query fails', () => {
    const input = { action: 'SendSms', host: 'dysmsapi.aliyuncs.com', accessKeyId: 'id', accessKeySecret: 'secret', query: { PhoneNumbers: '13800138000', OutId: "a!'()*" } };
    const headers = signedAcs3Headers(input);
    expect(headers['x-acs-signature-nonce']).not.toBe(signedAcs3Headers(input)['x-acs-signature-nonce']);
    expect(headers['x-acs-date']).toBe(aliyunTimestamp(new Date(Date.parse(headers['x-acs-date'] as string))));
    const authorization = parseAcs3Authorization(headers.authorization)!;
    expect(authorization.signedHeaders).toEqual(['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']);
    const check = { method: 'POST', pathname: '/', query: input.query, headers, authorization, accessKeySecret: 'secret' };
    expect(verifyAcs3(check).ok).toBe(true);
    expect(verifyAcs3({ ...check, query: { ...input.query, OutId: "a!'()" } }).ok).toBe(false);
    expect(JSON.stringify(headers)).not.toContain('secret');
  });

  it('does not mistake another algorithm or a partial header for V3', () => {
    expect(parseAcs3Authorization('ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=00')).toBeUndefined();
    expect(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=a,Signature=00')).toBeUndefined();
    expect(parseAcs3Authorization(undefined)).toBeUndefined();
  });
});
