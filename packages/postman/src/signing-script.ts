/**
 * The collection-level pre-request script, as Postman shows it to the user.
 *
 * It is kept as plain JavaScript source (not a transpiled function) so that the comments a
 * user reads in Postman survive the build. Tests run this exact string in a `node:vm`
 * context and compare its signatures with `@smskit/core`'s `signRequest`.
 *
 * Constraints of the Postman sandbox it is written for:
 * - `const CryptoJS = require('crypto-js')` throws there (the name clashes with a legacy
 *   global), and reading the legacy `CryptoJS` global logs a deprecation warning, so the
 *   library is required under another name.
 * - There is no Web Crypto `crypto` global; `CryptoJS.lib.WordArray.random` reaches a native
 *   source where the sandbox has one, and the nonce falls back to `Math.random` otherwise
 *   (a nonce must be unique, not secret).
 * - No template literals below: this file holds the script inside one.
 */
export const SIGNING_SCRIPT = `// smskit: signs every request of this collection for the SMS platform API.
//
// The platform accepts a call only with five headers:
//   x-api-key      your apiKey
//   x-sign-method  the HMAC used (HmacSHA256 unless signMethod says otherwise)
//   x-nonce        a fresh random number, so that a captured request cannot be replayed
//   x-timestamp    the current time in milliseconds; the server allows 60 s of clock skew
//   x-sign         HMAC(accessKey, canonical string), lowercase hex
// This script computes them right before each request is sent, exactly as @smskit/core does,
// so you never add them by hand. Edit the JSON body freely: {{variables}} are filled in first,
// and the signature covers the body as it is actually sent.
//
// Variables it reads (the smskit environment sets the first three):
//   apiKey, accessKey  from the console, 接口配置 -> 接口信息. The accessKey never leaves
//                      Postman: only the signature computed with it is sent.
//   signMethod         HmacMD5 | HmacSHA1 | HmacSHA224 | HmacSHA256 | HmacSHA384 | HmacSHA512
//   signDialect        skip-empty (default): body fields that are null or "" are left out of
//                      the canonical string, as the vendor's Python/C# samples and smskit do;
//                      keep-empty: they are kept as "key=", as the vendor's PHP sample does.
//   smskitNonce, smskitTimestamp   optional: pin the nonce and timestamp, to reproduce a
//                      signature computed elsewhere. Leave them unset for real calls.
// The canonical string that was signed is printed to the Postman Console: compare it with
// the server's view when a call answers 2001 (API授权错误).

const cryptoJs = require('crypto-js');

const SIGN_METHODS = ['HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512'];
const SIGNED_HEADERS = ['x-api-key', 'x-nonce', 'x-sign-method', 'x-timestamp'];

// 1. Read the settings; stop with an error that says what to fix rather than sign with a
//    missing or unknown one.
const apiKey = pm.variables.get('apiKey');
const accessKey = pm.variables.get('accessKey');
const method = pm.variables.get('signMethod') || 'HmacSHA256';
const dialect = pm.variables.get('signDialect') || 'skip-empty';
if (!apiKey || !accessKey) {
  throw new Error('smskit: set apiKey and accessKey (select the smskit environment, top right).');
}
if (SIGN_METHODS.indexOf(method) === -1) {
  throw new Error('smskit: signMethod must be one of ' + SIGN_METHODS.join(', ') + ', not "' + method + '".');
}
if (dialect !== 'skip-empty' && dialect !== 'keep-empty') {
  throw new Error('smskit: signDialect must be skip-empty or keep-empty, not "' + dialect + '".');
}

// 2. Fill in the body's {{variables}} now and send that exact text, so that what is signed
//    is byte for byte what the server receives (a dynamic variable such as {{$guid}} would
//    otherwise get one value here and another in the request).
let body = '';
if (pm.request.body && pm.request.body.mode === 'raw' && pm.request.body.raw) {
  body = pm.variables.replaceIn(pm.request.body.raw);
  pm.request.body.raw = body;
}
let params = {};
if (body.trim() !== '') {
  try {
    params = JSON.parse(body);
  } catch (error) {
    throw new Error('smskit: the body is not valid JSON (' + error.message + ').');
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new Error('smskit: the body must be a JSON object, like {"phones": "13800138000"}.');
  }
}

// 3. A fresh nonce (15 digits, never starting with 0, so it stays exact even where a server
//    parses it as a number) and the current time in milliseconds.
function randomBytes(count) {
  try {
    const words = cryptoJs.lib.WordArray.random(count).words;
    const bytes = [];
    for (let i = 0; i < count; i++) bytes.push((words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff);
    return bytes;
  } catch (error) {
    // No native random source in this sandbox: a nonce only has to be unique, not secret.
    const bytes = [];
    for (let i = 0; i < count; i++) bytes.push(Math.floor(Math.random() * 256));
    return bytes;
  }
}
function generateNonce() {
  let digits = '';
  while (digits.length < 15) {
    for (const byte of randomBytes(32)) {
      // Bytes 250-255 are dropped so that every digit is equally likely.
      if (byte >= 250 || digits.length === 15) continue;
      if (digits === '' && byte % 10 === 0) continue;
      digits += String(byte % 10);
    }
  }
  return digits;
}
const headers = {
  'x-api-key': String(apiKey),
  'x-sign-method': method,
  'x-nonce': String(pm.variables.get('smskitNonce') || generateNonce()),
  'x-timestamp': String(pm.variables.get('smskitTimestamp') || Date.now()),
};

// 4. The canonical string: every body field and the four headers above, sorted by key
//    (plain character-code order), joined as key=value with &, nothing URL-encoded.
//    Strings are written as they are, numbers and booleans as text, arrays and objects
//    as compact JSON.
function writeValue(value) {
  if (value === null || value === undefined || value === '') return dialect === 'skip-empty' ? undefined : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
const pairs = [];
for (const key of Object.keys(params)) {
  if (SIGNED_HEADERS.indexOf(key) !== -1) {
    throw new Error('smskit: the body field "' + key + '" has the name of a signed header; rename it.');
  }
  const written = writeValue(params[key]);
  if (written !== undefined) pairs.push([key, written]);
}
for (const key of SIGNED_HEADERS) pairs.push([key, headers[key]]);
pairs.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
const canonical = pairs.map(function (pair) { return pair[0] + '=' + pair[1]; }).join('&');

// 5. Sign (UTF-8 key and text, lowercase hex) and attach the five headers to this request.
const sign = cryptoJs[method](canonical, String(accessKey)).toString(cryptoJs.enc.Hex);
headers['x-sign'] = sign;
for (const name of Object.keys(headers)) pm.request.headers.upsert({ key: name, value: headers[name] });
if (!pm.request.headers.has('Content-Type')) pm.request.headers.upsert({ key: 'Content-Type', value: 'application/json' });

console.log('smskit signed ' + method + ' over: ' + canonical);
`;
