/*
 * Writes signing.json: test vectors for RPC V1 and ACS3 signing, computed by the official
 * Alibaba Cloud SDK's own signing functions (`@alicloud/openapi-util`, a dev dependency
 * only), so that smskit's signer is checked against an implementation nobody here wrote.
 *
 *   pnpm --filter @smskit/aliyun vectors
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenApiUtilModule from '@alicloud/openapi-util';

// A CommonJS module whose class is its `default` export; under ESM interop it arrives wrapped once more.
const OpenApiUtil = ((OpenApiUtilModule as unknown as { default?: typeof OpenApiUtilModule }).default ?? OpenApiUtilModule) as typeof OpenApiUtilModule;

// Values where signers go wrong: RFC 3986's sub-delims that encodeURIComponent leaves bare,
// a space (must be %20, not +), '~' (must stay), '+', '&' and '=' (must be encoded inside a
// value), Chinese, emoji (4-byte UTF-8), and long values.
const TRICKY: Record<string, string> = {
  'sub-delims': "!'()*",
  'all-reserved': "a!b'c(d)e*f~g h+i&j=k/l?m#n[o]p@q$r,s;t:u",
  space: 'hello world',
  tilde: '~user~',
  plus: '+8613800138000',
  ampersand: 'a&b',
  equals: 'k=v',
  chinese: '阿里云短信测试',
  emoji: '验证码🙂👍🏽',
  percent: '100%',
  'template-json': JSON.stringify({ code: '123456', name: "O'Brien (test)*" }),
  long: '长'.repeat(300) + '!'.repeat(200) + 'x'.repeat(500),
  empty: '',
};

const SECRET = 'testSecret';
const ACCESS_KEY_ID = 'testId';
const NONCE = '45e25e9b-0a6f-4070-8c85-2956eda1b466';
const TIMESTAMP = '2017-07-12T02:42:19Z';

function rpcCase(name: string, value: string, method: string) {
  const params: Record<string, string> = {
    AccessKeyId: ACCESS_KEY_ID,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: '13800138000',
    SignName: '阿里云短信测试',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: NONCE,
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_154950909',
    TemplateParam: JSON.stringify({ value }),
    OutId: value,
    Timestamp: TIMESTAMP,
    Version: '2017-05-25',
  };
  return { name, method, params, accessKeySecret: SECRET, signature: OpenApiUtil.getRPCSignature(params, method, SECRET) };
}

function acs3Case(name: string, value: string, method: string) {
  const query = { PhoneNumbers: '13800138000', SignName: '阿里云', TemplateCode: 'SMS_1', TemplateParam: JSON.stringify({ value }), OutId: value };
  const headers: Record<string, string> = {
    host: 'dysmsapi.aliyuncs.com',
    'x-acs-action': 'SendSms',
    'x-acs-version': '2017-05-25',
    'x-acs-date': TIMESTAMP,
    'x-acs-signature-nonce': NONCE,
    'x-acs-content-sha256': OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(''), 'ACS3-HMAC-SHA256')),
    // Not signed: the SDK leaves these out of the canonical headers, and so must we.
    'user-agent': 'AlibabaCloud (test)',
    accept: 'application/json',
  };
  const request = { method, pathname: '/', query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
  const authorization = OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', headers['x-acs-content-sha256'] as string, ACCESS_KEY_ID, SECRET);
  return { name, method, pathname: '/', query, headers, accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET, authorization };
}

const rpc = Object.entries(TRICKY).flatMap(([name, value]) => [rpcCase(name, value, 'POST'), rpcCase(`${name} (GET)`, value, 'GET')]);
const acs3 = Object.entries(TRICKY).map(([name, value]) => acs3Case(name, value, 'POST'));

const out = fileURLToPath(new URL('./signing.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ generatedBy: '@alicloud/openapi-util getRPCSignature / getAuthorization', rpc, acs3 }, null, 2)}\n`);
console.log(`wrote ${rpc.length} RPC V1 and ${acs3.length} ACS3 vectors to ${out}`);
