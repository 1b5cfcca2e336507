/**
 * The Tencent collection's pre-request script: TC3-HMAC-SHA256 in Postman's sandbox with
 * CryptoJS, as `@smskit/tencent`'s `signTencentRequest` computes it. Plain JavaScript source
 * (no template literals inside) so that the comments a user reads in Postman survive.
 */
export const TENCENT_SIGNING_SCRIPT = `// smskit: signs every request of this collection for Tencent Cloud SMS (API 3.0, TC3-HMAC-SHA256).
//
// Tencent accepts a call only with:
//   Authorization   TC3-HMAC-SHA256 Credential=<SecretId>/<UTC date>/<service>/tc3_request,
//                   SignedHeaders=content-type;host, Signature=<hex>
//   X-TC-Action     the API action (each request of this collection sets its own)
//   X-TC-Version    2021-01-11
//   X-TC-Timestamp  now, in SECONDS; Tencent refuses more than 5 minutes of skew
//   X-TC-Region     e.g. ap-guangzhou
//   X-TC-Token      only for temporary credentials
// The signature covers the body byte for byte as sent, the Content-Type and the host
// (without a port). Variables: secretId, secretKey (never sent), region, token (optional),
// service (sms; keep it), tc3Timestamp (optional, to reproduce a signature).

const cryptoJs = require('crypto-js');

const secretId = pm.variables.get('secretId');
const secretKey = pm.variables.get('secretKey');
if (!secretId || !secretKey) {
  throw new Error('smskit: set secretId and secretKey (select the smskit Tencent environment, top right).');
}
const action = pm.request.headers.get('X-TC-Action');
if (!action) throw new Error('smskit: this request has no X-TC-Action header.');
const service = pm.variables.get('service') || 'sms';
const region = pm.variables.get('region') || 'ap-guangzhou';
const token = pm.variables.get('token');

// Fill in {{variables}} now and send that exact text: the hash must be of the bytes sent.
let body = '';
if (pm.request.body && pm.request.body.mode === 'raw' && pm.request.body.raw) {
  body = pm.variables.replaceIn(pm.request.body.raw);
  pm.request.body.raw = body;
}

const timestamp = Number(pm.variables.get('tc3Timestamp') || Math.floor(Date.now() / 1000));
const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
const contentType = 'application/json; charset=utf-8';
// The URL's {{variables}} are not filled in yet at this point: resolve them, then take the
// host name without its port (as Tencent's SDKs sign it).
const resolvedUrl = pm.variables.replaceIn(pm.request.url.toString());
const hostMatch = /^[a-z][a-z0-9+.-]*:\\/\\/(\\[[^\\]]+\\]|[^\\/:?#]+)/i.exec(resolvedUrl);
if (!hostMatch) throw new Error('smskit: cannot read the host of ' + resolvedUrl + '; set tencentBaseUrl.');
const host = hostMatch[1].toLowerCase();

function hex(words) { return words.toString(cryptoJs.enc.Hex); }
const canonicalRequest = 'POST\\n/\\n\\n' +
  'content-type:' + contentType + '\\n' +
  'host:' + host + '\\n\\n' +
  'content-type;host\\n' +
  hex(cryptoJs.SHA256(cryptoJs.enc.Utf8.parse(body)));
const scope = date + '/' + service + '/tc3_request';
const stringToSign = 'TC3-HMAC-SHA256\\n' + timestamp + '\\n' + scope + '\\n' + hex(cryptoJs.SHA256(canonicalRequest));
const kDate = cryptoJs.HmacSHA256(date, 'TC3' + secretKey);
const kService = cryptoJs.HmacSHA256(service, kDate);
const kSigning = cryptoJs.HmacSHA256('tc3_request', kService);
const signature = hex(cryptoJs.HmacSHA256(stringToSign, kSigning));

const headers = {
  'Authorization': 'TC3-HMAC-SHA256 Credential=' + secretId + '/' + scope + ', SignedHeaders=content-type;host, Signature=' + signature,
  'Content-Type': contentType,
  'X-TC-Version': '2021-01-11',
  'X-TC-Timestamp': String(timestamp),
  'X-TC-Region': region,
};
if (token) headers['X-TC-Token'] = String(token);
for (const name of Object.keys(headers)) pm.request.headers.upsert({ key: name, value: headers[name] });
console.log('smskit signed TC3 over the canonical request: ' + canonicalRequest.split('\\n').join(' | '));
`;
