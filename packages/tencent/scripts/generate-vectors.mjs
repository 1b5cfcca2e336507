// Generates test/vectors/tc3.json with the OFFICIAL Tencent Cloud SDK (a dev dependency), so the
// vectors come from an implementation nobody here wrote. Every "sdk-client" vector is a request
// the SDK's own SmsClient really sent (captured off the socket: headers and body bytes); every
// "sdk-sign3" vector is the SDK's signer over hand-written body bytes (escapes that differ from
// what any serialiser would produce, to prove the signer hashes bytes, not values).
//
//   node packages/tencent/scripts/generate-vectors.mjs
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Client } = require('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client.js');
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;

const RealDate = Date;
let fixedMs = 0;
// The SDK reads the clock with `new Date()`; a fixed clock makes each vector's timestamp chosen.
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fixedMs);
    else super(...args);
  }
  static now() {
    return fixedMs;
  }
};

const captured = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    captured.push({ headers: req.headers, body: Buffer.concat(chunks), url: req.url, method: req.method });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ Response: { RequestId: 'captured', SendStatusSet: [], PullSmsSendStatusSet: [] } }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
// Every connection goes to the capture server, whatever host the SDK names: so it signs and
// sends exactly what it would send to sms.tencentcloudapi.com.
const agent = new Agent();
agent.createConnection = (_options, callback) => {
  const socket = connect(port, '127.0.0.1');
  if (callback) socket.once('connect', () => callback(null, socket));
  return socket;
};

const ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

const ESCAPES = '"quote" \\back\\ /slash/ \b\f\n\r\t \u0000\u0001\u001f \u007f\u0080\u009f \u00ad \u0600 \u070f \u17b4 \u200c\u200f \u2028\u2029 \u202f \u2060 \ufeff \ufff0\uffff';

const clientCases = [
  { name: 'ascii', at: '2026-11-27T13:40:00Z', region: 'ap-guangzhou', action: 'SendSms', req: { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', TemplateId: '449739', SignName: 'Tencent', TemplateParamSet: ['1234'] } },
  { name: 'chinese', at: '2026-01-01T00:00:00Z', region: 'ap-guangzhou', action: 'SendSms', req: { PhoneNumberSet: ['+8613800138000', '+8613900139000'], SmsSdkAppId: '1400006666', TemplateId: '1110', SignName: '腾讯云', TemplateParamSet: ['张三', '您的验证码'], SessionContext: '用户 42' } },
  { name: 'emoji', at: '2026-12-31T23:59:59Z', region: 'ap-beijing', action: 'SendSms', req: { PhoneNumberSet: ['+447911123456'], SmsSdkAppId: '1400006666', TemplateId: '2220', SenderId: 'Qsms', TemplateParamSet: ['😀🎉', '👨‍👩‍👧', '𝄞'] } },
  { name: 'every-json-escape', at: '2026-06-15T12:00:00Z', region: 'ap-guangzhou', action: 'SendSms', req: { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', TemplateId: '3330', SignName: 'Tencent', TemplateParamSet: [ESCAPES], SessionContext: ESCAPES, ExtendCode: '01' } },
  { name: 'token', at: '2026-11-27T13:40:00Z', region: 'ap-nanjing', action: 'SendSms', token: 'tmp-session-token-0123456789', req: { PhoneNumberSet: ['13800138000'], SmsSdkAppId: '1400006666', TemplateId: '449739', SignName: 'Tencent', TemplateParamSet: [] } },
  { name: 'pull-send-status', at: '2026-11-27T16:00:00Z', region: 'ap-guangzhou', action: 'PullSmsSendStatus', req: { SmsSdkAppId: '1400006666', Limit: 10 } },
  { name: 'pull-reply-status', at: '2026-11-27T16:00:01Z', region: 'ap-guangzhou', action: 'PullSmsReplyStatus', req: { SmsSdkAppId: '1400006666', Limit: 100 } },
];

const vectors = [];
for (const c of clientCases) {
  fixedMs = RealDate.parse(c.at);
  const client = new Client({
    credential: { secretId: ID, secretKey: KEY, token: c.token },
    region: c.region,
    profile: { httpProfile: { endpoint: 'sms.tencentcloudapi.com', protocol: 'http://', agent } },
  });
  captured.length = 0;
  await client[c.action](c.req);
  const sent = captured[0];
  vectors.push({
    name: c.name,
    source: 'sdk-client',
    secretId: ID,
    secretKey: KEY,
    token: c.token,
    service: 'sms',
    host: sent.headers.host,
    action: sent.headers['x-tc-action'],
    version: sent.headers['x-tc-version'],
    region: sent.headers['x-tc-region'],
    timestamp: Number(sent.headers['x-tc-timestamp']),
    contentType: sent.headers['content-type'],
    body: sent.body.toString('utf8'),
    bodyBase64: sent.body.toString('base64'),
    authorization: sent.headers.authorization,
  });
}

// Bodies written by hand: the same values as above in other spellings (\u escapes, "\/",
// upper-case hex, whitespace), each a different byte string and so a different signature.
const rawBodies = [
  { name: 'raw-unicode-escapes', body: '{"SignName":"\\u817e\\u8baf\\u4e91","TemplateParamSet":["\\ud83d\\ude00","a\\/b"]}' },
  { name: 'raw-upper-hex-and-space', body: '{ "SignName" : "\\u817E\\u8BAF\\u4E91" ,\n "TemplateParamSet" : [ "\\uD83D\\uDE00" ] }' },
  { name: 'raw-utf8', body: '{"SignName":"腾讯云","TemplateParamSet":["😀","a/b"]}' },
  { name: 'raw-empty', body: '' },
];
for (const raw of rawBodies) {
  const timestamp = 1_780_000_000;
  const bytes = Buffer.from(raw.body, 'utf8');
  const authorization = Sign.sign3({
    method: 'POST',
    url: 'https://sms.tencentcloudapi.com/',
    payload: bytes,
    timestamp,
    service: 'sms',
    secretId: ID,
    secretKey: KEY,
    headers: { 'Content-Type': 'application/json' },
  });
  vectors.push({ name: raw.name, source: 'sdk-sign3', secretId: ID, secretKey: KEY, service: 'sms', host: 'sms.tencentcloudapi.com', action: 'SendSms', version: '2021-01-11', region: 'ap-guangzhou', timestamp, contentType: 'application/json', body: raw.body, bodyBase64: bytes.toString('base64'), authorization });
}

server.close();
const out = new URL('../test/vectors/tc3.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ generator: 'packages/tencent/scripts/generate-vectors.mjs', sdk: require('tencentcloud-sdk-nodejs-sms/package.json').version, vectors }, null, 2)}\n`);
console.log(`wrote ${vectors.length} vectors to ${out.pathname}`);
